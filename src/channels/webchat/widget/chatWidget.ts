import { DirectLineClient, HttpError } from './directLineClient';
import { el } from './el';
import { fileProblem, fileSentLabel } from './fileCheck';
import { MessageList } from './messageList';
import { Outbox } from './outbox';
import { renderMessage, type RenderContext } from './renderActivity';
import type { WidgetStrings } from './strings';
import type { WidgetView } from './widgetView';
import { geoEntity, type CardAction, type WireActivity } from './wireTypes';

const POLL_OPEN_MS = 1000;
const POLL_CLOSED_MS = 8000;
const MAX_BACKOFF_MS = 15000;
/** Direct Line clients send `typing` at most this often (Web Chat does the same). */
const TYPING_EVERY_MS = 3000;

/**
 * The widget's behaviour: open/close, connect (or restore this tab's conversation), poll the
 * Direct Line log, render, send. Polling runs while a conversation exists; network failures back
 * off and show a banner, and the browser's `online` event retries at once.
 */
export class ChatWidget {
  private watermark = '';
  private readonly seen = new Set<string>();
  private readonly outbox: Outbox;
  private connecting: Promise<void> | undefined;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private composing = false;
  private lastTyping = 0;
  /** The person answering now, or null while the assistant does. */
  private agent: string | null = null;
  private readonly title: string;
  private readonly render: RenderContext;
  private readonly list: MessageList;

  constructor(
    private readonly view: WidgetView,
    private readonly client: DirectLineClient,
    private readonly strings: WidgetStrings,
    private readonly openKey: string,
  ) {
    this.render = { strings, onAction: (action) => this.act(action) };
    this.title = view.title.textContent ?? strings.title;
    this.list = new MessageList(view.log, view.suggestions, this.render);
    this.outbox = new Outbox({
      client,
      list: this.list,
      render: this.render,
      connected: () => this.ensureConnected(),
      delivered: () => this.pollSoon(0),
      notice: (text: string, role: 'status' | 'alert') => this.notice(text, role),
      answersAtOnce: () => this.agent === null,
    });
    this.bind();
    if (this.client.hasSession) {
      // A reload: bring the conversation (and the panel, if it was open) back.
      if (sessionStorage.getItem(openKey) === '1') this.open(false);
      else void this.ensureConnected();
    }
  }

  open(focus = true): void {
    const v = this.view;
    v.panel.hidden = false;
    v.launcher.hidden = true;
    v.launcher.setAttribute('aria-expanded', 'true');
    v.badge.hidden = true;
    sessionStorage.setItem(this.openKey, '1');
    if (focus) v.input.focus();
    this.list.scrollToEnd();
    void this.ensureConnected().then(() => this.pollSoon(0));
  }

  close(): void {
    const v = this.view;
    v.panel.hidden = true;
    v.launcher.hidden = false;
    v.launcher.setAttribute('aria-expanded', 'false');
    sessionStorage.removeItem(this.openKey);
    v.launcher.focus();
  }

  private get isOpen(): boolean {
    return !this.view.panel.hidden;
  }

  private bind(): void {
    const v = this.view;
    v.launcher.addEventListener('click', () => this.open());
    v.minimise.addEventListener('click', () => this.close());
    v.restart.addEventListener('click', () => void this.restart());
    v.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.close();
    });
    v.send.addEventListener('click', () => this.sendInput());
    v.locate.addEventListener('click', () => this.shareLocation());
    v.attach.addEventListener('click', () => v.file.click());
    v.file.addEventListener('change', () => this.sendFile());
    // An input method (pinyin, zhuyin…) uses Enter to commit its candidate: that Enter must not send.
    v.input.addEventListener('compositionstart', () => (this.composing = true));
    v.input.addEventListener('compositionend', () => (this.composing = false));
    v.input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || e.shiftKey) return;
      if (e.isComposing || this.composing || e.keyCode === 229) return;
      e.preventDefault();
      this.sendInput();
    });
    v.input.addEventListener('input', () => {
      v.input.style.height = 'auto';
      v.input.style.height = `${Math.min(v.input.scrollHeight, 120)}px`;
      this.sendTyping();
    });
    window.addEventListener('online', () => this.pollSoon(0));
  }

  private ensureConnected(): Promise<void> {
    this.connecting ??= this.client.connect(this.strings.locale).then(
      ({ restored }) => {
        this.setStatus(undefined);
        if (!restored) this.watermark = '';
        this.pollSoon(0);
      },
      (err: unknown) => {
        this.connecting = undefined;
        this.setStatus(err instanceof HttpError ? this.strings.startFailed : this.strings.reconnecting);
        if (!(err instanceof HttpError) || err.status >= 500) this.pollSoon(this.backoff());
      },
    );
    return this.connecting;
  }

  private async restart(): Promise<void> {
    this.client.forget();
    this.connecting = undefined;
    this.watermark = '';
    this.seen.clear();
    this.outbox.clear();
    this.list.clear(this.strings.newConversation);
    this.showAgent(null); // a new conversation starts with the assistant, whoever answered the old one
    await this.ensureConnected();
    this.view.input.focus();
  }

  private pollSoon(delay: number): void {
    clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => void this.poll(), delay);
  }

  private backoff(): number {
    this.failures += 1;
    return Math.min(1000 * 2 ** (this.failures - 1), MAX_BACKOFF_MS);
  }

  private async poll(): Promise<void> {
    if (!this.client.hasSession) return void (this.connecting ? undefined : this.ensureConnected());
    try {
      const page = await this.client.poll(this.watermark);
      this.failures = 0;
      this.setStatus(undefined);
      const firstLoad = this.watermark === '';
      this.watermark = page.watermark;
      this.show(page.activities, firstLoad);
      this.pollSoon(this.isOpen ? POLL_OPEN_MS : POLL_CLOSED_MS);
    } catch (err) {
      if (err instanceof HttpError && [401, 403, 404].includes(err.status)) {
        // The conversation is gone (expired token or log): start afresh rather than poll forever.
        await this.restart();
        return;
      }
      this.setStatus(this.strings.reconnecting);
      this.pollSoon(this.backoff());
    }
  }

  private show(activities: WireActivity[], firstLoad: boolean): void {
    const follow = this.list.nearEnd();
    let last: WireActivity | undefined;
    let first: HTMLElement | undefined;
    for (const a of activities) {
      if (a.id && this.seen.has(a.id)) continue;
      if (a.id) this.seen.add(a.id);
      const isUser = a.from?.role === 'user';
      if (a.type === 'typing' && !isUser) this.list.setTyping(true);
      if (a.type !== 'message') continue;
      last = a;
      const mine = a.channelData?.clientActivityID;
      // Our own message echoed back: it is in the log now, so it is sent.
      if (mine && this.outbox.confirm(mine, a.timestamp)) continue;
      const handover = a.channelData?.handover;
      if (!isUser && handover) this.showAgent(handover.agent);
      const row = renderMessage(a, isUser, this.render);
      if (!isUser) {
        this.list.setTyping(false);
        if (!this.isOpen) this.view.badge.hidden = false;
      }
      if (row) {
        this.list.insert(row);
        first ??= row;
      }
    }
    if (last) this.list.showSuggestions(last.from?.role !== 'user' ? (last.suggestedActions?.actions ?? []) : []);
    // Follow the conversation unless the customer scrolled up to reread.
    if (first && follow) this.list.reveal(first, firstLoad);
  }

  /**
   * While a person answers, the header says who ("张 · 人工客服") instead of the assistant's
   * "智能助手 · 7×24 小时"; with `null` the assistant is back.
   */
  private showAgent(agent: string | null): void {
    const { title, subtitle } = this.view;
    const name = agent ?? this.title;
    // Every agent message carries the header; rewriting the same text would make the live header
    // announce it again with each message.
    if (title.textContent === name && subtitle.classList.contains('agent') === Boolean(agent)) return;
    this.agent = agent;
    title.textContent = name;
    subtitle.textContent = agent ? this.strings.agent : this.strings.subtitle;
    subtitle.classList.toggle('agent', Boolean(agent));
    // Files are for a person: the bot cannot read them, so the button is there only while one answers.
    this.view.attach.hidden = !agent;
  }

  private sendFile(): void {
    const { file: input, attach } = this.view;
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again after an error
    attach.focus(); // the picker took the focus; a keyboard user goes on from the button
    if (!file) return;
    const problem = fileProblem(file, this.strings);
    if (problem) return this.notice(problem, 'alert');
    this.outbox.send({}, fileSentLabel(file.name, this.strings), file);
  }

  /** Tells the agent the customer is typing: at most one typing activity every few seconds. */
  private sendTyping(): void {
    const now = Date.now();
    if (now - this.lastTyping < TYPING_EVERY_MS || !this.client.hasSession || !this.view.input.value.trim()) return;
    this.lastTyping = now;
    void this.client.post({ type: 'typing', locale: this.strings.locale }).catch(() => undefined);
  }

  private setStatus(text: string | undefined): void {
    this.view.status.textContent = text ?? '';
    this.view.status.hidden = !text;
  }

  private sendInput(): void {
    const text = this.view.input.value.trim();
    if (!text) return;
    this.view.input.value = '';
    this.view.input.style.height = 'auto';
    this.outbox.send({ text }, text);
  }

  /** Suggested actions and card buttons (Bot Framework CardAction types). */
  private act(action: CardAction): void {
    if (action.type === 'openUrl' && typeof action.value === 'string' && /^https?:\/\//.test(action.value)) {
      window.open(action.value, '_blank', 'noopener');
      return;
    }
    const text = action.text ?? (typeof action.value === 'string' ? action.value : action.title);
    const value = typeof action.value === 'object' ? action.value : undefined;
    // The chosen button disappears with the suggestion row; without this the keyboard focus would
    // fall back to <body> and a keyboard user would have to find the chat again.
    const fromWidget = this.view.panel.contains(this.view.host.shadowRoot?.activeElement ?? null);
    this.outbox.send({ text, value }, action.displayText ?? action.title ?? text ?? '');
    if (fromWidget) this.view.input.focus();
  }

  private shareLocation(): void {
    if (!navigator.geolocation) return this.notice(this.strings.locationDenied);
    navigator.geolocation.getCurrentPosition(
      (pos) => this.outbox.send({ entities: [geoEntity(pos.coords.latitude, pos.coords.longitude)] }, this.strings.sharedLocation),
      () => this.notice(this.strings.locationDenied),
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 },
    );
  }

  /** A line in the log; `alert` for a refusal the customer must hear now (a file not sent). */
  private notice(text: string, role: 'status' | 'alert' = 'status'): void {
    this.list.append(el('p', { class: `notice ${role}`, role }, [text]));
  }
}

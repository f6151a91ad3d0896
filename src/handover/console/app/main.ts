/**
 * The agent console (served as /agent/console.js, bundled from these files at server start like the
 * widget). Everything a customer wrote is put into the page with textContent, never as HTML, and the
 * page's CSP allows no inline script, so a customer's "<script>" is shown, not run.
 */
import { Alerts } from './alerts';
import { ConsoleApi } from './api';
import { ConversationList, tickWaitingTimes } from './conversationList';
import { ConversationPane } from './conversationPane';
import { relabelPage, signInError } from './relabelPage';
import { bindShortcuts, type ShortcutAction } from './shortcuts';
import { CONSOLE_LANGUAGES, saveLanguage, savedLanguage, type ConsoleLanguage, type ConsoleStrings } from './strings';
import { renderHelp, renderRatings, renderTickets } from './sidePanels';
import { labelStatuses, wireTools } from './toolWiring';
import type { ConversationView, MessageEvent, Note, NoteEvent, Overview, TranscriptEntry } from './wire';

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

class Console {
  private lang: ConsoleLanguage = savedLanguage();
  private me = '';
  private stream: EventSource | undefined;
  private readonly unread = new Map<string, number>();
  private knownWaiting = new Set<string>();
  private readonly api = new ConsoleApi(() => this.showSignIn());
  private readonly alerts = new Alerts();
  private readonly pane = new ConversationPane();
  private readonly waiting = new ConversationList(byId('waiting'), () => this.s.emptyWaiting, (h) => void this.openConversation(h, true));
  private readonly mine = new ConversationList(byId('mine'), () => this.s.emptyMine, (h) => void this.openConversation(h, true));
  private readonly tools = wireTools({
    api: this.api,
    pane: this.pane,
    strings: () => this.s,
    lang: () => this.lang,
    me: () => this.me,
    fail: (err) => this.fail(err),
    afterTransfer: () => this.afterLeaving(),
  });

  get s(): ConsoleStrings {
    return CONSOLE_LANGUAGES[this.lang];
  }

  start(): void {
    this.applyLanguage();
    this.wire();
    setInterval(() => tickWaitingTimes(document, this.s), 1000);
    this.api.get<{ agent: string }>('/agent/api/me').then(({ agent }) => this.showDesk(agent), () => this.showSignIn());
  }

  private wire(): void {
    byId('signin-form').addEventListener('submit', (e) => (e.preventDefault(), void this.signIn()));
    for (const id of ['lang', 'signin-lang']) byId(id).addEventListener('click', () => this.switchLanguage());
    byId('signout').addEventListener('click', () => void this.api.post('/agent/api/signout').finally(() => this.showSignIn()));
    byId('help-open').addEventListener('click', () => this.showHelp());
    this.pane.take.addEventListener('click', () => void this.act('take'));
    this.pane.close.addEventListener('click', () => void this.act('close'));
    this.pane.release.addEventListener('click', () => void this.act('release'));
    this.pane.replyForm.addEventListener('submit', (e) => (e.preventDefault(), void this.sendReply()));
    this.pane.reply.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
        e.preventDefault();
        void this.sendReply();
      }
    });
    for (const kind of ['sound', 'notify'] as const) {
      const box = byId<HTMLInputElement>(kind);
      box.checked = this.alerts.enabled(kind);
      box.addEventListener('change', () => void this.alerts.set(kind, box.checked).then((on) => (box.checked = on)));
    }
    bindShortcuts(this.shortcutHandlers());
  }

  private shortcutHandlers(): Record<ShortcutAction, () => void> {
    const when = (button: HTMLButtonElement) => () => {
      if (!button.hidden && !byId('desk').hidden) button.click();
    };
    return {
      nextWaiting: () => {
        const next = this.waiting.handles[0];
        if (next) void this.openConversation(next, true);
      },
      take: when(this.pane.take),
      close: when(this.pane.close),
      release: when(this.pane.release),
      reply: () => {
        if (!this.pane.replyForm.hidden) this.pane.reply.focus();
      },
      list: () => {
        if (!this.mine.focusFirst() && !this.waiting.focusFirst()) byId('lists-title').focus();
      },
      help: () => this.showHelp(),
      transfer: () => this.tools.transfer(),
      canned: () => this.tools.canned(),
    };
  }

  private switchLanguage(): void {
    this.lang = this.lang === 'zh' ? 'en' : 'zh';
    saveLanguage(this.lang);
    this.applyLanguage();
    if (this.me) void this.refresh();
  }

  private applyLanguage(): void {
    const s = this.s;
    relabelPage(s, this.lang);
    this.setLive(byId('live').classList.contains('on'));
    renderHelp(byId('help-list'), s);
    labelStatuses(s);
    this.pane.relabel(s, this.me);
  }

  private async signIn(): Promise<void> {
    const error = byId('signin-error');
    const name = byId<HTMLInputElement>('signin-name');
    const password = byId<HTMLInputElement>('signin-password');
    error.textContent = '';
    if (!name.value.trim() || !password.value) {
      error.textContent = this.s.fillBoth;
      return;
    }
    try {
      const { agent } = await this.api.post<{ agent: string }>('/agent/api/signin', { name: name.value.trim(), password: password.value });
      password.value = '';
      await this.showDesk(agent);
    } catch (err) {
      error.textContent = signInError(err, this.s);
    }
  }

  private showSignIn(): void {
    this.stream?.close();
    this.stream = undefined;
    this.me = '';
    byId('topbar').hidden = true;
    byId('desk').hidden = true;
    byId('signin').hidden = false;
    byId('signin-name').focus();
  }

  private async showDesk(agent: string): Promise<void> {
    this.me = agent;
    byId('me').textContent = agent;
    byId('signin').hidden = true;
    byId('topbar').hidden = false;
    byId('desk').hidden = false;
    this.connectStream();
    await this.refresh();
    if (!document.activeElement || document.activeElement === document.body || byId('signin').contains(document.activeElement)) {
      if (!this.waiting.focusFirst()) byId('help-open').focus();
    }
  }

  private async refresh(): Promise<void> {
    await Promise.all([this.loadQueue(), this.loadTickets(), this.loadRatings(), this.tools.refreshStatus(), this.tools.searchClosed()]).catch(() => undefined);
  }

  private async loadQueue(): Promise<void> {
    const { waiting, mine } = await this.api.get<Overview>('/agent/api/queue');
    const open = this.pane.open?.handle ?? '';
    byId('waiting-count').textContent = `(${waiting.length})`;
    byId('mine-count').textContent = `(${mine.length})`;
    this.waiting.render(waiting, this.s, open, this.unread);
    this.mine.render(mine, this.s, open, this.unread);
    const fresh = waiting.filter((c) => !this.knownWaiting.has(c.handle));
    if (this.knownWaiting.size > 0 || fresh.length > 0) this.announceNew(fresh);
    this.knownWaiting = new Set(waiting.map((c) => c.handle));
  }

  private announceNew(fresh: ConversationView[]): void {
    for (const c of fresh) {
      const text = this.s.newCustomer(c.customer);
      byId('announcer').textContent = text;
      this.alerts.newCustomer(text);
    }
  }

  private async loadTickets(): Promise<void> {
    const { tickets } = await this.api.get<{ tickets: Parameters<typeof renderTickets>[1] }>('/agent/api/tickets');
    renderTickets(byId('tickets'), tickets, this.s, (id) => void this.api.post(`/agent/api/tickets/${id}/done`).then(() => this.loadTickets(), (e) => this.fail(e)));
  }

  private async loadRatings(): Promise<void> {
    const { ratings } = await this.api.get<{ ratings: Parameters<typeof renderRatings>[1] }>('/agent/api/ratings');
    renderRatings(byId<HTMLTableElement>('ratings'), ratings, this.s);
  }

  private async openConversation(handle: string, focus: boolean): Promise<void> {
    this.pane.showError('');
    try {
      const { conversation, transcript, notes } = await this.api.get<{ conversation: ConversationView; transcript: TranscriptEntry[]; notes: Note[] }>(`/agent/api/conversations/${handle}`);
      this.unread.delete(handle);
      this.pane.show(conversation, transcript, notes, this.me, this.s);
      await this.loadQueue();
      if (focus) this.pane.title.focus();
    } catch (err) {
      this.fail(err);
    }
  }

  private async act(action: 'take' | 'close' | 'release'): Promise<void> {
    const open = this.pane.open;
    if (!open) return;
    this.pane.showError('');
    try {
      await this.api.post(`/agent/api/conversations/${open.handle}/${action}`);
    } catch (err) {
      this.fail(err);
    }
    if (action === 'take') {
      await this.openConversation(open.handle, false);
      if (!this.pane.replyForm.hidden) this.pane.reply.focus();
      return;
    }
    await this.afterLeaving();
  }

  /** The open conversation is no longer the agent's (closed, released, transferred). */
  private async afterLeaving(): Promise<void> {
    this.pane.clear();
    await Promise.all([this.loadQueue(), this.tools.searchClosed()]).catch(() => undefined);
    if (!this.mine.focusFirst() && !this.waiting.focusFirst()) byId('closed-q').focus();
  }

  private async sendReply(): Promise<void> {
    const open = this.pane.open;
    const text = this.pane.reply.value.trim();
    if (!open || !text) return;
    this.pane.showError('');
    try {
      await this.api.post(`/agent/api/conversations/${open.handle}/messages`, { text });
      this.pane.reply.value = '';
    } catch (err) {
      this.fail(err);
    }
  }

  private fail(err: unknown): void {
    this.pane.showError(`${this.s.actionFailed}${err instanceof Error ? err.message : String(err)}`);
  }

  private showHelp(): void {
    const dialog = byId<HTMLDialogElement>('help');
    if (!dialog.open) dialog.showModal();
  }

  private setLive(on: boolean): void {
    const live = byId('live');
    live.classList.toggle('on', on);
    live.setAttribute('aria-label', on ? this.s.live : this.s.offlineStream);
    live.title = live.getAttribute('aria-label') ?? '';
  }

  private connectStream(): void {
    this.stream?.close();
    const stream = new EventSource('/agent/api/events');
    this.stream = stream;
    stream.onopen = () => this.setLive(true);
    stream.onerror = () => this.setLive(false);
    const reload = () => void this.loadQueue().catch(() => undefined);
    for (const type of ['queue', 'assigned', 'closed']) stream.addEventListener(type, reload);
    stream.addEventListener('tickets', () => void this.loadTickets().catch(() => undefined));
    stream.addEventListener('ratings', () => void this.loadRatings().catch(() => undefined));
    stream.addEventListener('closed', () => void this.tools.searchClosed().catch(() => undefined));
    stream.addEventListener('note', (event) => {
      const data = JSON.parse((event as globalThis.MessageEvent<string>).data) as NoteEvent;
      if (data.handle === this.pane.open?.handle) this.pane.appendNote(data.note, this.s);
    });
    stream.addEventListener('typing', (event) => {
      const data = JSON.parse((event as globalThis.MessageEvent<string>).data) as { handle: string };
      if (data.handle === this.pane.open?.handle) this.pane.showTyping();
    });
    stream.addEventListener('message', (event) => this.onMessage(JSON.parse((event as globalThis.MessageEvent<string>).data) as MessageEvent));
  }

  private onMessage(data: MessageEvent): void {
    if (data.handle === this.pane.open?.handle) {
      this.pane.append(data.entry, this.s);
      return;
    }
    if (data.entry.from !== 'customer') return;
    this.unread.set(data.handle, (this.unread.get(data.handle) ?? 0) + 1);
    void this.loadQueue().catch(() => undefined);
  }
}

new Console().start();

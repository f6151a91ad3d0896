import { el } from '../../../channels/webchat/widget/el';
import { ATTACHMENT_ONLY_TEXT } from '../../transcriptText';
import { secondsSince } from './conversationList';
import { labelOf, type ConsoleStrings } from './strings';
import type { ConversationView, Note, TranscriptEntry } from './wire';

const $ = <T extends HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`console page: #${id} is missing`);
  return node as T;
};

/**
 * A customer's client sends "typing" every few seconds while they type (the widget every 3 s, the
 * server passes one on every 2 s at most); with none for this long they have stopped, and the
 * line goes, as the widget's indicator does, instead of saying "typing" until the next message.
 */
const CUSTOMER_TYPING_SHOWN_MS = 7000;

/** The open conversation: who, where from, the masked transcript, and the agent's actions. */
export class ConversationPane {
  readonly title = $<HTMLHeadingElement>('conversation-title');
  readonly transcript = $<HTMLOListElement>('transcript');
  readonly reply = $<HTMLTextAreaElement>('reply');
  readonly take = $<HTMLButtonElement>('take');
  readonly close = $<HTMLButtonElement>('close');
  readonly release = $<HTMLButtonElement>('release');
  readonly transfer = $<HTMLButtonElement>('transfer');
  readonly noteBox = $<HTMLDetailsElement>('note-box');
  readonly typing = $('customer-typing');
  readonly replyForm = $<HTMLFormElement>('reply-form');
  private readonly body = $('conversation-body');
  private readonly placeholder = $('placeholder');
  private readonly meta = $('conversation-meta');
  private readonly error = $('action-error');
  private view: ConversationView | undefined;
  private readOnly = false;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  get open(): ConversationView | undefined {
    return this.view;
  }

  /** `readOnly`: a closed conversation from the search, with no actions at all. */
  show(view: ConversationView, entries: TranscriptEntry[], notes: Note[], me: string, strings: ConsoleStrings, readOnly = false): void {
    this.view = view;
    this.readOnly = readOnly;
    this.placeholder.hidden = true;
    this.body.hidden = false;
    this.typing.hidden = true;
    const rows = [...entries.map((e) => ({ at: e.at, row: entryRow(e, strings) })), ...notes.map((n) => ({ at: n.at, row: noteRow(n, strings) }))];
    this.transcript.replaceChildren(...rows.sort((a, b) => a.at - b.at).map((r) => r.row));
    this.transcript.lastElementChild?.scrollIntoView({ block: 'nearest' });
    this.relabel(strings, me);
  }

  /** Rewrites every text that depends on the language or the conversation's state. */
  relabel(strings: ConsoleStrings, me: string): void {
    const view = this.view;
    if (!view) return;
    this.title.textContent = strings.conversationWith(view.customer);
    const parts = [
      labelOf(strings.channels, view.channel),
      labelOf(strings.scripts, view.script),
      labelOf(strings.reasons, view.reason),
      view.lastIntent ? `${strings.understood}: ${labelOf(strings.intents, view.lastIntent)}` : '',
      this.readOnly ? strings.readOnly : view.state === 'assigned' ? strings.assignedTo(view.agent) : labelOf(strings.stateLabels, view.state),
    ];
    this.meta.replaceChildren(...parts.filter(Boolean).map((p) => el('span', { class: 'chip' }, [p])));
    if (view.state === 'queued') this.meta.append(el('span', { class: 'chip', 'data-since': String(view.enqueuedAt) }, [strings.waited(secondsSince(view.enqueuedAt))]));
    const mine = !this.readOnly && view.state === 'assigned' && view.agent === me;
    this.take.hidden = this.readOnly || view.state !== 'queued';
    for (const button of [this.close, this.release, this.transfer]) button.hidden = !mine;
    this.replyForm.hidden = !mine;
    this.noteBox.hidden = !(mine || (!this.readOnly && view.state === 'queued'));
  }

  /** The customer is typing: said under the transcript until they send or stop for a while. */
  showTyping(): void {
    this.typing.hidden = false;
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => (this.typing.hidden = true), CUSTOMER_TYPING_SHOWN_MS);
  }

  appendNote(note: Note, strings: ConsoleStrings): void {
    const row = noteRow(note, strings);
    this.transcript.append(row);
    row.scrollIntoView({ block: 'nearest' });
  }

  append(entry: TranscriptEntry, strings: ConsoleStrings): void {
    if (entry.from === 'customer') this.typing.hidden = true;
    const row = entryRow(entry, strings);
    this.transcript.append(row);
    row.scrollIntoView({ block: 'nearest' });
  }

  clear(): void {
    this.view = undefined;
    this.body.hidden = true;
    this.placeholder.hidden = false;
  }

  showError(message: string): void {
    this.error.textContent = message;
  }
}

/** One transcript line; text goes in as textContent, so a customer's markup is shown, never run. */
export function entryRow(entry: TranscriptEntry, strings: ConsoleStrings): HTMLLIElement {
  const who = entry.from === 'agent' && entry.agent ? `${strings.speaker.agent} ${entry.agent}` : strings.speaker[entry.from];
  const time = new Date(entry.at).toLocaleTimeString(strings.lang, { hour: '2-digit', minute: '2-digit' });
  return el('li', { class: `entry ${entry.from}` }, [
    el('span', { class: 'entry-meta' }, [el('span', { class: 'speaker' }, [who]), ' ', el('time', { datetime: new Date(entry.at).toISOString() }, [time])]),
    // A message that is only files shows the files, not the transcript's placeholder text.
    entry.attachments?.length && entry.text === ATTACHMENT_ONLY_TEXT ? null : el('span', { class: 'text' }, [entry.text]),
    ...(entry.attachments ?? []).filter((a) => SAFE_URL.test(a.url)).map((a) => attachmentView(a)),
  ]);
}

/** Only our own stored files (same origin), never a URL from elsewhere. */
const SAFE_URL = /^\/attachments\/[A-Za-z0-9_-]{22}$/;

/** An image is shown (a link opens it full size); a PDF is a download link. */
function attachmentView(a: { contentType: string; url: string; name: string }): HTMLElement {
  if (a.contentType.startsWith('image/')) {
    const img = el('img', { src: a.url, alt: a.name || 'image' });
    // The row was scrolled into view before the image had a height: once it has, keep the newest
    // message in view (only when it is the newest, so reading older messages is not disturbed).
    img.addEventListener('load', () => {
      const row = img.closest('li');
      if (row && !row.nextElementSibling) row.scrollIntoView({ block: 'nearest' });
    });
    return el('a', { class: 'attachment', href: a.url, target: '_blank', rel: 'noopener' }, [img]);
  }
  return el('a', { class: 'attachment file', href: a.url, download: a.name || 'file.pdf' }, [`📄 ${a.name || 'PDF'}`]);
}

/** A private note: styled and labelled apart from what the customer saw. */
export function noteRow(note: Note, strings: ConsoleStrings): HTMLLIElement {
  const time = new Date(note.at).toLocaleTimeString(strings.lang, { hour: '2-digit', minute: '2-digit' });
  return el('li', { class: 'entry note' }, [
    el('span', { class: 'entry-meta' }, [el('span', { class: 'speaker' }, [strings.noteBy(note.agent)]), ' ', el('time', { datetime: new Date(note.at).toISOString() }, [time])]),
    el('span', { class: 'text' }, [note.text]),
  ]);
}

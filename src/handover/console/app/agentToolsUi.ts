import { el } from '../../../channels/webchat/widget/el';
import { labelOf, type ConsoleStrings } from './strings';
import type { CannedReply, ClosedHit, Colleague } from './wire';

/** The transfer menu: every colleague online (away/offline ones shown but disabled) and "back to the queue". */
export function openTransferDialog(dialog: HTMLDialogElement, list: HTMLElement, colleagues: Colleague[], s: ConsoleStrings, onPick: (to: string | null) => void): void {
  const pick = (to: string | null) => () => {
    dialog.close();
    onPick(to);
  };
  const choice = (label: string, to: string | null, disabled = false) => {
    const button = el('button', { type: 'button', class: 'choice', 'data-to': to ?? '' }, [label]);
    button.disabled = disabled;
    button.addEventListener('click', pick(to));
    return el('li', {}, [button]);
  };
  const rows = colleagues.map((c) => choice(`${c.agent} · ${s.statuses[c.status]}`, c.agent, c.status !== 'online'));
  if (rows.length === 0) rows.push(el('li', { class: 'empty' }, [s.noColleagues]));
  list.replaceChildren(...rows, choice(s.backToQueue, null));
  dialog.showModal();
  list.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
}

/**
 * The canned-reply picker: a search box (ARIA 1.2 combobox) over a listbox; arrows move, Enter
 * inserts the highlighted reply into the reply box, Escape closes without inserting.
 */
export class CannedPicker {
  private replies: CannedReply[] = [];
  private shown: CannedReply[] = [];
  private active = 0;
  private onChoose: (text: string) => void = () => undefined;

  constructor(
    private readonly dialog: HTMLDialogElement,
    private readonly input: HTMLInputElement,
    private readonly list: HTMLElement,
    private readonly strings: () => ConsoleStrings,
  ) {
    input.addEventListener('input', () => this.filter());
    input.addEventListener('keydown', (e) => this.key(e));
  }

  open(replies: CannedReply[], onChoose: (text: string) => void): void {
    this.replies = replies;
    this.onChoose = onChoose;
    this.input.value = '';
    this.filter();
    this.dialog.showModal();
    this.input.focus();
  }

  private filter(): void {
    const q = this.input.value.trim().toLowerCase();
    this.shown = this.replies.filter((r) => !q || `${r.id} ${r.title} ${r.text}`.toLowerCase().includes(q));
    this.active = 0;
    this.render();
  }

  private render(): void {
    const s = this.strings();
    if (this.shown.length === 0) {
      this.list.replaceChildren(el('li', { class: 'empty', role: 'option', 'aria-disabled': 'true', id: 'canned-none' }, [s.noCanned]));
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    this.list.replaceChildren(
      ...this.shown.map((r, i) => {
        const li = el('li', { role: 'option', id: `canned-${r.id}`, class: 'choice', 'aria-selected': i === this.active ? 'true' : 'false' }, [
          el('span', { class: 'choice-title' }, [r.title]),
          el('span', { class: 'choice-text' }, [r.text]),
        ]);
        li.addEventListener('click', () => this.choose(i));
        return li;
      }),
    );
    this.input.setAttribute('aria-activedescendant', `canned-${this.shown[this.active].id}`);
    this.list.children[this.active]?.scrollIntoView({ block: 'nearest' });
  }

  private key(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (this.shown.length === 0) return;
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : -1) + this.shown.length) % this.shown.length;
      this.render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (this.shown.length > 0) this.choose(this.active);
    }
  }

  private choose(i: number): void {
    const reply = this.shown[i];
    this.dialog.close();
    if (reply) this.onChoose(reply.text);
  }
}

/** Closed conversations found by a search, each a button that opens it read-only. */
export function renderClosed(list: HTMLElement, hits: ClosedHit[], s: ConsoleStrings, onOpen: (handle: string) => void): void {
  if (hits.length === 0) {
    list.replaceChildren(el('li', { class: 'empty' }, [s.noClosed]));
    return;
  }
  list.replaceChildren(
    ...hits.map((h) => {
      const when = new Date(h.closedAt).toLocaleString(s.lang, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
      const button = el('button', { type: 'button', class: 'conv', 'data-closed': h.handle }, [
        el('span', { class: 'conv-top' }, [el('span', { class: 'who' }, [h.customer])]),
        el('span', { class: 'conv-line' }, [`${labelOf(s.channels, h.channel)} · ${s.closedAt(when, h.agent)}`]),
        h.snippet ? el('span', { class: 'conv-line snippet' }, [h.snippet]) : null,
      ]);
      button.addEventListener('click', () => onOpen(h.handle));
      return el('li', {}, [button]);
    }),
  );
}

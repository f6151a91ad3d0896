import { el } from './el';
import { actionButton, typingIndicator, type RenderContext } from './renderActivity';
import type { CardAction } from './wireTypes';

/** A typing indicator never outlives this, even if the answer is lost. */
const TYPING_MAX_MS = 30000;

/**
 * The message list and the suggested-action row: where rows go, the typing indicator that stays
 * last, and scrolling that follows the conversation unless the customer scrolled up to reread.
 */
export class MessageList {
  private typingRow: HTMLElement | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly log: HTMLElement,
    private readonly suggestions: HTMLElement,
    private readonly render: RenderContext,
  ) {}

  /** Rows the customer caused (their message, a notice): always scrolled into view. */
  append(row: HTMLElement): void {
    this.insert(row);
    this.scrollToEnd();
  }

  insert(row: HTMLElement): void {
    if (this.typingRow?.parentNode === this.log) this.log.insertBefore(row, this.typingRow);
    else this.log.append(row);
  }

  nearEnd(): boolean {
    return this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 80;
  }

  scrollToEnd(): void {
    this.log.scrollTop = this.log.scrollHeight;
  }

  /** After new rows: a long answer is shown from its first line, a restored history at its end. */
  reveal(first: HTMLElement, atEnd: boolean): void {
    const log = this.log;
    log.scrollTop = atEnd ? log.scrollHeight : Math.min(log.scrollHeight - log.clientHeight, first.offsetTop - 12);
  }

  clear(notice: string): void {
    this.setTyping(false);
    this.log.replaceChildren(el('p', { class: 'notice' }, [notice]));
    this.showSuggestions([]);
  }

  showSuggestions(actions: CardAction[]): void {
    this.suggestions.replaceChildren(...actions.map((a) => actionButton(a, this.render)));
    this.suggestions.hidden = actions.length === 0;
  }

  setTyping(on: boolean): void {
    clearTimeout(this.typingTimer);
    if (!on) {
      this.typingRow?.remove();
      this.typingRow = undefined;
      return;
    }
    this.typingRow ??= typingIndicator(this.render.strings);
    this.log.append(this.typingRow);
    this.scrollToEnd();
    this.typingTimer = setTimeout(() => this.setTyping(false), TYPING_MAX_MS);
  }
}

import { el, icon } from '../../../channels/webchat/widget/el';
import { channelIcon } from './channelIcons';
import { labelOf, type ConsoleStrings } from './strings';
import type { ConversationView } from './wire';

/** Seconds since `since`, never negative (clocks of browser and server differ a little). */
export function secondsSince(since: number, now = Date.now()): number {
  return Math.max(0, Math.round((now - since) / 1000));
}

/**
 * One list of conversations (waiting, or the agent's own). Each is a real <button>, so Tab, Enter
 * and Space work and a screen reader reads its whole text: who, channel, language, what the bot
 * understood, how long they have waited, unread messages.
 */
export class ConversationList {
  private items: ConversationView[] = [];

  constructor(
    private readonly list: HTMLElement,
    private readonly empty: () => string,
    private readonly onPick: (handle: string) => void,
  ) {}

  get handles(): string[] {
    return this.items.map((c) => c.handle);
  }

  find(handle: string): ConversationView | undefined {
    return this.items.find((c) => c.handle === handle);
  }

  render(items: ConversationView[], strings: ConsoleStrings, openHandle: string, unread: Map<string, number>): void {
    this.items = items;
    const keepFocus = this.list.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.handle : undefined;
    if (items.length === 0) {
      this.list.replaceChildren(el('li', { class: 'empty' }, [this.empty()]));
      return;
    }
    this.list.replaceChildren(...items.map((c) => el('li', {}, [this.button(c, strings, openHandle, unread.get(c.handle) ?? 0)])));
    if (keepFocus) this.list.querySelector<HTMLElement>(`button[data-handle="${CSS.escape(keepFocus)}"]`)?.focus();
  }

  focusFirst(): boolean {
    const first = this.list.querySelector<HTMLButtonElement>('button');
    first?.focus();
    return Boolean(first);
  }

  private button(c: ConversationView, s: ConsoleStrings, openHandle: string, unread: number): HTMLButtonElement {
    const understood = c.lastIntent ? `${s.understood}: ${labelOf(s.intents, c.lastIntent)}` : labelOf(s.reasons, c.reason);
    const button = el('button', { type: 'button', class: `conv${c.urgent ? ' urgent' : ''}`, 'data-handle': c.handle, 'aria-current': c.handle === openHandle ? 'true' : undefined }, [
      el('span', { class: 'conv-top' }, [
        el('span', { class: 'chan', title: labelOf(s.channels, c.channel) }, [icon(channelIcon(c.channel), 16)]),
        el('span', { class: 'who' }, [c.customer]),
        c.urgent ? el('span', { class: 'tag urgent-tag' }, [s.urgent]) : null,
        unread > 0 ? el('span', { class: 'unread' }, [el('span', { 'aria-hidden': 'true' }, [String(unread)]), el('span', { class: 'sr-only' }, [s.unread(unread)])]) : null,
      ]),
      el('span', { class: 'conv-line' }, [`${labelOf(s.channels, c.channel)} · ${labelOf(s.scripts, c.script)}`, c.position ? ` · ${s.position(c.position)}` : '']),
      el('span', { class: 'conv-line' }, [understood]),
      el('span', { class: 'conv-line waited', 'data-since': String(c.enqueuedAt) }, [s.waited(secondsSince(c.enqueuedAt))]),
    ]);
    button.addEventListener('click', () => this.onPick(c.handle));
    return button;
  }
}

/** Ticks every waiting time on the page once a second without rebuilding the lists. */
export function tickWaitingTimes(root: ParentNode, strings: ConsoleStrings): void {
  for (const node of Array.from(root.querySelectorAll<HTMLElement>('[data-since]'))) {
    node.textContent = strings.waited(secondsSince(Number(node.dataset.since)));
  }
}

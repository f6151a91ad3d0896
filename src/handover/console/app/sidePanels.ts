import { el } from '../../../channels/webchat/widget/el';
import { SHORTCUTS } from './shortcuts';
import { labelOf, type ConsoleStrings } from './strings';
import type { AgentRating, Ticket } from './wire';

/** Messages customers left while nobody could take them; open ones can be marked handled. */
export function renderTickets(list: HTMLElement, tickets: Ticket[], s: ConsoleStrings, onDone: (id: string) => void): void {
  if (tickets.length === 0) {
    list.replaceChildren(el('li', { class: 'empty' }, [s.noTickets]));
    return;
  }
  list.replaceChildren(
    ...tickets.map((t) => {
      const li = el('li', { class: `ticket ${t.status}`, 'data-ticket': t.id }, [
        el('span', { class: 'ticket-head' }, [`${t.id} · ${labelOf(s.channels, t.channel)} · ${t.contact || '—'}`]),
        el('span', { class: 'text' }, [t.message]),
      ]);
      if (t.status === 'open') {
        const done = el('button', { type: 'button', class: 'secondary small', 'aria-label': `${s.ticketDone} ${t.id}` }, [s.ticketDone]);
        done.addEventListener('click', () => onDone(t.id));
        li.append(done);
      }
      return li;
    }),
  );
}

export function renderRatings(table: HTMLTableElement, ratings: AgentRating[], _s: ConsoleStrings): void {
  table.tBodies[0].replaceChildren(...ratings.map((r) => el('tr', {}, [el('td', {}, [r.agent]), el('td', {}, [String(r.count)]), el('td', {}, [String(r.average)])])));
}

/** The shortcut help, generated from the same table the key handler uses. */
export function renderHelp(list: HTMLElement, s: ConsoleStrings): void {
  list.replaceChildren(...SHORTCUTS.flatMap((k) => [el('dt', {}, [el('kbd', {}, [k.keys])]), el('dd', {}, [s.shortcutHelp[k.action] ?? k.action])]));
}

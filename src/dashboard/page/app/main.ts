/**
 * The supervisor dashboard (served as /agent/dashboard.js): figures per day and channel from
 * /agent/api/dashboard/figures, two SVG charts, and the misunderstood inbox with assignment and
 * export. Everything from the server is put in the page as text, never as HTML.
 */
import { el } from '../../../channels/webchat/widget/el';
import { barChart, lineChart, type Point } from './charts';
import type { ChannelDay as ServerChannelDay } from '../../dashboardFigures';
import { DASHBOARD_LANGUAGES, type DashboardStrings } from './strings';

/** The server's own type: a type-only import, erased from the browser bundle. */
type ChannelDay = ServerChannelDay;
interface InboxEntry {
  id: string;
  text: string;
  channel: string;
}
interface Group {
  count: number;
  sample: string;
  entries: InboxEntry[];
}

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const LANG_KEY = 'bankbot.console.lang';
let lang: 'zh' | 'en' = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : localStorage.getItem(LANG_KEY) === 'zh' ? 'zh' : navigator.language.startsWith('zh') ? 'zh' : 'en';
const s = (): DashboardStrings => DASHBOARD_LANGUAGES[lang];

const pct = (v: number) => `${Math.round(v * 100)}%`;
const secs = (ms: number | null) => (ms === null ? '—' : ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 60_000).toFixed(1)} min`);
const channelName = (c: string) => s().channels[c] ?? c;

async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { credentials: 'same-origin', ...init });
  if (res.status === 401) throw new Error(s().signIn);
  if (res.status === 403) throw new Error(s().forbidden);
  if (!res.ok) throw new Error(res.statusText);
  return (await res.json()) as T;
}

function applyLanguage(): void {
  document.documentElement.lang = s().lang;
  document.title = s().title;
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('[data-t]'))) {
    const value = s()[node.dataset.t as keyof DashboardStrings];
    if (typeof value === 'string') node.textContent = value;
  }
  byId('lang').textContent = s().switchTo;
  byId('lang').setAttribute('lang', lang === 'zh' ? 'en' : 'zh-CN');
}

function sumBy(rows: ChannelDay[], pick: (r: ChannelDay) => number): number {
  return rows.reduce((a, r) => a + pick(r), 0);
}

function renderFigures(rows: ChannelDay[]): void {
  const t = s();
  const conversations = sumBy(rows, (r) => r.conversations);
  const escalations = sumBy(rows, (r) => Math.min(r.escalations, r.conversations));
  const rated = sumBy(rows, (r) => r.ratings);
  const ratingSum = sumBy(rows, (r) => (r.ratingAverage ?? 0) * r.ratings);
  const medians = rows.map((r) => r.waitMedianMs).filter((v): v is number => v !== null);
  const totals: Array<[string, string]> = [
    [t.conversations, String(conversations)],
    [t.containment, conversations ? pct(1 - escalations / conversations) : '—'],
    [t.escalationRate, conversations ? pct(escalations / conversations) : '—'],
    [t.waitMedian, medians.length ? secs(medians.sort((a, b) => a - b)[Math.floor((medians.length - 1) / 2)]) : '—'],
    [t.ratingAverage, rated ? (ratingSum / rated).toFixed(2) : '—'],
    [t.fallbacks, String(sumBy(rows, (r) => r.fallbacks))],
  ];
  byId('totals').replaceChildren(...totals.map(([k, v]) => el('div', {}, [el('dt', {}, [k]), el('dd', {}, [v])])));

  const days = [...new Set(rows.map((r) => r.day))].sort();
  const perDay = (pick: (dayRows: ChannelDay[]) => number): Point[] => days.map((d) => ({ label: d, value: pick(rows.filter((r) => r.day === d)) }));
  const convPoints = perDay((dr) => sumBy(dr, (r) => r.conversations));
  const containPoints = perDay((dr) => {
    const c = sumBy(dr, (r) => r.conversations);
    return c ? 1 - sumBy(dr, (r) => Math.min(r.escalations, r.conversations)) / c : 1;
  });
  byId('chart-conversations').replaceChildren(el('figcaption', {}, [t.chartConversations]), barChart(t.chartConversations, convPoints));
  byId('chart-containment').replaceChildren(el('figcaption', {}, [t.chartContainment]), lineChart(t.chartContainment, containPoints));

  const table = byId<HTMLTableElement>('figures');
  table.tHead?.rows[0].replaceChildren(...t.columns.map((c) => el('th', { scope: 'col' }, [c])));
  table.tBodies[0].replaceChildren(
    ...rows.map((r) => {
      const reasons = Object.entries(r.reasons).map(([k, v]) => `${t.reasons[k] ?? k} ${v}`).join(', ') || '—';
      const cells = [r.day, channelName(r.channel), String(r.conversations), pct(r.containment), pct(r.escalationRate), reasons, secs(r.waitMedianMs), secs(r.waitP90Ms), r.ratingAverage === null ? '—' : `${r.ratingAverage} (${r.ratings})`, String(r.fallbacks)];
      return el('tr', { 'data-day': r.day, 'data-channel': r.channel }, cells.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, [c]) : el('td', {}, [c]))));
    }),
  );
}

function renderInbox(groups: Group[], targets: { intents: string[]; faq: string[] }): void {
  const t = s();
  if (groups.length === 0) {
    byId('inbox').replaceChildren(el('li', { class: 'empty' }, [t.empty]));
    return;
  }
  byId('inbox').replaceChildren(
    ...groups.map((g, i) => {
      const selectId = `assign-${i}`;
      const select = el('select', { id: selectId }, [
        ...targets.intents.filter((x) => x !== 'none').map((x) => el('option', { value: `intent:${x}` }, [t.intentOption(x)])),
        ...targets.faq.map((x) => el('option', { value: `faq:${x}` }, [t.faqOption(x)])),
      ]);
      const button = el('button', { type: 'button', class: 'primary small' }, [t.assign]);
      button.addEventListener('click', () => void assign(g, select.value));
      return el('li', { class: 'group' }, [
        el('h3', {}, [g.sample, ' ', el('span', { class: 'count' }, [`(${t.messages(g.count)})`])]),
        el('ul', {}, g.entries.slice(0, 5).map((e) => el('li', {}, [`${e.text} · ${channelName(e.channel)}`]))),
        el('div', { class: 'assign' }, [el('label', { for: selectId }, [t.assignTo]), select, button]),
      ]);
    }),
  );
}

async function assign(group: Group, choice: string): Promise<void> {
  const [kind, id] = choice.split(':');
  const target = kind === 'faq' ? { faq: id } : { intent: id };
  try {
    const { assigned } = await getJson<{ assigned: number }>('/agent/api/dashboard/inbox/assign', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: group.entries.map((e) => e.id), target }),
    });
    byId('announcer').textContent = s().assigned(assigned);
    await loadInbox();
  } catch (err) {
    byId('error').textContent = err instanceof Error ? err.message : String(err);
  }
}

async function loadInbox(): Promise<void> {
  const { groups, targets } = await getJson<{ groups: Group[]; targets: { intents: string[]; faq: string[] } }>('/agent/api/dashboard/inbox');
  renderInbox(groups, targets);
}

async function load(): Promise<void> {
  byId('error').textContent = '';
  try {
    const days = byId<HTMLSelectElement>('days').value;
    const { days: rows } = await getJson<{ days: ChannelDay[] }>(`/agent/api/dashboard/figures?days=${days}`);
    renderFigures(rows);
    await loadInbox();
    document.body.dataset.loaded = 'true';
  } catch (err) {
    byId('error').textContent = err instanceof Error ? err.message : String(err);
  }
}

byId('days').addEventListener('change', () => void load());
byId('lang').addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem(LANG_KEY, lang);
  applyLanguage();
  void load();
});
applyLanguage();
void load();

import { en } from './stringsEn';
import { zh } from './stringsZh';

/**
 * Every word of the console's own interface, one table per language (stringsZh.ts, stringsEn.ts;
 * customers' and the bot's words are shown as they were stored). The agent switches with the
 * language button; the choice is remembered in this browser.
 */
export interface ConsoleStrings {
  lang: string;
  switchTo: string;
  switchLabel: string;
  title: string;
  signInTitle: string;
  name: string;
  password: string;
  signIn: string;
  signOut: string;
  wrongPassword: string;
  tooMany: (seconds: number) => string;
  signInUnavailable: string;
  fillBoth: string;
  live: string;
  offlineStream: string;
  waiting: string;
  mine: string;
  emptyWaiting: string;
  emptyMine: string;
  pick: string;
  take: string;
  close: string;
  release: string;
  send: string;
  replyLabel: string;
  replyHint: string;
  tickets: string;
  ticketDone: string;
  noTickets: string;
  ratings: string;
  agentCol: string;
  countCol: string;
  averageCol: string;
  speaker: Record<'customer' | 'bot' | 'agent' | 'system', string>;
  reasons: Record<string, string>;
  scripts: Record<string, string>;
  channels: Record<string, string>;
  intents: Record<string, string>;
  understood: string;
  waited: (seconds: number) => string;
  unread: (n: number) => string;
  position: (n: number) => string;
  urgent: string;
  stateLabels: Record<string, string>;
  assignedTo: (agent: string) => string;
  sound: string;
  notify: string;
  notifyDenied: string;
  newCustomer: (who: string) => string;
  shortcuts: string;
  shortcutsTitle: string;
  closeDialog: string;
  shortcutHelp: Record<string, string>;
  actionFailed: string;
  conversationWith: (who: string) => string;
  lists: string;
  myStatus: string;
  statuses: Record<'online' | 'away' | 'offline', string>;
  closedTitle: string;
  closedSearch: string;
  search: string;
  noClosed: string;
  closedAt: (when: string, agent: string) => string;
  transfer: string;
  transferTitle: string;
  backToQueue: string;
  noColleagues: string;
  cancel: string;
  canned: string;
  cannedTitle: string;
  cannedSearch: string;
  noCanned: string;
  notes: string;
  noteLabel: string;
  addNote: string;
  noteBy: (agent: string) => string;
  readOnly: string;
  customerTyping: string;
  signedInAs: string;
}

export const CONSOLE_LANGUAGES = { zh, en } as const;
export type ConsoleLanguage = keyof typeof CONSOLE_LANGUAGES;

const STORAGE_KEY = 'bankbot.console.lang';

export function savedLanguage(): ConsoleLanguage {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'zh' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function saveLanguage(lang: ConsoleLanguage): void {
  localStorage.setItem(STORAGE_KEY, lang);
}

/** A code shown as our word for it, or as itself when the table has none (a new intent, say). */
export function labelOf(table: Record<string, string>, code: string): string {
  return table[code] ?? code;
}

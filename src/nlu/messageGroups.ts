import type { ClassifiedMessage } from './classifyMessage';
import { LONG_MESSAGE_CHARS } from './rankByClause';
import type { RegionalVariant } from './types';

/** Kinds of hard messages that reports break accuracy down by (a message may be in several). */
export const MESSAGE_GROUPS = ['pinyin', 'mixed', 'cantonese', 'taiwan', 'long'] as const;
export type MessageGroup = (typeof MESSAGE_GROUPS)[number];

const HAN = /\p{Script=Han}/u;
const LATIN = /[a-z]{2,}/;

/** What grouping needs to know of a message: a ClassifiedMessage or a Recognition both supply it. */
export interface GroupableMessage {
  /** The normalized text. */
  text: string;
  variant?: RegionalVariant;
  pinyin: boolean;
}

export const groupable = (m: ClassifiedMessage): GroupableMessage => ({ text: m.normalized.text, variant: m.normalized.variant, pinyin: m.pinyin });

/** The groups a message belongs to, read from what the pipeline saw, not from labels. */
export function groupsOf(m: GroupableMessage): MessageGroup[] {
  const text = m.text;
  const groups: MessageGroup[] = [];
  if (m.pinyin) groups.push('pinyin');
  if (HAN.test(text) && LATIN.test(text)) groups.push('mixed');
  if (m.variant === 'hk') groups.push('cantonese');
  if (m.variant === 'tw') groups.push('taiwan');
  if (text.length >= LONG_MESSAGE_CHARS * 2) groups.push('long');
  return groups;
}

/** The script a report files a message under: pinyin counts as its own script. */
export function scriptOf(m: ClassifiedMessage): string {
  return m.pinyin && m.normalized.language === 'en' ? 'pinyin' : m.normalized.script;
}

/**
 * The shape of a reply catalogue (`intents/replies/zh.json`, `en.json`). The simplified-Chinese file
 * is the template: its keys become the `ReplyKey` / `ChoiceKey` types, so a dialog cannot name a
 * reply that does not exist, and the schema makes every catalogue carry exactly those keys.
 */
import { z } from 'zod';
import template from '../../intents/replies/zh.json';

export type ReplyKey = keyof typeof template.replies;
export type ChoiceKey = keyof typeof template.choices;
export type WordListId = keyof typeof template.words;

type NonEmpty<T> = [T, ...T[]];

function keysOf<K extends string>(record: Record<K, unknown>): NonEmpty<K> {
  const keys = Object.keys(record).filter((k): k is K => k in record);
  const [first, ...rest] = keys;
  if (first === undefined) throw new Error('catalogueSchema: the template catalogue is empty');
  return [first, ...rest];
}

export const REPLY_KEYS = keysOf(template.replies);
export const CHOICE_KEYS = keysOf(template.choices);
export const WORD_LIST_IDS = keysOf(template.words);

// Not trimmed: a separator such as ", " needs its space.
const text = z.string().refine((s) => s.trim() !== '', 'must not be empty');

const choiceSchema = z.object({
  /** Shown on the button and in the numbered list. */
  label: text.max(40, 'button labels must stay short (40 characters at most)'),
  /** Other ways a customer may say it; the label itself is always accepted too. */
  words: z.array(text),
});

export const catalogueSchema = z.object({
  replies: z.record(z.enum(REPLY_KEYS), text),
  choices: z.record(z.enum(CHOICE_KEYS), choiceSchema),
  words: z.record(z.enum(WORD_LIST_IDS), z.array(text)),
});

export type Catalogue = z.output<typeof catalogueSchema>;

export function isReplyKey(value: string): value is ReplyKey {
  return (REPLY_KEYS as readonly string[]).includes(value);
}

export function isChoiceKey(value: string): value is ChoiceKey {
  return (CHOICE_KEYS as readonly string[]).includes(value);
}

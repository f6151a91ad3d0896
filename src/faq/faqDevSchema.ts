/**
 * A FAQ dev set: questions written as customers type them, apart from the entries' held-out
 * phrasings (intents/faq.json `tests`), which the confidence model is calibrated on and so flatter
 * the figures. Each question names the entry that answers it and the variety it is written in, so
 * `faq test --dev` reports per script and dialect. Never indexed; never copied into an entry.
 */
import { z } from 'zod';
import { readDataFile } from '../i18n/readDataFile';

/** The varieties issue 11's evaluation asks in. */
export const DEV_VARIETIES = ['zh-Hans', 'zh-Hant-TW', 'zh-Hant-HK', 'en', 'pinyin', 'mixed'] as const;
export type DevVariety = (typeof DEV_VARIETIES)[number];

const text = z.string().trim().min(1, 'must not be empty');

export const faqDevFileSchema = z.object({
  /** Questions an entry answers: `id` is that entry's id in the FAQ file. */
  questions: z.array(z.object({ id: z.string().regex(/^[a-z][a-z0-9_]*$/), variety: z.enum(DEV_VARIETIES), text })).min(1),
  /** Questions the FAQ must not answer, most sharing words with an entry. */
  outOfScope: z.array(z.object({ variety: z.enum(DEV_VARIETIES), text })).default([]),
});

export type FaqDevFile = z.output<typeof faqDevFileSchema>;

/** Reads and validates a dev file; every question must name an entry the FAQ has (a typo would count as a miss). */
export function readFaqDevFile(file: string, entryIds: ReadonlySet<string>): FaqDevFile {
  const data = readDataFile(file, faqDevFileSchema);
  const unknown = data.questions.filter((q) => !entryIds.has(q.id)).map((q) => `${q.id} (${q.text})`);
  if (unknown.length > 0) throw new Error(`${file}: questions name entries the FAQ does not have: ${unknown.join(', ')}`);
  return data;
}

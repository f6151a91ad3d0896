import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ROOT } from '../support/testServer';

const faqSchema = z.object({ entries: z.array(z.object({ question: z.object({ zh: z.string() }) })) });

/**
 * What the fault suite's customers ask: the FAQ's own questions (each answered by one reply in any
 * state of a conversation, so an answer shown twice is a turn run or delivered twice). learnAnswers
 * keeps those whose answers are distinct.
 */
export function faultQuestions(count: number): string[] {
  const faq = faqSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'intents/faq.json'), 'utf8')));
  return faq.entries.slice(0, count).map((e) => e.question.zh);
}

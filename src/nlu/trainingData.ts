import { z } from 'zod';
import { INTENTS } from './intents';

/**
 * One file of `intents/nlu/`: the utterances of one intent in one language, and held-out test
 * phrasings that are never trained on. The file is named `<intent>.<language>.json`.
 */
export const intentFileSchema = z
  .object({
    intent: z.enum(INTENTS),
    language: z.enum(['zh', 'en']),
    utterances: z.array(z.string().trim().min(1, 'expected a non-empty utterance').max(300)).min(1),
    tests: z.array(z.string().trim().min(1, 'expected a non-empty test phrasing').max(300)),
  })
  .strict();

export type IntentFile = z.infer<typeof intentFileSchema>;

/** A loaded file with where it came from, so errors and reports can name it. */
export interface LoadedIntentFile extends IntentFile {
  file: string;
}

export interface Example {
  text: string;
  intent: IntentFile['intent'];
  language: IntentFile['language'];
  file: string;
}

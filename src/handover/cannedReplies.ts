import { resolve } from 'node:path';
import { z } from 'zod';
import { bilingualSchema } from '../i18n/bilingualSchema';
import { readDataFile } from '../i18n/readDataFile';
import { toTraditional } from '../i18n/scriptConverters';
import { PACKAGE_ROOT } from '../packageRoot';
import type { HandoverLocale } from './handoverRecord';

/**
 * Canned replies agents insert with "/" in the console: a data file the bank edits
 * (`intents/cannedReplies.json`), written once in Chinese and once in English like the bot's
 * catalogue; traditional-script customers get the Chinese text converted to their variant.
 */
export const CANNED_REPLIES_FILE = resolve(PACKAGE_ROOT, 'intents/cannedReplies.json');

const cannedFileSchema = z.object({
  replies: z
    .array(z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'ids are lower-case letters, digits and dashes'), title: bilingualSchema, text: bilingualSchema }))
    .min(1)
    .refine((list) => new Set(list.map((r) => r.id)).size === list.length, 'ids must be unique'),
});
export type CannedReplyEntry = z.output<typeof cannedFileSchema>['replies'][number];

export interface CannedReply {
  id: string;
  title: string;
  text: string;
}

export class CannedReplies {
  constructor(private readonly entries: CannedReplyEntry[]) {}

  static load(file = CANNED_REPLIES_FILE): CannedReplies {
    return new CannedReplies(readDataFile(file, cannedFileSchema).replies);
  }

  /** Every reply in the customer's script; titles follow the console's language. */
  forCustomer({ script, variant }: HandoverLocale, consoleLang: 'zh' | 'en'): CannedReply[] {
    return this.entries.map((r) => {
      const text = script === 'en' ? r.text.en : script === 'zh-Hant' ? toTraditional(r.text.zh, variant) : r.text.zh;
      return { id: r.id, title: r.title[consoleLang], text };
    });
  }
}

import { resolve } from 'node:path';

/** Where the bot's data files live; a bank swaps in its own by passing other paths to the bot. */
export interface DataFiles {
  /** Folder holding the reply catalogues `zh.json` and `en.json`. */
  repliesDir: string;
  faqFile: string;
  branchesFile: string;
}

const INTENTS_DIR = resolve(__dirname, '../../intents');

export const DEFAULT_DATA_FILES: DataFiles = {
  repliesDir: resolve(INTENTS_DIR, 'replies'),
  faqFile: resolve(INTENTS_DIR, 'faq.json'),
  branchesFile: resolve(INTENTS_DIR, 'branches.json'),
};

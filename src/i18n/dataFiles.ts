import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../packageRoot';
import { DataFileError } from './readDataFile';

/** Where the bot's data files live; a bank swaps in its own with BOT_DATA_DIR or one variable per file. */
export interface DataFiles {
  /** Folder holding the reply catalogues `zh.json` and `en.json`. */
  repliesDir: string;
  faqFile: string;
  branchesFile: string;
  /** Folder of NLU training data (`<intent>.<language>.json`); the model cache key hashes it. */
  nluDir: string;
  /** Folder holding the parse's lexicons `zh.json` and `en.json` (slots, acts, safety signals). */
  understandingDir: string;
}

const INTENTS_DIR = resolve(PACKAGE_ROOT, 'intents');

export const DEFAULT_DATA_FILES: DataFiles = {
  repliesDir: resolve(INTENTS_DIR, 'replies'),
  faqFile: resolve(INTENTS_DIR, 'faq.json'),
  branchesFile: resolve(INTENTS_DIR, 'branches.json'),
  nluDir: resolve(INTENTS_DIR, 'nlu'),
  understandingDir: resolve(INTENTS_DIR, 'understanding'),
};

/** The settings (src/config.ts) that choose the data files. */
export interface DataFileSettings {
  BOT_DATA_DIR: string;
  BOT_FAQ_FILE: string;
  BOT_BRANCHES_FILE: string;
  BOT_REPLIES_DIR: string;
  BOT_NLU_DIR: string;
  BOT_UNDERSTANDING_DIR: string;
}

/** What a BOT_DATA_DIR holds, laid out like `intents/`; nlu/ may be left out (ours is used). */
const DATA_DIR_LAYOUT: Array<{ field: keyof DataFiles; name: string; folder: boolean; required: boolean }> = [
  { field: 'faqFile', name: 'faq.json', folder: false, required: true },
  { field: 'branchesFile', name: 'branches.json', folder: false, required: true },
  { field: 'repliesDir', name: 'replies', folder: true, required: true },
  { field: 'nluDir', name: 'nlu', folder: true, required: false },
  { field: 'understandingDir', name: 'understanding', folder: true, required: false },
];

/** One variable per file, each overriding what BOT_DATA_DIR (or the default) gave. */
const PER_FILE: Array<[keyof DataFileSettings, keyof DataFiles]> = [
  ['BOT_FAQ_FILE', 'faqFile'],
  ['BOT_BRANCHES_FILE', 'branchesFile'],
  ['BOT_REPLIES_DIR', 'repliesDir'],
  ['BOT_NLU_DIR', 'nluDir'],
  ['BOT_UNDERSTANDING_DIR', 'understandingDir'],
];

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/**
 * The data files to load, from BOT_DATA_DIR and the per-file variables (relative paths from the
 * working directory). Only the layout is checked here; each file's content is validated by its
 * loader when the bot is built, which names the file and the field (DataFileError).
 */
export function resolveDataFiles(settings: DataFileSettings, cwd = process.cwd()): DataFiles {
  const files: DataFiles = { ...DEFAULT_DATA_FILES };
  if (settings.BOT_DATA_DIR) {
    const dir = resolve(cwd, settings.BOT_DATA_DIR);
    if (!isFolder(dir)) throw new DataFileError(dir, ['BOT_DATA_DIR is not a folder (it should hold faq.json, branches.json, replies/ and optionally nlu/)']);
    for (const entry of DATA_DIR_LAYOUT) {
      const path = join(dir, entry.name);
      const present = entry.folder ? isFolder(path) : existsSync(path);
      if (present) files[entry.field] = path;
      else if (entry.required) {
        throw new DataFileError(path, [`missing: BOT_DATA_DIR must hold faq.json, branches.json and replies/ (optionally nlu/), laid out like intents/`]);
      }
    }
  }
  for (const [variable, field] of PER_FILE) if (settings[variable]) files[field] = resolve(cwd, settings[variable]);
  return files;
}

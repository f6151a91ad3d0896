import { resolve } from 'node:path';
import { readDataFile } from '../i18n/readDataFile';
import { PACKAGE_ROOT } from '../packageRoot';
import { lexiconSchema, type Lexicon } from './lexiconSchema';

/** The languages the parse reads; each has `intents/understanding/<lang>.json`. */
export const LEXICON_LANGUAGES = ['zh', 'en'] as const;

export const DEFAULT_UNDERSTANDING_DIR = resolve(PACKAGE_ROOT, 'intents/understanding');

/** Reads and validates every language's lexicon; a bad file stops the start with file and field named. */
export function loadLexicons(dir: string = DEFAULT_UNDERSTANDING_DIR): Lexicon[] {
  return LEXICON_LANGUAGES.map((lang) => readDataFile(resolve(dir, `${lang}.json`), lexiconSchema));
}

import { Locale, type DictLike } from 'opencc-js';
import { toSimplified } from './chineseConverters';
import type { Language, Script } from './types';

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[a-z]+/gi;

export interface ScriptGuess {
  language: Language;
  script: Script;
}

/**
 * Guesses the language and script of (un-converted) text. Must run BEFORE traditional-to-simplified
 * conversion, or every message would look simplified.
 *
 * Chinese wins when its Han characters, counted as words of two characters (the usual
 * length of a Chinese word), are at least as many as its Latin words, so "我的U盾丢了"
 * is Chinese and "my 证书 expired" is English. Traditional versus simplified: count the characters
 * that change when converted to simplified (traditional-only forms) against those that change
 * when converted to traditional (simplified-only forms); characters shared by both scripts (我, 的)
 * count for neither. Ties go to simplified, the majority of our customers.
 */
export function detectScript(text: string, fallback: ScriptGuess = { language: 'zh', script: 'zh-Hans' }): ScriptGuess {
  const han = text.match(HAN);
  const hanCount = han ? han.length : 0;
  const latinWords = text.match(LATIN_WORD)?.length ?? 0;
  if (hanCount === 0 && latinWords === 0) return fallback;
  if (hanCount / 2 < latinWords) return { language: 'en', script: 'en' };
  const hanText = han ? han.join('') : '';
  const traditionalOnly = countChanged(hanText, toSimplified(hanText));
  const simplifiedOnly = countSimplifiedOnly(hanText);
  return { language: 'zh', script: traditionalOnly > simplifiedOnly ? 'zh-Hant' : 'zh-Hans' };
}

let simplifiedOnlyChars: ReadonlySet<string> | undefined;

/**
 * Characters that exist only in simplified writing: the single-character entries of opencc's
 * simplified-to-traditional tables that change the character (about 4,000). A full cn→tw
 * converter would tell the same per character but holds its ~50,000 phrases as a trie of some
 * 40 MB of heap that every major GC has to walk; counting characters needs none of that.
 */
function simplifiedOnlySet(): ReadonlySet<string> {
  if (simplifiedOnlyChars) return simplifiedOnlyChars;
  const chars = new Set<string>();
  for (const group of Locale.from.cn) for (const dict of group) for (const [from, to] of entries(dict)) if ([...from].length === 1 && to !== from) chars.add(from);
  simplifiedOnlyChars = chars;
  return chars;
}

function entries(dict: DictLike): Iterable<readonly [string, string]> {
  if (typeof dict !== 'string') return dict;
  return dict.split('|').map((entry) => {
    const [from = '', to = ''] = entry.split(' ');
    return [from, to] as const;
  });
}

function countSimplifiedOnly(hanText: string): number {
  const set = simplifiedOnlySet();
  let count = 0;
  for (const char of hanText) if (set.has(char)) count++;
  return count;
}

function countChanged(before: string, after: string): number {
  // Phrase conversions can change length; then we can only say "something changed".
  if (before.length !== after.length) return before === after ? 0 : 1;
  let changed = 0;
  for (let i = 0; i < before.length; i++) if (before.charCodeAt(i) !== after.charCodeAt(i)) changed++;
  return changed;
}

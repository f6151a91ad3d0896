import { findWords, longestHits } from '../src/i18n/findWords';
import type { Localizer } from '../src/i18n/localizer';
import { normalizeText } from '../src/i18n/normalizeText';
import type { MenuChoice } from './textRef';

/**
 * Matches what a customer typed to one of the offered choices. WeChat text replies have no
 * buttons, so a choice is accepted as its number ("2", "第二个", "２"), its label, or any of its
 * words in either language. Rules, in order:
 *   1. the whole message is a number → that choice;
 *   2. the whole message is one of a choice's words → that choice;
 *   3. a short message contains words of exactly one choice (after a longer word swallows the
 *      words inside it: 快过期了 beats 过期了) → that choice.
 * Anything else is no match, so a sentence that merely mentions a word can still switch topic.
 */

/** Beyond this length a message is a sentence, not an answer (mention matching still works). */
export const MAX_ANSWER_LENGTH = 24;

const CHINESE_DIGITS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const NUMBER = /^(?:第\s*)?(\d{1,2}|[一二三四五六七八九十])\s*(?:个|项|条|号|种)?$|^(?:option|number|no|choice)?\s*(\d{1,2})$/;

export function numberOf(normalized: string): number | undefined {
  const m = NUMBER.exec(normalized);
  if (!m) return undefined;
  const raw = m[1] ?? m[2];
  const digit = CHINESE_DIGITS.indexOf(raw);
  return digit >= 0 ? digit + 1 : Number(raw);
}

/** A choice's words, with the forms the matching rules compare, computed once per word list. */
interface ChoiceWords {
  /** Each word with its spaces removed (rules 1–2 compare "usb key" and "usbkey" alike). */
  compact: ReadonlySet<string>;
  /** Words of two characters or more: one-character words ("是", "不") match only as the whole message. */
  mentionable: readonly string[];
}

/**
 * Keyed by the localizer's cached word arrays (stable for the process). Before this, every turn
 * re-derived these per choice per call (claimsExactly, claim, slots): in bench/turnCost.ts profiles
 * choice matching was ~7 % of the bot's CPU.
 */
const derived = new WeakMap<readonly string[], ChoiceWords>();

function derive(words: readonly string[]): ChoiceWords {
  let d = derived.get(words);
  if (!d) {
    d = { compact: new Set(words.map((w) => w.replace(/ /g, ''))), mentionable: words.filter((w) => [...w].length >= 2) };
    derived.set(words, d);
  }
  return d;
}

/**
 * Bilingual labels (cities, FAQ questions) come back from dialog state as fresh objects every
 * turn, and normalizing them runs opencc: their words are kept by text. Labels come from our
 * data files, so there are few; the bound only guards against unexpected growth.
 */
const LABEL_CACHE_LIMIT = 1024;
const labelWords = new Map<string, readonly string[]>();

function wordsOf(choice: MenuChoice, localizer: Localizer): readonly string[] {
  const { label } = choice;
  if ('key' in label) return localizer.wordsForChoice(label.key);
  const cacheKey = `${label.text.zh}\u0000${label.text.en}`;
  let words = labelWords.get(cacheKey);
  if (!words) {
    words = [...new Set([label.text.zh, label.text.en].map(normalizeText).filter((w) => w !== ''))];
    if (labelWords.size >= LABEL_CACHE_LIMIT) labelWords.clear();
    labelWords.set(cacheKey, words);
  }
  return words;
}

/** Rule 3 alone: which single choice a text talks about, whatever its length (slot filling). */
export function mentionedChoice(text: string, choices: MenuChoice[], localizer: Localizer): MenuChoice | undefined {
  return mentionedInNormalized(normalizeText(text), choices, localizer);
}

function mentionedInNormalized(normalized: string, choices: MenuChoice[], localizer: Localizer): MenuChoice | undefined {
  if (normalized === '') return undefined;
  const vocabulary: { word: string; value: MenuChoice }[] = [];
  for (const choice of choices) for (const word of derive(wordsOf(choice, localizer)).mentionable) vocabulary.push({ word, value: choice });
  const found = new Set(longestHits(findWords(normalized, vocabulary)).map((h) => h.value));
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * `exactOnly` stops after rules 1 and 2: the router asks that before commands, so a button such
 * as "Search the FAQ" is the answer it looks like and not the command "search …".
 */
export function matchChoice(normalized: string, choices: MenuChoice[], localizer: Localizer, exactOnly = false): MenuChoice | undefined {
  if (normalized === '' || choices.length === 0) return undefined;
  const n = numberOf(normalized);
  if (n !== undefined) return choices[n - 1];
  // A word equal to the message also equals it with spaces removed, so one set lookup covers both.
  const compact = normalized.replace(/ /g, '');
  const exact = choices.filter((c) => derive(wordsOf(c, localizer)).compact.has(compact));
  if (exact.length === 1) return exact[0];
  if (exactOnly || exact.length > 1 || [...normalized].length > MAX_ANSWER_LENGTH) return undefined;
  // `normalized` is normalizeText output already, and normalizeText is idempotent (checked on all
  // 13,617 strings in intents/): normalizing it again (opencc included) only cost time.
  return mentionedInNormalized(normalized, choices, localizer);
}

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

function wordsOf(choice: MenuChoice, localizer: Localizer): string[] {
  const { label } = choice;
  if ('key' in label) return localizer.wordsForChoice(label.key);
  return [...new Set([label.text.zh, label.text.en].map(normalizeText).filter((w) => w !== ''))];
}

/** Rule 3 alone: which single choice a text talks about, whatever its length (slot filling). */
export function mentionedChoice(text: string, choices: MenuChoice[], localizer: Localizer): MenuChoice | undefined {
  const normalized = normalizeText(text);
  if (normalized === '') return undefined;
  const vocabulary = choices.flatMap((choice) =>
    wordsOf(choice, localizer)
      // One-character words ("是", "不") match only as the whole message (rule 2).
      .filter((word) => [...word].length >= 2)
      .map((word) => ({ word, value: choice })),
  );
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
  const compact = normalized.replace(/ /g, '');
  const exact = choices.filter((c) => wordsOf(c, localizer).some((w) => w === normalized || w.replace(/ /g, '') === compact));
  if (exact.length === 1) return exact[0];
  if (exactOnly || exact.length > 1 || [...normalized].length > MAX_ANSWER_LENGTH) return undefined;
  return mentionedChoice(normalized, choices, localizer);
}

import { findWords } from '../src/i18n/findWords';

const ALNUM = /[a-z0-9]/;

/** The whole (normalized) message is one of the words. */
export function isOneOf(normalized: string, words: readonly string[]): boolean {
  return words.includes(normalized) || words.some((w) => w.replace(/ /g, '') === normalized.replace(/ /g, ''));
}

/**
 * When the message starts with one of the words, what follows it ('' when nothing does);
 * undefined when it does not start with any. "算了，我想问网点" → "我想问网点"; "faq证书" → "证书";
 * "cancellation" does not start with "cancel" (a Latin word must end on a word boundary).
 */
export function afterPrefix(normalized: string, words: readonly string[]): string | undefined {
  const sorted = [...words].sort((a, b) => b.length - a.length);
  for (const word of sorted) {
    if (!normalized.startsWith(word)) continue;
    const next = normalized.charAt(word.length);
    if (next !== '' && ALNUM.test(word.charAt(word.length - 1)) && ALNUM.test(next)) continue;
    return normalized.slice(word.length).trim();
  }
  return undefined;
}

/** The message contains one of the words anywhere (word boundaries for Latin words). */
export function mentionsAny(normalized: string, words: readonly string[]): boolean {
  return findWords(normalized, words.map((word) => ({ word, value: true }))).length > 0;
}

import { findWords } from '../src/i18n/findWords';

const ALNUM = /[a-z0-9]/;

/** A word list in the forms the checks below compare, derived once per list. */
interface WordListForms {
  /** The words with spaces removed. */
  compact: ReadonlySet<string>;
  /** Longest first, so the longest command prefix wins. */
  longestFirst: readonly string[];
  vocabulary: ReadonlyArray<{ word: string; value: true }>;
}

/**
 * Keyed by the localizer's cached word arrays (stable for the process). Every turn runs the
 * interruption checks against ~10 lists; re-deriving these forms per call (a regex replace per
 * word, a sort, a vocabulary array) was ~5 % of the bot's CPU in bench/turnCost.ts profiles.
 */
const forms = new WeakMap<readonly string[], WordListForms>();

function formsOf(words: readonly string[]): WordListForms {
  let f = forms.get(words);
  if (!f) {
    f = {
      compact: new Set(words.map((w) => w.replace(/ /g, ''))),
      longestFirst: [...words].sort((a, b) => b.length - a.length),
      vocabulary: words.map((word) => ({ word, value: true })),
    };
    forms.set(words, f);
  }
  return f;
}

/** The whole (normalized) message is one of the words. */
export function isOneOf(normalized: string, words: readonly string[]): boolean {
  // A word equal to the message also equals it with spaces removed: one lookup covers both.
  return formsOf(words).compact.has(normalized.replace(/ /g, ''));
}

/**
 * When the message starts with one of the words, what follows it ('' when nothing does);
 * undefined when it does not start with any. "算了，我想问网点" → "我想问网点"; "faq证书" → "证书";
 * "cancellation" does not start with "cancel" (a Latin word must end on a word boundary).
 */
export function afterPrefix(normalized: string, words: readonly string[]): string | undefined {
  for (const word of formsOf(words).longestFirst) {
    if (!normalized.startsWith(word)) continue;
    const next = normalized.charAt(word.length);
    if (next !== '' && ALNUM.test(word.charAt(word.length - 1)) && ALNUM.test(next)) continue;
    return normalized.slice(word.length).trim();
  }
  return undefined;
}

/** The message contains one of the words anywhere (word boundaries for Latin words). */
export function mentionsAny(normalized: string, words: readonly string[]): boolean {
  return findWords(normalized, formsOf(words).vocabulary).length > 0;
}

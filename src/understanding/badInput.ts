import type { CompiledLexicon } from './compiledLexicon';
import type { BadInputKind } from './parse';
import type { ParseInput } from './parser';

/** Words of another Latin-script language a message needs before it counts as written in it. */
const FOREIGN_WORDS_NEEDED = 2;

/** Longer than this (before cleaning) is not a question someone typed: it is pasted or sent by a script. */
export const MAX_MESSAGE_CHARS = 2000;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SERVED = /[\p{Script=Han}a-zA-Z]/gu;
// Scripts of languages we do not answer in: Cyrillic, Arabic, Hebrew, Greek, Thai, Devanagari,
// Hangul, Japanese kana. (Han and Latin are ours; Japanese kanji alone reads as Chinese.)
const FOREIGN = /[\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Greek}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/**
 * Messages that get a polite fixed answer and change nothing: empty, far too long, no words at all
 * (emoji, punctuation), nothing left once markup is removed, or written in a language we don't serve.
 */
export function detectBadInput(input: ParseInput, lexicons: readonly CompiledLexicon[]): BadInputKind | undefined {
  if (input.rawLength > MAX_MESSAGE_CHARS) return 'tooLong';
  if (input.text === '') return input.hadMarkup ? 'markup' : 'empty';
  if (!LETTER_OR_DIGIT.test(input.text)) return input.hadMarkup ? 'markup' : 'noWords';
  const foreign = input.text.match(FOREIGN)?.length ?? 0;
  const served = input.text.match(SERVED)?.length ?? 0;
  if (foreign > served) return 'foreignLanguage';
  // A Latin-script language we don't serve: two or more of its common words, and no Chinese.
  if (!/\p{Script=Han}/u.test(input.text) && foreignWords(input.normalized, lexicons) >= FOREIGN_WORDS_NEEDED) return 'foreignLanguage';
  return undefined;
}

function foreignWords(text: string, lexicons: readonly CompiledLexicon[]): number {
  let count = 0;
  for (const l of lexicons) {
    if (!l.foreignAll) continue;
    l.foreignAll.lastIndex = 0;
    count += text.match(l.foreignAll)?.length ?? 0;
  }
  return count;
}

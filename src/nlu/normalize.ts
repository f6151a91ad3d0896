import { toSimplified } from './chineseConverters';
import { cutToLimit } from './cutToLimit';
import { detectScript, type ScriptGuess } from './detectScript';
import { regionalWording } from './regionalWording';

export interface Normalized extends ScriptGuess {
  /** Simplified, half-width, lower-case; words separated by single spaces; no punctuation. */
  text: string;
}

const TAG = /<[^>]{0,200}>/g;
const ENTITY = /&(?:#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi;
// A pinyin reading in brackets straight after a Han character, as some sites print
// `網(wǎng)`: needs a tone mark or a tone digit, so an English aside such as "(usb)" survives.
const PINYIN_NOTE = /(?<=\p{Script=Han})\s?\(([a-zü1-5āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ' ]{1,40})\)/gu;
const TONE = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ]|[a-zü][1-5](?:\s|'|$)/u;
// Everything that is not a letter or a digit separates words: punctuation, emoji, symbols,
// control characters. Combining marks stay with their letters.
const LATIN_WITH_MARK = /[à-ÿāēěīōūǎǐǒǔǖǘǚǜńňǹ]/u;
const NON_WORD = /[^\p{L}\p{N}\p{M}]+/gu;

/**
 * The first stage of the pipeline. Order matters:
 * 1. cut to the documented limit (bounded work on huge input);
 * 2. strip HTML tags and entities (the web widget may send markup);
 * 3. NFKC: full-width letters, digits and punctuation become half-width;
 * 4. lower-case; 5. drop pinyin annotations;
 * 6. detect the script (before conversion, or all text would look simplified);
 * 7. traditional to simplified, then Cantonese and Taiwan wording to mainland wording
 *    (regionalWording.ts), so one set of training data serves all three;
 * 8. tone marks off Latin letters; 9. punctuation and whitespace to single spaces.
 */
export function normalize(raw: string, fallback?: ScriptGuess): Normalized {
  let text = cutToLimit(typeof raw === 'string' ? raw : '');
  text = text.replace(TAG, ' ').replace(ENTITY, ' ');
  text = text.normalize('NFKC').toLowerCase();
  text = text.replace(PINYIN_NOTE, (note: string, reading: string) => (TONE.test(reading) ? '' : note));
  const guess = detectScript(text, fallback);
  if (guess.language === 'zh' || /\p{Script=Han}/u.test(text)) text = regionalWording().toMainland(toSimplified(text));
  // Tone marks typed with pinyin ("zhèngshū") go: the pinyin reader works on toneless letters.
  if (LATIN_WITH_MARK.test(text)) text = text.replace(/ü/g, 'v').normalize('NFD').replace(/(?<=[a-z])\p{M}+/gu, '').normalize('NFC');
  text = text.replace(NON_WORD, ' ').trim();
  return { ...guess, text };
}

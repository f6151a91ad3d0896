import stopwords = require('natural/lib/natural/util/stopwords');
import { segmentPinyin } from './pinyinTable';

const LATIN_WORD = /[a-z]+/g;
const HAN = /\p{Script=Han}/u;
const MEMO_LIMIT = 50_000;

/**
 * Decides which Latin words of a normalized message are toneless pinyin typed without an input
 * method ("zhengshu guoqi le zenme ban", "wode ka bei daoshua le", "我的zhengshu过期了") rather than
 * English, and splits them into syllables.
 *
 * A word can be pinyin only if it splits completely into valid syllables ("help" cannot). Many
 * English words also split ("make" = ma ke, "change" = chang e, "can", "me"), so a word is *strong*
 * pinyin only when it is also not a known English word: natural's English stop words plus every
 * word of the model's English training texts (kept with the model). Then:
 * - next to Han characters, each strong word is pinyin (a customer switching input mid-sentence);
 * - in Latin-only text, the message is pinyin when its strong words are at least as many as its
 *   other words (English or unsplittable), and then every splittable word is read as pinyin, so
 *   "zenme ban" keeps its "ban".
 */
export class PinyinReader {
  private readonly english: ReadonlySet<string>;
  private readonly memo = new Map<string, string[] | null>();

  constructor(englishWords: Iterable<string>) {
    this.english = new Set([...stopwords.words, ...englishWords]);
  }

  /** Latin words read as pinyin, with their syllables; empty when the message is not pinyin. */
  read(normalizedText: string): Map<string, readonly string[]> {
    const out = new Map<string, readonly string[]>();
    const words = normalizedText.match(LATIN_WORD);
    if (!words) return out;
    const mixed = HAN.test(normalizedText);
    let strong = 0;
    let other = 0;
    for (const word of words) {
      const syllables = this.syllables(word);
      if (syllables && !this.english.has(word)) {
        strong++;
        out.set(word, syllables);
      } else if (!syllables || !mixed) {
        other++;
      }
    }
    if (mixed || strong === 0) return out;
    if (strong < other) return new Map();
    for (const word of words) {
      const syllables = this.syllables(word);
      if (syllables) out.set(word, syllables);
    }
    return out;
  }

  private syllables(word: string): string[] | undefined {
    let found = this.memo.get(word);
    if (found === undefined) {
      found = segmentPinyin(word) ?? null;
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      this.memo.set(word, found);
    }
    return found ?? undefined;
  }
}

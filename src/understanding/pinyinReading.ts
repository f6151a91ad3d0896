import { PinyinReader } from '../nlu/PinyinReader';
import { readingsOf } from '../nlu/pinyinTable';

const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /[a-z]+/g;
const TOKEN = /[a-z]+|\s+|[^a-z\s]+/g;
/** Longest word looked up, in syllables; the lexicons' words are mostly two to four characters. */
const MAX_WORD = 4;
/** Readings per character considered (most common first): 行 is hang and xing, 重 zhong and chong. */
const READINGS_PER_CHAR = 2;

/** Sentence-final particles, which our data (mostly statements) would otherwise spell as 码, 呐, 八. */
const FINAL_PARTICLES: Readonly<Record<string, string>> = { ma: '吗', ne: '呢', ba: '吧' };

/** What the reading's words come from: Chinese texts of our data, and English words not to read as pinyin. */
export interface PinyinSource {
  chinese: Iterable<string>;
  english: Iterable<string>;
}

interface Best {
  word: string;
  count: number;
}

/**
 * Reads toneless pinyin typed without an input method ("zhengshu kuai daoqi le", "quxiao",
 * "wo bei pian le") as Chinese characters, so the parse's lexicons, the command words and the FAQ,
 * all written in characters, read it as they read Chinese.
 *
 * Which Latin words are pinyin is the NLU's PinyinReader's call (a word must split into
 * syllables; next to Han characters it must also not be an English word). The syllables are then
 * written with the words of our own Chinese data (lexicons, their patterns expanded: "第(二|2)家"
 * gives 第二家; FAQ, reply catalogue, branches): every run of one to four characters there is
 * indexed under its toneless readings, and the syllables are spelled in the fewest such words;
 * among words that sound alike the most frequent in the data wins ("qian" → 钱 rather than 前
 * when our data says 钱 more often). A syllable no word of ours has
 * stays as it was typed. The index is built once (see the constructor); a turn costs a few map lookups.
 */
export class PinyinReading {
  private index?: { words: Map<string, Best>; reader: PinyinReader };

  /**
   * `source` gives the data the words come from. It is read on the first pinyin message, not at
   * start: indexing some 20,000 characters takes a few hundred milliseconds on a loaded machine,
   * which every start (and every test that builds a bot) would otherwise pay for a rare input.
   */
  constructor(private readonly source: () => PinyinSource) {}

  private built(): { words: Map<string, Best>; reader: PinyinReader } {
    if (this.index) return this.index;
    const { chinese, english } = this.source();
    const counts = new Map<string, Map<string, number>>();
    for (const text of chinese) {
      for (const run of text.match(HAN_RUN) ?? []) countRun(run, counts);
    }
    const words = new Map<string, Best>();
    for (const [key, byWord] of counts) {
      let best: Best | undefined;
      for (const [word, count] of byWord) if (!best || count > best.count) best = { word, count };
      if (best) words.set(key, best);
    }
    this.index = { words, reader: new PinyinReader(english) };
    return this.index;
  }

  /** `normalized` with its pinyin words written in characters, or undefined when it has none. */
  read(normalized: string): string | undefined {
    const { words, reader } = this.built();
    const pinyin = reader.read(normalized);
    if (pinyin.size === 0) return undefined;
    const out: string[] = [];
    let syllables: string[] = [];
    let gap = '';
    const flush = () => {
      if (syllables.length > 0) out.push(write(syllables, words));
      syllables = [];
    };
    const tokens: string[] = normalized.match(TOKEN) ?? [];
    let last = -1;
    tokens.forEach((tok, i) => {
      if (/^[a-z]/.test(tok)) last = i;
    });
    for (const [i, token] of tokens.entries()) {
      // A question's last word "ma" / "ne" / "ba" is its particle (吗, 呢, 吧), whatever word sounds alike.
      const particle = i === last ? FINAL_PARTICLES[token] : undefined;
      if (particle) {
        flush();
        out.push(particle);
        continue;
      }
      const read = pinyin.get(token);
      if (read) {
        syllables.push(...read);
        gap = '';
        continue;
      }
      if (/^\s+$/.test(token)) {
        // Spaces between pinyin words only separate syllables; elsewhere they are kept.
        gap = token;
        if (syllables.length === 0) out.push(token);
        continue;
      }
      flush();
      if (gap && out.length > 0 && !/\s$/.test(out[out.length - 1])) out.push(gap);
      gap = '';
      out.push(token);
    }
    flush();
    return out.join('').replace(/\s+/g, ' ').trim();
  }
}

/**
 * Syllables → characters: the spelling in the fewest words of ours (so "shi wenjian" is 是文件, not
 * 时问 + 件), among equals the one made of the most frequent words; an unknown syllable stays Latin.
 */
function write(syllables: readonly string[], words: ReadonlyMap<string, Best>): string {
  const n = syllables.length;
  // best[i]: the cheapest spelling of syllables[i…]; cost = words (unknown syllables count 10), minus a little per use.
  const cost = new Array<number>(n + 1).fill(Infinity);
  const pick = new Array<{ len: number; text: string }>(n + 1);
  cost[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let len = 1; len <= Math.min(MAX_WORD, n - i); len++) {
      const best = words.get(syllables.slice(i, i + len).join(' '));
      if (!best) continue;
      const c = 1 - Math.log1p(best.count) / 100 + cost[i + len];
      if (c < cost[i]) {
        cost[i] = c;
        pick[i] = { len, text: best.word };
      }
    }
    if (cost[i] === Infinity || 10 + cost[i + 1] < cost[i]) {
      cost[i] = 10 + cost[i + 1];
      pick[i] = { len: 1, text: ` ${syllables[i]} ` };
    }
  }
  let text = '';
  for (let i = 0; i < n; i += pick[i].len) text += pick[i].text;
  return text;
}

function countRun(run: string, counts: Map<string, Map<string, number>>): void {
  const chars = [...run];
  const readings = chars.map((c) => readingsOf(c)?.slice(0, READINGS_PER_CHAR) ?? []);
  for (let start = 0; start < chars.length; start++) {
    // Keys grow one character at a time: "zheng" → "zheng shu" → …
    let keys: string[] = [''];
    let word = '';
    for (let n = 0; n < MAX_WORD && start + n < chars.length; n++) {
      const next = readings[start + n];
      if (next.length === 0) break;
      keys = keys.flatMap((k) => next.map((r) => (k ? `${k} ${r}` : r)));
      word += chars[start + n];
      for (const key of keys) {
        let byWord = counts.get(key);
        if (!byWord) counts.set(key, (byWord = new Map()));
        byWord.set(word, (byWord.get(word) ?? 0) + 1);
      }
    }
  }
}

/** The Latin words of some texts (English words the reader must not take for pinyin). */
export function latinWordsOf(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const w of text.toLowerCase().match(LATIN_WORD) ?? []) words.add(w);
  return words;
}

/** Every string inside some data (lexicons, FAQ entries, a reply catalogue), for building the reading. */
export function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}

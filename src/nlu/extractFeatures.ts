import { englishTokens, stem } from './englishTokens';
import type { FeatureOptions } from './featureOptions';
import { readingsOf } from './pinyinTable';

/** Latin words of the message read as pinyin, with their syllables (see PinyinReader). */
export type PinyinWords = ReadonlyMap<string, readonly string[]>;
const NO_PINYIN: PinyinWords = new Map();

const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * Turns normalized text into feature names (repeats kept: they become term frequencies).
 *
 * - English: natural's WordTokenizer, natural's Porter stems, stem n-grams, and character n-grams
 *   of each unstemmed word with boundary marks (they catch typos such as "certifcate").
 * - Chinese: natural's tokenizers drop Han characters, and a segmenter would stumble on typos and
 *   homophone slips, so we take overlapping character n-grams of each run of Han characters with
 *   run boundaries marked ("^证", "书$"), which a segmenter-free classifier handles well.
 *
 * - Pinyin: the message as a sequence of toneless syllables, Han characters by their readings and
 *   Latin words read as pinyin by their syllables, as syllable n-grams. Chinese training text and
 *   "zhengshu guoqi le" then meet in one feature space; it also catches homophone slips (正书).
 *
 * - Chinese words: each Han run cut into words by ICU's dictionary segmenter (Intl.Segmenter,
 *   built into Node: no dependency, ~9 µs a message), as words and word bigrams. They add what
 *   overlapping character n-grams blur: where a word starts and ends ("银行卡" vs "行卡").
 *
 * Prefixes keep the feature families apart ("w:" word, "c:" character n-gram, "h:" Han n-gram,
 * "p:" pinyin syllable n-gram, "s:" segmented Chinese word n-gram).
 * Our own loops rather than natural's `ngrams`/`ngrams_zh`: those build an array per n-gram via
 * underscore and were measured 13x slower (src/nlu/bench/benchNaturalStages.ts), which matters at
 * 20,000 messages a second.
 */
export function extractFeatures(text: string, options: FeatureOptions, pinyin: PinyinWords = NO_PINYIN): string[] {
  const out: string[] = [];
  addEnglish(text, options, out, pinyin);
  addHan(text, options, out);
  if (options.hanWords > 0) addHanWords(text, options.hanWords, out);
  if (options.pinyinNgrams > 0) addPinyin(text, options.pinyinNgrams, pinyin, out);
  return out;
}

function addEnglish(text: string, options: FeatureOptions, out: string[], pinyin: PinyinWords): void {
  const all = englishTokens(text);
  const tokens = pinyin.size === 0 ? all : all.filter((t) => !pinyin.has(t));
  const stems = tokens.map(stem);
  for (let i = 0; i < stems.length; i++) {
    let gram = `w:${stems[i]}`;
    out.push(gram);
    for (let n = 2; n <= options.wordNgrams && i + n <= stems.length; n++) {
      gram += ` ${stems[i + n - 1]}`;
      out.push(gram);
    }
  }
  if (options.charNgramMin < 1) return;
  for (const token of tokens) for (const gram of charNgrams(token, options)) out.push(gram);
}

// Character n-grams per word, memoized: customers reuse a small vocabulary, and reusing the same
// string objects also lets the vectorizer's Map skip re-hashing them (measured ~1.3x faster on
// BANKING77). Keyed by the range too, since experiments run several settings in one process.
const CHAR_MEMO_LIMIT = 50_000;
const charMemo = new Map<string, string[]>();

function charNgrams(token: string, options: FeatureOptions): string[] {
  const key = `${options.charNgramMin}${options.charNgramMax}${token}`;
  let grams = charMemo.get(key);
  if (grams === undefined) {
    grams = [];
    const marked = `<${token}>`;
    for (let n = options.charNgramMin; n <= options.charNgramMax; n++) {
      for (let i = 0; i + n <= marked.length; i++) grams.push(`c:${marked.slice(i, i + n)}`);
    }
    if (charMemo.size >= CHAR_MEMO_LIMIT) charMemo.clear();
    charMemo.set(key, grams);
  }
  return grams;
}

// Chinese numerals and digits; 一 only before a counter-like character would be more exact, but
// "一个"/"两个" alike is what we want anyway.
const NUMERALS = /[零〇一二两三四五六七八九十百千万亿0-9]+/gu;
const HAN_OR_NUMBER_RUN = /[\p{Script=Han}0-9]+/gu;

function addHan(text: string, options: FeatureOptions, out: string[]): void {
  const runs = text.match(HAN_RUN);
  if (!runs) return;
  addHanRuns(runs, options, out);
  if (!options.numeralClass) return;
  // Numbers written as digits sit between Han runs after normalization ("9 点"), so join them here.
  const classed = (text.replace(/(?<=[\p{Script=Han}0-9]) (?=[\p{Script=Han}0-9])/gu, '').match(HAN_OR_NUMBER_RUN) ?? [])
    .map((run) => run.replace(NUMERALS, '#'))
    .filter((run) => run.includes('#') && run !== '#');
  // Only the n-grams around a number: the others are already in the "h:" family.
  const grams: string[] = [];
  addHanRuns(classed, options, grams, 'n:');
  for (const g of grams) if (g.includes('#') && g !== 'n:#') out.push(g);
}

function addHanRuns(runs: readonly string[], options: FeatureOptions, out: string[], prefix = 'h:'): void {
  for (const run of runs) {
    const marked = `^${run}$`;
    for (let i = 0; i < marked.length; i++) {
      // A lone boundary mark says nothing; start unigrams inside the run.
      if (i > 0 && i < marked.length - 1) out.push(`${prefix}${marked[i]}`);
      for (let n = 2; n <= options.hanNgrams && i + n <= marked.length; n++) out.push(`${prefix}${marked.slice(i, i + n)}`);
      if (options.hanSkipBigrams && i + 2 < marked.length) out.push(`${prefix}${marked[i]}_${marked[i + 2]}`);
    }
  }
}

const SEQUENCE = /\p{Script=Han}|[a-z]+|[0-9]+/gu;
// Polyphonic characters contribute their two most common readings to n-grams (行: xing, hang),
// so "yinhang" meets 银行 without multiplying features for rare readings.
const READINGS_IN_NGRAMS = 2;

function addPinyin(text: string, maxN: number, pinyin: PinyinWords, out: string[]): void {
  let run: (readonly string[])[] = [];
  for (const token of text.match(SEQUENCE) ?? []) {
    const readings = readingsOf(token);
    if (readings) {
      run.push(readings.slice(0, READINGS_IN_NGRAMS));
      continue;
    }
    const syllables = pinyin.get(token);
    if (syllables) {
      for (const s of syllables) run.push([s]);
      continue;
    }
    emitSyllableNgrams(run, maxN, out);
    run = [];
  }
  emitSyllableNgrams(run, maxN, out);
}

function emitSyllableNgrams(run: readonly (readonly string[])[], maxN: number, out: string[]): void {
  for (let i = 0; i < run.length; i++) {
    let grams: string[] = run[i].map((r) => `p:${r}`);
    out.push(...grams);
    for (let n = 2; n <= maxN && i + n <= run.length; n++) {
      const next = run[i + n - 1];
      grams = grams.flatMap((g) => next.map((r) => `${g} ${r}`));
      out.push(...grams);
    }
  }
}

// One segmenter per process: building one loads ICU's Chinese dictionary.
let segmenter: Intl.Segmenter | undefined;

function addHanWords(text: string, maxN: number, out: string[]): void {
  const runs = text.match(HAN_RUN);
  if (!runs) return;
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  for (const run of runs) {
    let previous = '^';
    for (const { segment } of segmenter.segment(run)) {
      out.push(`s:${segment}`);
      if (maxN >= 2) out.push(`s:${previous} ${segment}`);
      previous = segment;
    }
    if (maxN >= 2) out.push(`s:${previous} $`);
  }
}

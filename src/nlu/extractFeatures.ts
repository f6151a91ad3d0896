import { englishTokens, stem } from './englishTokens';
import type { FeatureOptions } from './featureOptions';

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
 * Prefixes keep the feature families apart ("w:" word, "c:" character n-gram, "h:" Han n-gram).
 * Our own loops rather than natural's `ngrams`/`ngrams_zh`: those build an array per n-gram via
 * underscore and were measured 13x slower (src/nlu/bench/benchNaturalStages.ts), which matters at
 * 20,000 messages a second.
 */
export function extractFeatures(text: string, options: FeatureOptions): string[] {
  const out: string[] = [];
  addEnglish(text, options, out);
  addHan(text, options, out);
  return out;
}

function addEnglish(text: string, options: FeatureOptions, out: string[]): void {
  const tokens = englishTokens(text);
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

function addHan(text: string, options: FeatureOptions, out: string[]): void {
  const runs = text.match(HAN_RUN);
  if (!runs) return;
  for (const run of runs) {
    const marked = `^${run}$`;
    for (let i = 0; i < marked.length; i++) {
      // A lone boundary mark says nothing; start unigrams inside the run.
      if (i > 0 && i < marked.length - 1) out.push(`h:${marked[i]}`);
      for (let n = 2; n <= options.hanNgrams && i + n <= marked.length; n++) out.push(`h:${marked.slice(i, i + n)}`);
    }
  }
}

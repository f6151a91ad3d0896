import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../packageRoot';

/** Where the generated table lives (see tools/generatePinyinTable.ts); part of the model cache key. */
export const PINYIN_TABLE_FILE = resolve(PACKAGE_ROOT, 'intents/nlu/normalization/pinyin.txt');

// Syllables that are interjections (嗯 ng, 呣 m) or too short to tell from English letters and
// abbreviations: we read Han characters with them, but never segment Latin input into them.
const NOT_FOR_LATIN = new Set(['m', 'n', 'ng', 'hng']);
// How people type ü without an input method: lv/lve (绿, 略) and also lu/lue, nv/nu.
const LATIN_ALIASES: Record<string, string> = { lue: 'lve', nue: 'nve' };

interface PinyinTable {
  readings: ReadonlyMap<string, readonly string[]>;
  latinSyllables: ReadonlySet<string>;
  longest: number;
}

let table: PinyinTable | undefined;

function load(): PinyinTable {
  if (table) return table;
  const readings = new Map<string, string[]>();
  const latinSyllables = new Set<string>();
  for (const line of readFileSync(PINYIN_TABLE_FILE, 'utf8').split('\n')) {
    const [syllable, chars] = line.split('\t');
    if (!syllable || !chars) continue;
    if (!NOT_FOR_LATIN.has(syllable)) latinSyllables.add(syllable);
    for (const char of chars) {
      const list = readings.get(char);
      if (list) list.push(syllable);
      else readings.set(char, [syllable]);
    }
  }
  for (const alias of Object.keys(LATIN_ALIASES)) latinSyllables.add(alias);
  table = { readings, latinSyllables, longest: Math.max(...[...latinSyllables].map((s) => s.length)) };
  return table;
}

/** Toneless readings of one Han character (most common first), or undefined for a non-Han character. */
export function readingsOf(char: string): readonly string[] | undefined {
  return load().readings.get(char);
}

/**
 * Splits a Latin word into toneless pinyin syllables ("zhengshu" → zheng shu), or undefined when it
 * cannot be read as pinyin at all ("help"). Dynamic programming for the fewest syllables, so
 * "xian" stays one syllable; a tie keeps the longer first syllable ("fangan" → fang an).
 */
export function segmentPinyin(word: string): string[] | undefined {
  const { latinSyllables, longest } = load();
  const n = word.length;
  if (n === 0 || n > 60) return undefined;
  const best = new Array<number>(n + 1).fill(Infinity);
  const cut = new Array<number>(n + 1).fill(-1);
  best[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let len = Math.min(longest, n - i); len >= 1; len--) {
      if (best[i + len] + 1 < best[i] && latinSyllables.has(word.slice(i, i + len))) {
        best[i] = best[i + len] + 1;
        cut[i] = i + len;
      }
    }
  }
  if (!Number.isFinite(best[0])) return undefined;
  const out: string[] = [];
  for (let i = 0; i < n; i = cut[i]) {
    const syllable = word.slice(i, cut[i]);
    out.push(LATIN_ALIASES[syllable] ?? syllable);
  }
  return out;
}

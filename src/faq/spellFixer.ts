/**
 * Repairs typos in English words against the FAQ's own vocabulary ("certifcate" → "certificate",
 * "expierd" → "expired"), so a misspelt question still meets its entry. Only words the FAQ does
 * not contain are touched, only towards words it does contain, and only within a small edit
 * distance (one edit up to 9 letters, two from 10: "interest" must not become "internet") that keeps the first letter (typos rarely hit
 * it, and "normal" must not become "formal"), so a correct word is never changed and an unrelated
 * one usually stays unknown. Short words (< 5 letters) are left alone: too many neighbours.
 */
import { BoundedCache } from '../util/boundedCache';

const MIN_LENGTH = 5;
const LONG_WORD = 10;
/** Distinct misspellings remembered; bounded because customers can type endless new ones. */
const REMEMBERED = 5000;

export class SpellFixer {
  private readonly known: ReadonlyMap<string, number>;
  private readonly byLength = new Map<number, string[]>();
  private readonly fixed = new BoundedCache<string>(REMEMBERED);

  /** `counts`: every word of the vocabulary and how often it occurs (ties go to the commoner word). */
  constructor(counts: ReadonlyMap<string, number>) {
    this.known = counts;
    for (const word of counts.keys()) {
      const list = this.byLength.get(word.length) ?? [];
      list.push(word);
      this.byLength.set(word.length, list);
    }
  }

  fix(word: string): string {
    if (word.length < MIN_LENGTH || this.known.has(word) || !/^[a-z]+$/.test(word)) return word;
    return this.fixed.getOrCreate(word, () => this.nearest(word));
  }

  private nearest(word: string): string {
    const limit = word.length >= LONG_WORD ? 2 : 1;
    let best = word;
    let bestDistance = limit + 1;
    let bestCount = 0;
    for (let length = word.length - limit; length <= word.length + limit; length += 1) {
      for (const candidate of this.byLength.get(length) ?? []) {
        if (candidate[0] !== word[0]) continue;
        const d = boundedDistance(word, candidate, limit);
        if (d > limit) continue;
        const count = this.known.get(candidate) ?? 0;
        if (d < bestDistance || (d === bestDistance && count > bestCount)) {
          best = candidate;
          bestDistance = d;
          bestCount = count;
        }
      }
    }
    return best;
  }
}

/** Optimal-string-alignment distance (insert, delete, substitute, swap neighbours); limit+1 once it exceeds limit. */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length], limit + 1);
}

/** The arithmetic of the FAQ's term weighting (faqIndex.ts): idf, document counts, vector length. */

/** BM25's idf: never negative, highest for terms in few documents. */
export function idf(documents: number, df: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

/** Adds one to `counts` for every item of every set (document frequencies). */
export function countInto(counts: Map<string, number>, sets: readonly ReadonlySet<string>[]): void {
  for (const set of sets) for (const item of set) counts.set(item, (counts.get(item) ?? 0) + 1);
}

/** The Euclidean length of a weight vector. */
export function norm(weights: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const w of weights.values()) sum += w * w;
  return Math.sqrt(sum);
}

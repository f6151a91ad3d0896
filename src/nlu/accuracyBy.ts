import { r4 } from './printMetrics';

export interface GroupAccuracy {
  accuracy: number;
  n: number;
}

/** Accuracy per key, where each item may fall under several keys (or none). */
export function accuracyBy(keys: readonly (readonly string[])[], correct: readonly boolean[]): Record<string, GroupAccuracy> {
  const tally = new Map<string, { hit: number; n: number }>();
  keys.forEach((ks, i) => {
    for (const k of ks) {
      const t = tally.get(k) ?? { hit: 0, n: 0 };
      t.n++;
      if (correct[i]) t.hit++;
      tally.set(k, t);
    }
  });
  return Object.fromEntries([...tally.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => [k, { accuracy: r4(t.hit / t.n), n: t.n }]));
}

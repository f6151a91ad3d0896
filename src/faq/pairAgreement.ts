/**
 * Checks the FAQ's text representation on labelled question pairs (BQ, AFQMC: "text1<TAB>text2<TAB>
 * label", 1 = same question): with IDF taken from the pair file itself, do paraphrase pairs get a
 * higher cosine than non-paraphrases? Reported as ROC AUC (0.5 = chance) for characters only,
 * bigrams only and both, as the index uses them. Research data: read where it lies, never copied.
 */
import { readFileSync } from 'node:fs';
import type { FaqText } from './faqTerms';

export interface PairReport {
  file: string;
  pairs: number;
  positives: number;
  auc: { characters: number; bigrams: number; both: number };
  /** Mean cosine (both) of paraphrase and of non-paraphrase pairs. */
  meanPositive: number;
  meanNegative: number;
}

type Pick = (text: FaqText) => string[];
const PICKS: Record<keyof PairReport['auc'], Pick> = {
  characters: (t) => t.units,
  bigrams: (t) => t.terms.slice(t.units.length),
  both: (t) => t.terms,
};

export function readPairs(file: string): { a: string; b: string; same: boolean }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((cols) => cols.length >= 3 && (cols[2].trim() === '0' || cols[2].trim() === '1'))
    .map((cols) => ({ a: cols[0], b: cols[1], same: cols[2].trim() === '1' }));
}

export function pairAgreement(file: string, analyze: (text: string) => FaqText): PairReport {
  const pairs = readPairs(file).map((p) => ({ ...p, ta: analyze(p.a), tb: analyze(p.b) }));
  const auc = { characters: 0, bigrams: 0, both: 0 };
  let meanPositive = 0;
  let meanNegative = 0;
  for (const name of Object.keys(PICKS) as (keyof typeof PICKS)[]) {
    const pick = PICKS[name];
    const df = new Map<string, number>();
    for (const p of pairs) for (const t of [pick(p.ta), pick(p.tb)]) for (const term of new Set(t)) df.set(term, (df.get(term) ?? 0) + 1);
    const n = pairs.length * 2;
    const vector = (terms: string[]) => {
      const v = new Map<string, number>();
      for (const t of terms) v.set(t, (v.get(t) ?? 0) + 1);
      for (const [t, c] of v) v.set(t, (1 + Math.log(c)) * Math.log(1 + (n - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5)));
      return v;
    };
    const scored = pairs.map((p) => ({ same: p.same, score: cosine(vector(pick(p.ta)), vector(pick(p.tb))) }));
    auc[name] = rocAuc(scored);
    if (name === 'both') {
      const pos = scored.filter((s) => s.same);
      const neg = scored.filter((s) => !s.same);
      meanPositive = pos.reduce((s, x) => s + x.score, 0) / Math.max(1, pos.length);
      meanNegative = neg.reduce((s, x) => s + x.score, 0) / Math.max(1, neg.length);
    }
  }
  return { file, pairs: pairs.length, positives: pairs.filter((p) => p.same).length, auc, meanPositive, meanNegative };
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, w] of a) {
    na += w * w;
    dot += w * (b.get(t) ?? 0);
  }
  for (const w of b.values()) nb += w * w;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Mann-Whitney form of the ROC AUC, ties counted half. */
export function rocAuc(scored: readonly { same: boolean; score: number }[]): number {
  const sorted = [...scored].sort((x, y) => x.score - y.score);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j].score === sorted[i].score) j += 1;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k += 1) if (sorted[k].same) {
      rankSum += rank;
      positives += 1;
    }
    i = j;
  }
  const negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

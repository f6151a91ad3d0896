/**
 * Keyword lookup over the FAQ: natural's TfIdf supplies the inverse document frequencies, and a
 * cosine between the query's and each entry's TF-IDF vectors ranks the entries (raw TfIdf sums
 * favour long entries; the cosine does not). Each entry is indexed per language twice: its question
 * with its keywords, and its answer at a lower weight (answers are long and wander). Its held-out
 * test phrasings are never indexed.
 */
import { TfIdf } from 'natural/lib/natural/tfidf';
import { faqTerms } from './faqTerms';
import type { FaqEntry } from './faqSchema';

/** Below this cosine nothing counts as a hit. Tuned on the held-out phrasings (test/faq). */
export const FAQ_MIN_SCORE = 0.2;
/** Hits scoring at least this share of the best one are "close": the customer chooses. */
export const FAQ_CLOSE_RATIO = 0.8;
/** A match on an entry's answer counts this much of a match on its question and keywords. */
export const FAQ_ANSWER_WEIGHT = 0.7;
/** At most this many close hits are offered as choices. */
export const FAQ_MAX_CHOICES = 4;

export interface FaqHit {
  entry: FaqEntry;
  score: number;
}

export type FaqOutcome = 'answer' | 'choose' | 'none';

export interface FaqSearch {
  outcome: FaqOutcome;
  /** For `answer` one hit, for `choose` the close hits, best first; empty for `none`. */
  hits: FaqHit[];
  /** Every entry that scored above zero, best first (for tests and diagnostics). */
  ranked: FaqHit[];
}

interface IndexedDocument {
  entry: number;
  weight: number;
  weights: Map<string, number>;
  norm: number;
}

export class FaqIndex {
  private readonly tfidf = new TfIdf();
  private readonly documents: IndexedDocument[] = [];

  constructor(readonly entries: readonly FaqEntry[]) {
    const texts = entries.flatMap((entry, index) =>
      (['zh', 'en'] as const).flatMap((lang) => [
        { index, weight: 1, terms: faqTerms([entry.question[lang], ...entry.keywords[lang]].join(' ')) },
        { index, weight: FAQ_ANSWER_WEIGHT, terms: faqTerms(entry.answer[lang]) },
      ]),
    );
    for (const { terms } of texts) this.tfidf.addDocument(terms);
    for (const { index, weight, terms } of texts) {
      const weights = this.weigh(terms);
      this.documents.push({ entry: index, weight, weights, norm: norm(weights) });
    }
  }

  byId(id: string): FaqEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  search(query: string): FaqSearch {
    const weights = this.weigh(faqTerms(query));
    const queryNorm = norm(weights);
    const best = new Map<number, number>();
    if (queryNorm > 0) {
      for (const doc of this.documents) {
        if (doc.norm === 0) continue;
        let dot = 0;
        for (const [term, w] of weights) dot += w * (doc.weights.get(term) ?? 0);
        const score = (doc.weight * dot) / (queryNorm * doc.norm);
        if (score > (best.get(doc.entry) ?? 0)) best.set(doc.entry, score);
      }
    }
    const ranked = [...best.entries()]
      .map(([index, score]) => ({ entry: this.entries[index], score }))
      .sort((a, b) => b.score - a.score);
    const top = ranked[0];
    if (!top || top.score < FAQ_MIN_SCORE) return { outcome: 'none', hits: [], ranked };
    const close = ranked.filter((h) => h.score >= FAQ_MIN_SCORE && h.score >= top.score * FAQ_CLOSE_RATIO);
    if (close.length === 1) return { outcome: 'answer', hits: [top], ranked };
    return { outcome: 'choose', hits: close.slice(0, FAQ_MAX_CHOICES), ranked };
  }

  /** Sub-linear term frequency times natural's idf, so a repeated word does not dominate. */
  private weigh(terms: string[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    const weights = new Map<string, number>();
    for (const [term, count] of counts) weights.set(term, (1 + Math.log(count)) * Math.max(this.tfidf.idf(term), 0));
    return weights;
  }
}

function norm(weights: Map<string, number>): number {
  let sum = 0;
  for (const w of weights.values()) sum += w * w;
  return Math.sqrt(sum);
}

import type { FaqSignals } from './faqConfidence';
import type { FaqEntry } from './faqSchema';
import type { FaqSettings } from './faqSettings';
import type { SynonymGroup } from './faqSynonyms';

/** What a FAQ lookup returns, and how an index is configured (FaqIndex in faqIndex.ts). */
export interface FaqHit {
  entry: FaqEntry;
  /** The ranking score: field cosines and the best phrasing, scaled by coverage. */
  score: number;
  /** IDF-weighted share of the question's content that occurs in the entry (0–1). */
  coverage: number;
  /** Best weighted Dice overlap between the question and one of the entry's phrasings (0–1). */
  phrase: number;
  /** The best single field's cosine (0–1). */
  cosine: number;
}

export type FaqOutcome = 'answer' | 'choose' | 'none';

export interface FaqSearch {
  outcome: FaqOutcome;
  /** For `answer` one hit, for `choose` the close hits, best first; empty for `none`. */
  hits: FaqHit[];
  /** Every entry that shares a term with the question, best first (for tests and diagnostics). */
  ranked: FaqHit[];
  /** Calibrated probability (0–1) that the best entry answers the question; 0 when nothing matched. */
  confidence: number;
  /** What the confidence was computed from (for diagnostics and calibration). */
  signals: FaqSignals;
}

export interface FaqIndexOptions {
  synonyms?: readonly SynonymGroup[];
  /** Words of topics not served here (company registration, loans, weather). */
  outOfScope?: { zh: readonly string[]; en: readonly string[] };
  /** Words naming our own products: a question holding one is ours even beside an out-of-scope topic (foreignTopics.ts). */
  inScopeAnchors?: { zh: readonly string[]; en: readonly string[] };
  /** Words after which a long message asks its question (see questionFocus.ts). */
  questionLeads?: { zh: readonly string[]; en: readonly string[] };
  settings?: Partial<FaqSettings>;
}

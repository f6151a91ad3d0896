/**
 * The FAQ's confidence: the probability that its best entry answers the question asked, from a
 * logistic model over three signals of the search:
 * - `score`: the best entry's similarity to the question (cosine of TF-IDF vectors);
 * - `coverage`: the share of the question's content (IDF-weighted characters and words) that the
 *   entry contains at all: "信用卡积分怎么兑换" shares 信用卡 with the lost-card entry, but 积分 and
 *   兑换 are in no entry, so the match explains little of what was asked;
 * - `margin`: how far the best entry is ahead of the second, relative to its score, and `gap`,
 *   the same lead in absolute terms (a small lead on a big score is still a lead);
 * - `phrase`: how closely the question matches one single phrasing of the entry (its question or
 *   a keyword) as a whole.
 * The weights were fitted by `npm run --silent faq -- calibrate` on the held-out phrasings and the
 * out-of-scope questions in intents/faq.json (logistic regression; README, "FAQ" gives the run and
 * its calibration table). Refit them there after a large content change.
 */

export interface FaqSignals {
  score: number;
  coverage: number;
  margin: number;
  gap: number;
  phrase: number;
  /** How far coverage falls short of one half (0 at or above it, 1 at zero): most out-of-scope questions sit there. */
  shortfall: number;
}

export interface ConfidenceModel extends FaqSignals {
  bias: number;
}

export const FAQ_CONFIDENCE_MODEL: ConfidenceModel = { bias: -1.98, score: 0.87, coverage: 0.71, margin: 3.52, gap: 2.75, phrase: 1.53, shortfall: -1.68 };

export const SIGNAL_NAMES = ['score', 'coverage', 'margin', 'gap', 'phrase', 'shortfall'] as const satisfies readonly (keyof FaqSignals)[];

export function faqConfidence(signals: FaqSignals, model: ConfidenceModel = FAQ_CONFIDENCE_MODEL): number {
  let z = model.bias;
  for (const name of SIGNAL_NAMES) z += model[name] * signals[name];
  return 1 / (1 + Math.exp(-z));
}

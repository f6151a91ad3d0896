import type { Ranked } from './TextClassifier';

/**
 * Rasa's FallbackClassifier idea: below `threshold` confidence, or when the top two are closer
 * than `margin` (ambiguous), answer `noneLabel` and keep the candidates as alternatives.
 */
export interface FallbackPolicy {
  threshold: number;
  margin: number;
}

export const NO_FALLBACK: FallbackPolicy = { threshold: 0, margin: 0 };

/** True when the ranking is not confident enough to act on. */
export function shouldFallBack(ranked: readonly Ranked[], policy: FallbackPolicy): boolean {
  if (ranked.length === 0) return true;
  const top = ranked[0].score;
  const second = ranked.length > 1 ? ranked[1].score : 0;
  return top < policy.threshold || top - second < policy.margin;
}

/**
 * The label to act on: the top one, or `noneLabel` when the fallback fires. A fallback's score is
 * the confidence that the message is NOT the top candidate (1 - its probability), in [0, 1] as the
 * Recognition contract asks.
 */
export function decide(ranked: readonly Ranked[], policy: FallbackPolicy, noneLabel: string): Ranked {
  if (!shouldFallBack(ranked, policy)) return ranked[0];
  if (ranked.length === 0) return { label: noneLabel, score: 1 };
  return { label: noneLabel, score: ranked[0].label === noneLabel ? ranked[0].score : 1 - ranked[0].score };
}

/**
 * A real intent at least this probable (calibrated) makes a fallback "unsure" rather than a plain
 * "out of scope": with calibrated scores, one such message in four or more really is that intent,
 * enough to ask the customer ("did you mean…?") instead of answering that we cannot help.
 */
export const UNSURE_PLAUSIBLE = 0.25;

/** Whether a `noneLabel` decision should be asked about: some other candidate is plausible. */
export function isUnsure(chosen: Ranked, ranked: readonly Ranked[], noneLabel: string): boolean {
  return chosen.label === noneLabel && ranked.some((r) => r.label !== noneLabel && r.score >= UNSURE_PLAUSIBLE);
}

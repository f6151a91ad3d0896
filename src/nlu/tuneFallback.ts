import { fitTemperature, rescale } from './calibration';
import { classifyMessage } from './classifyMessage';
import { decide, NO_FALLBACK, type FallbackPolicy } from './fallback';
import { FeatureMemo } from './FeatureMemo';
import type { PipelineOptions } from './pipelineOptions';
import { seededRandom, shuffleInPlace } from './random';
import type { LabelledText, Ranked } from './TextClassifier';
import { trainTextClassifier } from './trainTextClassifier';

export interface TunedFallback {
  policy: FallbackPolicy;
  /** Softmax temperature that calibrates the scores (1 when there was nothing to tune on). */
  temperature: number;
  /** Out-of-fold accuracy with the tuned policy and with none (how much the fallback buys). */
  accuracy: number;
  accuracyWithout: number;
}

/**
 * Tunes the fallback on held-out data without touching the test phrasings: k-fold cross-validation
 * over the training utterances gives every utterance a prediction from a model that never saw it,
 * then a grid search picks the threshold and margin with the best accuracy on those predictions
 * (ties go to the smaller, less intrusive setting). The same predictions first fit the softmax
 * temperature (calibration.ts), and the thresholds are searched on the calibrated scores. Without a
 * `noneLabel` class in the data (say BANKING77) falling back can only be wrong: no threshold then.
 */
export function tuneFallback(
  examples: readonly LabelledText[],
  noneLabel: string,
  options: PipelineOptions,
  folds = 5,
  memo: FeatureMemo = new FeatureMemo(options.features),
): TunedFallback {
  if (examples.length < folds * 2) return { policy: NO_FALLBACK, temperature: 1, accuracy: Number.NaN, accuracyWithout: Number.NaN };
  const raw = outOfFold(examples, options, folds, noneLabel, memo);
  const temperature = fitTemperature(raw, examples.map((e) => e.label));
  if (!examples.some((e) => e.label === noneLabel)) return { policy: NO_FALLBACK, temperature, accuracy: Number.NaN, accuracyWithout: Number.NaN };
  // Thresholds are tuned on calibrated scores, the scores the recognizer will report.
  const predictions = raw.map((r) => rescale(r, temperature));
  // What each policy needs of a prediction, taken once: the grid below tries 777 policies.
  const top = Float64Array.from(predictions, (p) => p[0]?.score ?? 0);
  const second = Float64Array.from(predictions, (p) => p[1]?.score ?? 0);
  const topRight = predictions.map((p, i) => decide(p, NO_FALLBACK, noneLabel).label === examples[i].label);
  const fallbackRight = predictions.map((p, i) => decide(p, { threshold: 2, margin: 0 }, noneLabel).label === examples[i].label);
  const accuracyOf = ({ threshold, margin }: FallbackPolicy) => {
    let right = 0;
    for (let i = 0; i < top.length; i++) {
      // shouldFallBack() on the precomputed scores; an empty ranking always falls back.
      const falls = predictions[i].length === 0 || top[i] < threshold || top[i] - second[i] < margin;
      if (falls ? fallbackRight[i] : topRight[i]) right++;
    }
    return right / examples.length;
  };
  let best = { policy: NO_FALLBACK, accuracy: accuracyOf(NO_FALLBACK) };
  const accuracyWithout = best.accuracy;
  for (let threshold = 0; threshold <= 0.9; threshold += 0.025) {
    for (let margin = 0; margin <= 0.5; margin += 0.025) {
      const policy = { threshold: round3(threshold), margin: round3(margin) };
      const accuracy = accuracyOf(policy);
      if (accuracy > best.accuracy + 1e-12) best = { policy, accuracy };
    }
  }
  return { ...best, temperature, accuracyWithout };
}

/** Each example ranked (over every label) by a model trained on the other folds. */
export function outOfFold(
  examples: readonly LabelledText[],
  options: PipelineOptions,
  folds: number,
  noneLabel: string,
  memo: FeatureMemo = new FeatureMemo(options.features),
): Ranked[][] {
  const order = shuffleInPlace(examples.map((_, i) => i), seededRandom(options.softmax.seed + 1));
  const out: Ranked[][] = new Array<Ranked[]>(examples.length);
  for (let fold = 0; fold < folds; fold++) {
    const held = new Set(order.filter((_, k) => k % folds === fold));
    const model = trainTextClassifier(examples.filter((_, i) => !held.has(i)), options, noneLabel, memo);
    for (const i of held) out[i] = classifyMessage(model, NO_FALLBACK, noneLabel, examples[i].text, model.labels.length).ranked;
  }
  return out;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

import type { FallbackPolicy } from './fallback';
import { FeatureMemo } from './FeatureMemo';
import type { PipelineOptions } from './pipelineOptions';
import type { LabelledText, TextClassifier } from './TextClassifier';
import { trainTextClassifier } from './trainTextClassifier';
import { tuneFallback } from './tuneFallback';

export interface TrainedModel {
  classifier: TextClassifier;
  fallback: FallbackPolicy;
}

/**
 * Folds of the cross-validation that fits the temperature and the fallback. Three, not five: the
 * fold models are most of a start-up's training (5 folds x 80 % of the data + the final model was
 * 5 units of SGD, 3 folds x 67 % + 1 is 3), and on our data both choose the same temperature (1.2)
 * and thresholds 0.025 apart (docs/nlu.md).
 */
export const TUNING_FOLDS = 3;

/** The full training step shared by the recognizer and the CLI: the classifier, calibrated, and its fallback. */
export function trainWithFallback(examples: readonly LabelledText[], noneLabel: string, options: PipelineOptions): TrainedModel {
  const memo = new FeatureMemo(options.features);
  const tuned = tuneFallback(examples, noneLabel, options, TUNING_FOLDS, memo);
  const classifier = trainTextClassifier(examples, options, noneLabel, memo).withTemperature(tuned.temperature);
  return { classifier, fallback: tuned.policy };
}

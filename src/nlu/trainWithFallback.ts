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

/** The full training step shared by the recognizer and the CLI: the classifier, calibrated, and its fallback. */
export function trainWithFallback(examples: readonly LabelledText[], noneLabel: string, options: PipelineOptions): TrainedModel {
  const memo = new FeatureMemo(options.features);
  const tuned = tuneFallback(examples, noneLabel, options, 5, memo);
  const classifier = trainTextClassifier(examples, options, noneLabel, memo).withTemperature(tuned.temperature);
  return { classifier, fallback: tuned.policy };
}

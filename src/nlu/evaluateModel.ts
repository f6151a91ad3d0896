import { computeMetrics, type Metrics } from './computeMetrics';
import { classifyMessage, type ClassifiedMessage } from './classifyMessage';
import { heapUsage } from './heapUsage';
import { measureThroughput } from './measureThroughput';
import { DEFAULT_PIPELINE_OPTIONS, type PipelineOptions } from './pipelineOptions';
import type { LabelledText } from './TextClassifier';
import { trainWithFallback, type TrainedModel } from './trainWithFallback';

export interface Evaluation {
  metrics: Metrics;
  predicted: string[];
  /** What the pipeline saw of each test message (script, variant, pinyin), in test order. */
  classified: ClassifiedMessage[];
  trainMs: number;
  classifyPerSec: number;
  /** Memory the trained model keeps (JS heap + weight arrays), in MB. */
  modelMB: number;
  model: TrainedModel;
}

export const NONE_LABEL = 'none';

/**
 * Trains a fresh model of the production pipeline (classifier + tuned fallback) on `train` and
 * scores it on `test`. Throughput times the whole path a message takes: normalize, features,
 * classify, fallback.
 */
export function evaluateModel(
  train: readonly LabelledText[],
  test: readonly LabelledText[],
  options: PipelineOptions = DEFAULT_PIPELINE_OPTIONS,
  measureSpeed = true,
): Evaluation {
  const before = heapUsage();
  const started = performance.now();
  const model = trainWithFallback(train, NONE_LABEL, options);
  const trainMs = Math.round(performance.now() - started);
  const modelMB = (heapUsage() - before) / 1e6;
  const classify = (text: string) => classifyMessage(model.classifier, model.fallback, NONE_LABEL, text).chosen.label;
  const classified = test.map((e) => classifyMessage(model.classifier, model.fallback, NONE_LABEL, e.text));
  const predicted = classified.map((c) => c.chosen.label);
  const metrics = computeMetrics(
    test.map((e) => e.label),
    predicted,
  );
  const classifyPerSec = measureSpeed ? measureThroughput(test.map((e) => e.text), classify) : 0;
  return { metrics, predicted, classified, trainMs, classifyPerSec, modelMB: Math.round(modelMB * 10) / 10, model };
}

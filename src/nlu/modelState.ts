import { z } from 'zod';
import { base64ToFloat32, float32ToBase64 } from './float32Base64';
import { featureOptionsSchema } from './featureOptions';
import type { FallbackPolicy } from './fallback';
import { SoftmaxClassifier } from './SoftmaxClassifier';
import { TextClassifier } from './TextClassifier';
import { Vectorizer } from './Vectorizer';

/** What a model file holds; validated on load, so a corrupt cache is retrained instead of trusted. */
export const modelStateSchema = z.object({
  key: z.string(),
  labels: z.array(z.string()).min(1),
  features: featureOptionsSchema,
  vocabulary: z.array(z.string()),
  idf: z.string(),
  familyWeights: z.record(z.string(), z.number()),
  weights: z.string(),
  bias: z.string(),
  englishWords: z.array(z.string()).default([]),
  temperature: z.number().positive().default(1),
  fallback: z.object({ threshold: z.number().min(0).max(1), margin: z.number().min(0).max(1) }),
});

export type ModelState = z.infer<typeof modelStateSchema>;

export function toModelState(key: string, classifier: TextClassifier, fallback: FallbackPolicy): ModelState {
  return {
    key,
    labels: [...classifier.labels],
    features: classifier.featureOptions,
    vocabulary: [...classifier.vectorizer.vocabulary],
    idf: float32ToBase64(classifier.vectorizer.idf),
    familyWeights: classifier.vectorizer.familyWeights,
    weights: float32ToBase64(classifier.model.weights),
    bias: float32ToBase64(classifier.model.bias),
    englishWords: [...classifier.englishWords],
    temperature: classifier.temperature,
    fallback,
  };
}

/** Rebuilds the classifier; throws if the arrays disagree in size (a truncated or foreign file). */
export function fromModelState(state: ModelState): { classifier: TextClassifier; fallback: FallbackPolicy } {
  const C = state.labels.length;
  const F = state.vocabulary.length;
  const idf = base64ToFloat32(state.idf);
  const weights = base64ToFloat32(state.weights);
  const bias = base64ToFloat32(state.bias);
  if (idf.length !== F || weights.length !== F * C || bias.length !== C) {
    throw new Error('fromModelState(): array sizes do not match the vocabulary and labels');
  }
  const vectorizer = new Vectorizer(state.vocabulary, idf, state.familyWeights);
  const model = new SoftmaxClassifier(C, F, weights, bias);
  return { classifier: new TextClassifier(state.labels, state.features, vectorizer, model, state.englishWords, state.temperature), fallback: state.fallback };
}

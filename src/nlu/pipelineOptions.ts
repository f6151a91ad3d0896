import { DEFAULT_FEATURE_OPTIONS, type FeatureOptions } from './featureOptions';
import type { FamilyWeights } from './Vectorizer';
import { DEFAULT_SOFTMAX_OPTIONS, type SoftmaxTrainingOptions } from './SoftmaxClassifier';

export interface PipelineOptions {
  features: FeatureOptions;
  /** Features seen in fewer training texts are dropped. */
  minDf: number;
  /** Per-family weights (see Vectorizer); empty: one L2 norm over all features. */
  familyWeights: FamilyWeights;
  softmax: SoftmaxTrainingOptions;
}

export const DEFAULT_PIPELINE_OPTIONS: PipelineOptions = {
  features: DEFAULT_FEATURE_OPTIONS,
  minDf: 1,
  // Chosen on a held-out 20 % of BANKING77's train split (never its test file) and checked by
  // 5-fold cross-validation on our utterances: 90.75 % against 90.0 % with one norm over all features.
  familyWeights: { w: 1, c: 0.5, h: 1 },
  softmax: DEFAULT_SOFTMAX_OPTIONS,
};

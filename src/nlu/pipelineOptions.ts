import { DEFAULT_FEATURE_OPTIONS, type FeatureOptions } from './featureOptions';
import { DEFAULT_SOFTMAX_OPTIONS, type SoftmaxTrainingOptions } from './SoftmaxClassifier';

export interface PipelineOptions {
  features: FeatureOptions;
  /** Features seen in fewer training texts are dropped. */
  minDf: number;
  softmax: SoftmaxTrainingOptions;
}

export const DEFAULT_PIPELINE_OPTIONS: PipelineOptions = {
  features: DEFAULT_FEATURE_OPTIONS,
  minDf: 1,
  softmax: DEFAULT_SOFTMAX_OPTIONS,
};

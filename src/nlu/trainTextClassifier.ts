import { extractFeatures } from './extractFeatures';
import { normalize } from './normalize';
import { DEFAULT_PIPELINE_OPTIONS, type PipelineOptions } from './pipelineOptions';
import { SoftmaxClassifier } from './SoftmaxClassifier';
import { TextClassifier, type LabelledText } from './TextClassifier';
import { Vectorizer } from './Vectorizer';

/** Trains the whole pipeline on raw texts. Labels are sorted so the model does not depend on input order. */
export function trainTextClassifier(
  examples: readonly LabelledText[],
  options: PipelineOptions = DEFAULT_PIPELINE_OPTIONS,
): TextClassifier {
  if (examples.length === 0) throw new Error('trainTextClassifier(): no training examples');
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((label, i) => [label, i]));
  const documents = examples.map((e) => extractFeatures(normalize(e.text).text, options.features));
  const vectorizer = Vectorizer.fit(documents, options.minDf, options.familyWeights);
  const vectors = documents.map((doc) => vectorizer.transform(doc));
  const targets = examples.map((e) => labelIndex.get(e.label) ?? 0);
  const model = SoftmaxClassifier.train(vectors, targets, labels.length, vectorizer.size, options.softmax);
  return new TextClassifier(labels, options.features, vectorizer, model);
}

import { blendNaiveBayes } from './blendNaiveBayes';
import { FeatureMemo } from './FeatureMemo';
import type { Normalized } from './normalize';
import { PinyinReader } from './PinyinReader';
import { DEFAULT_PIPELINE_OPTIONS, type PipelineOptions } from './pipelineOptions';
import { SoftmaxClassifier } from './SoftmaxClassifier';
import { TextClassifier, type LabelledText } from './TextClassifier';
import { Vectorizer } from './Vectorizer';

/**
 * Trains the whole pipeline on raw texts. Labels are sorted so the model does not depend on input
 * order. `noneLabel`, the out-of-scope class if the data has one, is exempt from class balancing.
 * `memo` shares normalized texts and features between the trainings of one run (see FeatureMemo).
 */
export function trainTextClassifier(
  examples: readonly LabelledText[],
  options: PipelineOptions = DEFAULT_PIPELINE_OPTIONS,
  noneLabel?: string,
  memo: FeatureMemo = new FeatureMemo(options.features),
): TextClassifier {
  if (examples.length === 0) throw new Error('trainTextClassifier(): no training examples');
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((label, i) => [label, i]));
  const normalized = examples.map((e) => memo.normalize(e.text));
  const englishWords = collectEnglishWords(examples, normalized);
  const reader = new PinyinReader(englishWords);
  const documents = normalized.map((n) => memo.extract(n.text, reader.read(n.text)));
  const vectorizer = Vectorizer.fit(documents, options.minDf, options.familyWeights);
  const vectors = documents.map((doc) => vectorizer.transform(doc));
  const targets = examples.map((e) => labelIndex.get(e.label) ?? 0);
  const unweighted = noneLabel === undefined ? -1 : (labelIndex.get(noneLabel) ?? -1);
  const model = SoftmaxClassifier.train(vectors, targets, labels.length, vectorizer.size, options.softmax, unweighted);
  blendNaiveBayes(model, vectors, targets, options.naiveBayes);
  return new TextClassifier(labels, options.features, vectorizer, model, englishWords);
}

/**
 * Latin words of the texts written in English (the file's language when known, else the detected
 * one): what a customer's English looks like to the pinyin reader. Sorted for a stable model file.
 */
function collectEnglishWords(examples: readonly LabelledText[], normalized: readonly Normalized[]): string[] {
  const words = new Set<string>();
  examples.forEach((e, i) => {
    if ((e.language ?? normalized[i].language) !== 'en') return;
    for (const w of normalized[i].text.match(/[a-z]+/g) ?? []) words.add(w);
  });
  return [...words].sort();
}

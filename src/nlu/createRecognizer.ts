import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../packageRoot';
import type { FallbackPolicy } from './fallback';
import { INTENTS, Intent, isIntentId } from './intents';
import { loadTrainingData } from './loadTrainingData';
import { cacheFile, readCachedModel, writeCachedModel } from './modelCache';
import { modelKey } from './modelKey';
import { fromModelState, toModelState } from './modelState';
import { classifyMessage } from './classifyMessage';
import { DEFAULT_PIPELINE_OPTIONS, type PipelineOptions } from './pipelineOptions';
import type { TextClassifier } from './TextClassifier';
import { trainWithFallback } from './trainWithFallback';
import type { Recognition, Recognizer, ScoredIntent } from './types';

export interface RecognizerOptions {
  /** Where cached models live (config's NLU_CACHE_DIR); `false` turns caching off. Default `.cache/nlu`. */
  cacheDir?: string | false;
  /** The training data folder. Default: the repository's `intents/nlu`. */
  dataDir?: string;
  /** Pipeline settings; part of the cache key. */
  pipeline?: PipelineOptions;
  /** How many alternatives a recognition keeps. */
  alternatives?: number;
  /** Where to report non-fatal trouble (an unwritable cache). Default: ignore. */
  onWarning?: (message: string) => void;
}

export interface RecognizerInfo {
  /** `cache` when a cached model was loaded, `trained` when trained in this call. */
  source: 'cache' | 'trained';
  key: string;
  /** Time to get a ready model (training and tuning, or loading the cache). */
  readyMs: number;
  fallback: FallbackPolicy;
  cacheFile?: string;
  trainingExamples: number;
}

export interface NluRecognizer extends Recognizer {
  readonly info: RecognizerInfo;
}

export const DEFAULT_DATA_DIR = resolve(PACKAGE_ROOT, 'intents/nlu');
export const DEFAULT_CACHE_DIR = '.cache/nlu';

/**
 * Builds the recognizer: loads and validates `intents/nlu` (a bad file throws, naming file and
 * entry), then loads the cached model whose key hashes data + options + pipeline code, or trains
 * one (and tunes the fallback by cross-validation) and caches it. Synchronous: it is all CPU work
 * on small files, and a synchronous form lets tests and the CLI build one without ceremony.
 */
export function createRecognizerSync(options: RecognizerOptions = {}): NluRecognizer {
  const started = performance.now();
  const pipeline = options.pipeline ?? DEFAULT_PIPELINE_OPTIONS;
  const data = loadTrainingData(options.dataDir ?? DEFAULT_DATA_DIR);
  const key = modelKey(data.contents, pipeline);
  const dir = options.cacheDir === false ? undefined : (options.cacheDir ?? DEFAULT_CACHE_DIR);
  const cached = dir === undefined ? undefined : readCachedModel(dir, key);
  let classifier: TextClassifier;
  let fallback: FallbackPolicy;
  if (cached) {
    ({ classifier, fallback } = fromModelState(cached));
  } else {
    const examples = data.train.map((e) => ({ text: e.text, label: e.intent, language: e.language }));
    ({ classifier, fallback } = trainWithFallback(examples, Intent.None, pipeline));
    if (dir !== undefined) {
      const problem = writeCachedModel(dir, toModelState(key, classifier, fallback));
      if (problem) options.onWarning?.(problem);
    }
  }
  const info: RecognizerInfo = {
    source: cached ? 'cache' : 'trained',
    key,
    readyMs: performance.now() - started,
    fallback,
    cacheFile: dir === undefined ? undefined : cacheFile(dir, key),
    trainingExamples: data.train.length,
  };
  return makeRecognizer(classifier, fallback, info, options.alternatives ?? 3);
}

export async function createRecognizer(options: RecognizerOptions = {}): Promise<NluRecognizer> {
  return createRecognizerSync(options);
}

function makeRecognizer(classifier: TextClassifier, fallback: FallbackPolicy, info: RecognizerInfo, top: number): NluRecognizer {
  const unknown = classifier.labels.filter((l) => !isIntentId(l));
  if (unknown.length > 0) throw new Error(`createRecognizer(): unknown intents ${unknown.join(', ')} (known: ${INTENTS.join(', ')})`);
  return {
    info,
    recognize(text: string): Recognition {
      const { normalized, ranked, chosen, pinyin, unsure } = classifyMessage(classifier, fallback, Intent.None, text, top);
      const alternatives: ScoredIntent[] = ranked.flatMap((r) => (isIntentId(r.label) ? [{ intent: r.label, score: r.score }] : []));
      const intent = isIntentId(chosen.label) ? chosen.label : Intent.None;
      // A message read (mostly) as pinyin is Chinese typed without an input method: answer in
      // Chinese, in simplified script (pinyin is the mainland's romanisation).
      const readAsChinese = pinyin && normalized.language === 'en';
      return {
        intent,
        score: chosen.score,
        alternatives,
        unsure,
        language: readAsChinese ? 'zh' : normalized.language,
        script: readAsChinese ? 'zh-Hans' : normalized.script,
        ...(normalized.variant ? { variant: normalized.variant } : {}),
        pinyin,
        normalized: normalized.text,
      };
    },
  };
}

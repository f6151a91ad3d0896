import { writeFileSync } from 'node:fs';
import { accuracyBy } from './accuracyBy';
import { measureCalibration } from './calibration';
import { computeMetrics } from './computeMetrics';
import { groupSection, reliabilitySection } from './reportSections';
import { groupable, groupsOf, scriptOf } from './messageGroups';
import { safetyPairOf } from './safetyPairs';
import { classifyMessage } from './classifyMessage';
import { evaluateModel, NONE_LABEL } from './evaluateModel';
import { loadTrainingData } from './loadTrainingData';
import { DEFAULT_PIPELINE_OPTIONS } from './pipelineOptions';
import { printMetrics, r4 } from './printMetrics';
import { seededRandom, shuffleInPlace } from './random';
import { renderHtmlReport } from './renderHtmlReport';
import type { Example } from './trainingData';
import { trainWithFallback } from './trainWithFallback';

export interface TestArgs {
  dataDir: string;
  cv?: number;
  html?: string;
}

const toLabelled = (e: Example) => ({ text: e.text, label: e.intent, language: e.language });

/**
 * `test [--cv K]`: train on our utterances, score on the held-out test phrasings (never trained
 * on), with accuracy per language and per intent in each language; `--cv K` adds K-fold
 * cross-validation over the utterances (each fold tunes its own fallback, so nothing leaks).
 */
export function runTest(args: TestArgs, out: NodeJS.WritableStream, err: NodeJS.WritableStream): void {
  const data = loadTrainingData(args.dataDir);
  err.write(`training on ${data.train.length} utterances, testing on ${data.tests.length} held-out phrasings\n`);
  const e = evaluateModel(data.train.map(toLabelled), data.tests.map(toLabelled));
  printMetrics(e.metrics, out, err);
  const correct = data.tests.map((t, i) => e.predicted[i] === t.intent);
  const perLanguage: Record<string, { accuracy: number; n: number }> = {};
  const perIntent: Record<string, Record<string, number>> = {};
  for (const language of ['zh', 'en'] as const) {
    const idx = data.tests.map((t, i) => (t.language === language ? i : -1)).filter((i) => i >= 0);
    perLanguage[language] = { accuracy: r4(share(idx.map((i) => correct[i]))), n: idx.length };
    for (const i of idx) {
      const slot = (perIntent[data.tests[i].intent] ??= {});
      slot[language] = 0;
    }
    for (const intent of Object.keys(perIntent)) {
      const mine = idx.filter((i) => data.tests[i].intent === intent);
      if (mine.length > 0) perIntent[intent][language] = r4(share(mine.map((i) => correct[i])));
    }
  }
  data.tests.forEach((t, i) => {
    if (!correct[i]) err.write(`  miss [${t.language}] ${t.intent} -> ${e.predicted[i]}: ${t.text}\n`);
  });
  // The safety-critical confusions, listed one by one: the target is none at all.
  const safetyConfusions = data.tests.flatMap((t, i) => {
    const pair = safetyPairOf(t.intent, e.predicted[i]);
    return pair ? [{ pair, expected: t.intent, predicted: e.predicted[i], text: t.text }] : [];
  });
  for (const c of safetyConfusions) err.write(`  SAFETY [${c.pair}] ${c.expected} -> ${c.predicted}: ${c.text}\n`);
  // Calibration of the model's top score before the fallback, and what "unsure" caught.
  const calibration = measureCalibration(
    e.classified.map((c) => c.ranked[0]?.score ?? 1),
    e.classified.map((c, i) => (c.ranked[0]?.label ?? NONE_LABEL) === data.tests[i].intent),
  );
  const unsure = e.classified.filter((c) => c.unsure);
  const unsureReport = {
    n: unsure.length,
    expectedAmongAlternatives: e.classified.filter((c, i) => c.unsure && c.ranked.some((r) => r.label === data.tests[i].intent)).length,
  };
  const minIntentAccuracy = Math.min(...Object.values(perIntent).flatMap((v) => Object.values(v)));
  const summary = {
    accuracy: r4(e.metrics.accuracy),
    macroF1: r4(e.metrics.macroF1),
    trainMs: e.trainMs,
    classifyPerSec: e.classifyPerSec,
    n: e.metrics.n,
    modelMB: e.modelMB,
    trainingExamples: data.train.length,
    fallback: e.model.fallback,
    perLanguage,
    perIntent,
    minIntentAccuracy,
    perScript: accuracyBy(e.classified.map((c) => [scriptOf(c)]), correct),
    safetyConfusions,
    ece: calibration.ece,
    reliability: calibration.bins,
    unsure: unsureReport,
    perGroup: accuracyBy(e.classified.map((c) => groupsOf(groupable(c))), correct),
    ...(args.cv ? { cv: crossValidate(data.train, args.cv, err) } : {}),
  };
  if (args.html) {
    writeFileSync(
      args.html,
      renderHtmlReport('NLU held-out tests', e.metrics, {
        accuracy: summary.accuracy,
        macroF1: summary.macroF1,
        trainMs: summary.trainMs,
        classifyPerSec: summary.classifyPerSec,
        zh: perLanguage.zh.accuracy,
        en: perLanguage.en.accuracy,
        ece: calibration.ece,
        safetyConfusions: safetyConfusions.length,
        unsure: `${unsureReport.n} (expected intent among the alternatives in ${unsureReport.expectedAmongAlternatives})`,
      }, [
        reliabilitySection(calibration),
        groupSection('Accuracy per script', summary.perScript),
        groupSection('Accuracy per kind of message', summary.perGroup),
        { title: 'Safety-critical confusions (target: none)', header: ['pair', 'expected', 'predicted', 'message'], rows: safetyConfusions.map((c) => [c.pair, c.expected, c.predicted, c.text]) },
      ]),
    );
    err.write(`wrote ${args.html}\n`);
  }
  out.write(`${JSON.stringify(summary)}\n`);
}

/** K-fold cross-validation over the utterances; each miss is listed on `err` (what to fix in the data). */
function crossValidate(train: readonly Example[], folds: number, err: NodeJS.WritableStream): { folds: number; accuracy: number; macroF1: number } {
  const order = shuffleInPlace(train.map((_, i) => i), seededRandom(2024));
  const predicted: string[] = new Array<string>(train.length);
  for (let fold = 0; fold < folds; fold++) {
    const held = new Set(order.filter((_, k) => k % folds === fold));
    const model = trainWithFallback(train.filter((_, i) => !held.has(i)).map(toLabelled), NONE_LABEL, DEFAULT_PIPELINE_OPTIONS);
    for (const i of held) predicted[i] = classifyMessage(model.classifier, model.fallback, NONE_LABEL, train[i].text).chosen.label;
  }
  train.forEach((t, i) => {
    if (predicted[i] !== t.intent) err.write(`  cv miss [${t.language}] ${t.intent} -> ${predicted[i]}: ${t.text}\n`);
  });
  const m = computeMetrics(train.map((t) => t.intent), predicted);
  return { folds, accuracy: r4(m.accuracy), macroF1: r4(m.macroF1) };
}

function share(values: readonly boolean[]): number {
  return values.length === 0 ? 0 : values.filter(Boolean).length / values.length;
}

import { writeFileSync } from 'node:fs';
import { accuracyBy } from './accuracyBy';
import { measureCalibration } from './calibration';
import { evaluateModel } from './evaluateModel';
import { groupSection, reliabilitySection } from './reportSections';
import { scriptOf } from './messageGroups';
import { printMetrics, r4 } from './printMetrics';
import { readLabelledFile } from './readLabelledFile';
import { renderHtmlReport } from './renderHtmlReport';

export interface EvalArgs {
  train: string;
  test: string;
  html?: string;
}

/** `eval --train F --test F [--html report.html]`: a fresh model of the same pipeline on other data. */
export function runEval(args: EvalArgs, out: NodeJS.WritableStream, err: NodeJS.WritableStream): void {
  const train = readLabelledFile(args.train);
  const test = readLabelledFile(args.test);
  err.write(`training on ${train.length} texts from ${args.train}, testing on ${test.length} from ${args.test}\n`);
  const e = evaluateModel(train, test);
  printMetrics(e.metrics, out, err);
  const calibration = measureCalibration(
    e.classified.map((c) => c.ranked[0]?.score ?? 1),
    e.classified.map((c, i) => c.ranked[0]?.label === test[i].label),
  );
  const summary = {
    accuracy: r4(e.metrics.accuracy),
    macroF1: r4(e.metrics.macroF1),
    trainMs: e.trainMs,
    classifyPerSec: e.classifyPerSec,
    n: e.metrics.n,
    modelMB: e.modelMB,
    vocabulary: e.model.classifier.vectorizer.size,
    fallback: e.model.fallback,
    perScript: accuracyBy(e.classified.map((c) => [scriptOf(c)]), e.predicted.map((p, i) => p === test[i].label)),
    ece: calibration.ece,
    reliability: calibration.bins,
  };
  if (args.html) {
    const { fallback, perScript, reliability, ...flat } = summary;
    writeFileSync(args.html, renderHtmlReport(`NLU evaluation: ${args.test}`, e.metrics, { ...flat, ...Object.fromEntries(Object.entries(perScript).map(([k, v]) => [`accuracy ${k}`, `${v.accuracy} (n=${v.n})`])), train: args.train, test: args.test, fallbackThreshold: fallback.threshold, fallbackMargin: fallback.margin }, [
      reliabilitySection(calibration),
      groupSection('Accuracy per script', perScript),
    ]));
    err.write(`wrote ${args.html}\n`);
  }
  out.write(`${JSON.stringify(summary)}\n`);
}

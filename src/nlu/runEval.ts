import { writeFileSync } from 'node:fs';
import { accuracyBy } from './accuracyBy';
import { measureCalibration } from './calibration';
import { evaluateModel } from './evaluateModel';
import { groupSection, reliabilitySection } from './reportSections';
import { scriptOf } from './messageGroups';
import { printMetrics, r4 } from './printMetrics';
import { seededRandom, shuffleInPlace } from './random';
import { readLabelledFile } from './readLabelledFile';
import type { LabelledText } from './TextClassifier';
import { renderHtmlReport } from './renderHtmlReport';

export interface EvalArgs {
  train: string;
  /** The test file: for the final figure only. */
  test?: string;
  /** A dev file, or `split` for a seeded 20 % of the training file: for choosing settings. */
  dev?: string;
  html?: string;
}

/** Share of the training file held out by `--dev split`. */
const DEV_SHARE = 0.2;

function trainAndScore(args: EvalArgs): { train: LabelledText[]; test: LabelledText[]; name: string } {
  const all = readLabelledFile(args.train);
  if (args.dev === 'split') {
    const order = shuffleInPlace(all.map((_, i) => i), seededRandom(4242));
    const held = new Set(order.slice(0, Math.round(all.length * DEV_SHARE)));
    return { train: all.filter((_, i) => !held.has(i)), test: all.filter((_, i) => held.has(i)), name: `dev split (${DEV_SHARE * 100} % of ${args.train})` };
  }
  const file = args.dev ?? args.test ?? '';
  return { train: all, test: readLabelledFile(file), name: args.dev ? `dev ${file}` : file };
}

/** `eval --train F --test F [--html report.html]`: a fresh model of the same pipeline on other data. */
export function runEval(args: EvalArgs, out: NodeJS.WritableStream, err: NodeJS.WritableStream): void {
  const { train, test, name } = trainAndScore(args);
  err.write(`training on ${train.length} texts from ${args.train}, scoring on ${test.length} from ${name}\n`);
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
    writeFileSync(args.html, renderHtmlReport(`NLU evaluation: ${name}`, e.metrics, { ...flat, ...Object.fromEntries(Object.entries(perScript).map(([k, v]) => [`accuracy ${k}`, `${v.accuracy} (n=${v.n})`])), train: args.train, test: name, fallbackThreshold: fallback.threshold, fallbackMargin: fallback.margin }, [
      reliabilitySection(calibration),
      groupSection('Accuracy per script', perScript),
    ]));
    err.write(`wrote ${args.html}\n`);
  }
  out.write(`${JSON.stringify(summary)}\n`);
}

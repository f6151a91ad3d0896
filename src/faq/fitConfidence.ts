/**
 * Fits the FAQ's confidence model (faqConfidence.ts) by logistic regression: one example per
 * held-out phrasing (label: the best entry is the right one) and per out-of-scope question (label:
 * 0, no entry is right). Also reports calibration: in bins of predicted confidence, the share of
 * examples whose best entry really was right, and the expected calibration error.
 */
import { SIGNAL_NAMES, faqConfidence, type ConfidenceModel, type FaqSignals } from './faqConfidence';

export interface LabelledSignals {
  signals: FaqSignals;
  right: boolean;
  /** How much the example counts in the fit (1 by default). */
  weight?: number;
}

const STEPS = 20000;
const LEARNING_RATE = 2;
/** A little L2 keeps the weights from running off on a separable set. */
const L2 = 0.001;

export function fitConfidence(examples: readonly LabelledSignals[]): ConfidenceModel {
  const model: ConfidenceModel = { bias: 0, score: 0, coverage: 0, margin: 0, gap: 0, phrase: 0, shortfall: 0 };
  if (examples.length === 0) return model;
  for (let step = 0; step < STEPS; step += 1) {
    const gradient: ConfidenceModel = { bias: 0, score: 0, coverage: 0, margin: 0, gap: 0, phrase: 0, shortfall: 0 };
    let total = 0;
    for (const { signals, right, weight = 1 } of examples) {
      const error = (faqConfidence(signals, model) - (right ? 1 : 0)) * weight;
      total += weight;
      gradient.bias += error;
      for (const name of SIGNAL_NAMES) gradient[name] += error * signals[name];
    }
    model.bias -= (LEARNING_RATE * gradient.bias) / total;
    for (const name of SIGNAL_NAMES) model[name] -= LEARNING_RATE * (gradient[name] / total + L2 * model[name]);
  }
  return model;
}

export interface CalibrationBin {
  from: number;
  to: number;
  examples: number;
  meanConfidence: number;
  rightShare: number;
}

export function calibrationTable(examples: readonly LabelledSignals[], model: ConfidenceModel, bins = 5): { bins: CalibrationBin[]; ece: number } {
  const table: CalibrationBin[] = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, examples: 0, meanConfidence: 0, rightShare: 0 }));
  for (const { signals, right } of examples) {
    const c = faqConfidence(signals, model);
    const bin = table[Math.min(bins - 1, Math.floor(c * bins))];
    bin.examples += 1;
    bin.meanConfidence += c;
    bin.rightShare += right ? 1 : 0;
  }
  let ece = 0;
  for (const bin of table) {
    if (bin.examples === 0) continue;
    bin.meanConfidence /= bin.examples;
    bin.rightShare /= bin.examples;
    ece += (bin.examples / examples.length) * Math.abs(bin.meanConfidence - bin.rightShare);
  }
  return { bins: table, ece };
}

export function roundModel(model: ConfidenceModel): ConfidenceModel {
  const r = (x: number) => Math.round(x * 100) / 100;
  const rounded: ConfidenceModel = { ...model, bias: r(model.bias) };
  for (const name of SIGNAL_NAMES) rounded[name] = r(model[name]);
  return rounded;
}

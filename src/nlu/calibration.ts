import type { Ranked } from './TextClassifier';

/** One bin of a reliability table: messages whose confidence fell in [from, to). */
export interface ReliabilityBin {
  from: number;
  to: number;
  n: number;
  /** Mean confidence of the bin's messages. */
  confidence: number;
  /** Share of them that were right. */
  accuracy: number;
}

export interface Calibration {
  /** Expected calibration error: the n-weighted mean |accuracy - confidence| over the bins. */
  ece: number;
  bins: ReliabilityBin[];
}

/** ECE and reliability table (Guo et al. 2017) with equal-width bins over [0, 1]. */
export function measureCalibration(confidences: readonly number[], correct: readonly boolean[], binCount = 10): Calibration {
  const bins = Array.from({ length: binCount }, (_, b) => ({ from: b / binCount, to: (b + 1) / binCount, n: 0, sum: 0, hits: 0 }));
  confidences.forEach((c, i) => {
    const bin = bins[Math.min(binCount - 1, Math.max(0, Math.floor(c * binCount)))];
    bin.n++;
    bin.sum += c;
    if (correct[i]) bin.hits++;
  });
  const total = Math.max(1, confidences.length);
  let ece = 0;
  const out = bins.map(({ from, to, n, sum, hits }) => {
    const confidence = n === 0 ? 0 : sum / n;
    const accuracy = n === 0 ? 0 : hits / n;
    ece += (n / total) * Math.abs(accuracy - confidence);
    return { from, to, n, confidence: round4(confidence), accuracy: round4(accuracy) };
  });
  return { ece: round4(ece), bins: out };
}

// Never below 1: sharpening scores that are fitted on out-of-fold guesses made bare keywords
// ('U盾' alone) confident enough to pass the fallback and raise a fraud alarm (conversation stories).
const TEMPERATURES = Array.from({ length: 41 }, (_, i) => 1 + i * 0.1); // 1.0 … 5.0

/**
 * Temperature scaling fitted on held-out rankings (full distributions over all labels): the
 * temperature with the least negative log-likelihood of the true labels. Works on probabilities:
 * p^(1/T), renormalized, is the softmax of the scores divided by T.
 */
export function fitTemperature(rankings: readonly Ranked[][], truth: readonly string[]): number {
  // NLL(T) = sum over messages of log sum_c p_c^(1/T) - log p_true / T. The log-probabilities are
  // taken once into flat arrays, so each of the 41 temperatures is a tight loop with no allocation
  // (rescaling every ranking for every temperature was ~60 ms of a start-up's training).
  const logs: number[] = [];
  const starts: number[] = [0];
  const logTrue = new Float64Array(rankings.length);
  const FLOOR = Math.log(1e-12);
  rankings.forEach((ranked, i) => {
    // No true label in the ranking (an empty message has none): a constant FLOOR at every temperature.
    let truthLog = Number.NaN;
    for (const r of ranked) {
      const l = Math.log(Math.max(r.score, 1e-300));
      logs.push(l);
      if (r.label === truth[i]) truthLog = l;
    }
    starts.push(logs.length);
    logTrue[i] = truthLog;
  });
  let best = { t: 1, nll: Infinity };
  for (const t of TEMPERATURES) {
    let nll = 0;
    for (let i = 0; i < rankings.length; i++) {
      if (Number.isNaN(logTrue[i])) {
        nll -= FLOOR;
        continue;
      }
      let max = -Infinity;
      for (let k = starts[i]; k < starts[i + 1]; k++) if (logs[k] / t > max) max = logs[k] / t;
      let sum = 0;
      for (let k = starts[i]; k < starts[i + 1]; k++) sum += Math.exp(logs[k] / t - max);
      // The true label's calibrated probability, floored at 1e-12 as before.
      nll -= Math.max(logTrue[i] / t - max - Math.log(sum), FLOOR);
    }
    if (nll < best.nll - 1e-9) best = { t, nll };
  }
  return Math.round(best.t * 100) / 100;
}

/** A full ranking's probabilities at temperature `t` (the order is unchanged). */
export function rescale(ranked: readonly Ranked[], t: number): Ranked[] {
  if (t === 1) return [...ranked];
  const powered = ranked.map((r) => Math.pow(Math.max(r.score, 1e-300), 1 / t));
  const sum = powered.reduce((a, b) => a + b, 0) || 1;
  return ranked.map((r, i) => ({ label: r.label, score: powered[i] / sum }));
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

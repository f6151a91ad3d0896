import { seededRandom, shuffleInPlace } from './random';
import type { SparseVector } from './SparseVector';

export interface SoftmaxTrainingOptions {
  /** Passes over the training set. */
  epochs: number;
  /** L2 regularization strength (per example). */
  lambda: number;
  /** Initial learning rate; decays as eta0 / (1 + eta0 * lambda * t) (Bottou, "SGD tricks"). */
  eta0: number;
  seed: number;
  /**
   * `log`: multinomial logistic loss (calibrated probabilities). `hinge`: the multiclass hinge
   * of Crammer and Singer (a linear SVM), which only updates on examples inside the margin.
   */
  loss?: 'log' | 'hinge';
  /**
   * `bottou`: eta0 / (1 + eta0 * lambda * t), which barely decays at small lambda, so the last
   * iterate still jitters with the last examples seen. `linear`: eta0 * (1 - t / T), down to 0 at
   * the end, so the final weights settle (steadier predictions from run to run and data edit to edit).
   */
  schedule?: 'bottou' | 'linear';
  /**
   * `balanced`: each example's step is scaled by N / (C * n_class), so a class with few examples
   * pulls as hard as a big one (sklearn's class_weight='balanced'). Default: every example alike.
   * The out-of-scope class, when the data has one (`train`'s `unweightedClass`), keeps weight 1:
   * it is large on purpose (out of scope is the commonest real message), and flattening its prior
   * turned out-of-scope questions into intents.
   */
  classWeight?: 'none' | 'balanced';
  /**
   * Average the weights at the end of each of the last `averageEpochs` epochs (tail averaging,
   * a cheap form of Polyak-Ruppert averaging): the mean of several late iterates generalizes
   * better than the last one, which still carries the order of the last examples. 0 or absent: off.
   */
  averageEpochs?: number;
  /**
   * Feature dropout: each step sees each feature of its example with probability 1 - dropout,
   * scaled up by 1 / (1 - dropout). For a linear model this is an adaptive regularizer (Wager et
   * al. 2013, "Dropout training as adaptive regularization"): no single n-gram can carry a class,
   * so the redundant n-grams of a sentence all learn. 0 or absent: off.
   */
  dropout?: number;
}

// Chosen by 5-fold cross-validation on our utterances, a held-out 20 % of BANKING77's train file
// and MASSIVE zh-CN's dev split (never a test split): balanced classes and tail averaging each
// added ~0.3-0.8 points on MASSIVE dev, lambda 3e-6 another 0.3 (docs/nlu.md, "Measured choices").
export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxTrainingOptions = {
  epochs: 20,
  lambda: 3e-6,
  eta0: 1,
  seed: 7,
  loss: 'log',
  schedule: 'linear',
  classWeight: 'balanced',
  averageEpochs: 5,
};

/**
 * Multinomial logistic regression over sparse vectors, trained with plain SGD.
 *
 * Our own code because natural's LogisticRegressionClassifier and MaxEnt do not finish training on
 * BANKING77 in ten minutes (docs/nlu.md, "Measured choices"). Weights are stored feature-major
 * (`weights[f * C + c]`) so scoring a sparse vector walks contiguous memory; L2 decay is folded into
 * one scale factor so each step touches only the features present in the example.
 */
export class SoftmaxClassifier {
  constructor(
    readonly classCount: number,
    readonly featureCount: number,
    readonly weights: Float32Array,
    readonly bias: Float32Array,
  ) {}

  static train(
    examples: readonly SparseVector[],
    labels: readonly number[],
    classCount: number,
    featureCount: number,
    options: SoftmaxTrainingOptions = DEFAULT_SOFTMAX_OPTIONS,
    unweightedClass = -1,
  ): SoftmaxClassifier {
    const C = classCount;
    const weights = new Float32Array(featureCount * C);
    const bias = new Float32Array(C);
    const scores = new Float64Array(C);
    const order = examples.map((_, i) => i);
    const random = seededRandom(options.seed);
    let scale = 1;
    let t = 0;
    const total = options.epochs * examples.length;
    const classWeight = classWeights(labels, C, options.classWeight ?? 'none', unweightedClass);
    const dropout = options.dropout ?? 0;
    const averageFrom = options.epochs - Math.min(options.averageEpochs ?? 0, options.epochs);
    const averaged = averageFrom < options.epochs - 1 ? { weights: new Float64Array(weights.length), bias: new Float64Array(C), n: 0 } : undefined;
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      shuffleInPlace(order, random);
      for (const n of order) {
        const { indices, values } = dropout > 0 ? dropFeatures(examples[n], dropout, random) : examples[n];
        const eta =
          options.schedule === 'linear'
            ? options.eta0 * Math.max(0.001, 1 - t++ / total)
            : options.eta0 / (1 + options.eta0 * options.lambda * t++);
        scoreInto(weights, bias, C, indices, values, scale, scores);
        if (options.loss === 'hinge') {
          if (!hingeGradientInPlace(scores, labels[n])) {
            scale *= 1 - eta * options.lambda;
            continue;
          }
        } else {
          softmaxInPlace(scores);
          scores[labels[n]] -= 1; // now the gradient of the loss with respect to each score
        }
        scale *= 1 - eta * options.lambda;
        const step = (eta * classWeight[labels[n]]) / scale;
        for (let k = 0; k < indices.length; k++) {
          const base = indices[k] * C;
          const v = values[k] * step;
          for (let c = 0; c < C; c++) weights[base + c] -= v * scores[c];
        }
        for (let c = 0; c < C; c++) bias[c] -= eta * classWeight[labels[n]] * scores[c];
        if (scale < 1e-6) {
          for (let i = 0; i < weights.length; i++) weights[i] *= scale;
          scale = 1;
        }
      }
      if (averaged && epoch >= averageFrom) {
        for (let i = 0; i < weights.length; i++) averaged.weights[i] += weights[i] * scale;
        for (let c = 0; c < C; c++) averaged.bias[c] += bias[c];
        averaged.n++;
      }
    }
    if (averaged) {
      for (let i = 0; i < weights.length; i++) weights[i] = averaged.weights[i] / averaged.n;
      for (let c = 0; c < C; c++) bias[c] = averaged.bias[c] / averaged.n;
    } else {
      for (let i = 0; i < weights.length; i++) weights[i] *= scale;
    }
    return new SoftmaxClassifier(C, featureCount, weights, bias);
  }

  /**
   * Class probabilities for one vector, written into `out` (length classCount). `temperature` > 1
   * softens over-confident scores (temperature scaling, Guo et al. 2017): it divides the scores
   * before the softmax, so the ranking never changes, only how sure it sounds.
   */
  probabilities(vector: SparseVector, out: Float64Array = new Float64Array(this.classCount), temperature = 1): Float64Array {
    scoreInto(this.weights, this.bias, this.classCount, vector.indices, vector.values, 1, out);
    if (temperature !== 1) for (let c = 0; c < out.length; c++) out[c] /= temperature;
    return softmaxInPlace(out);
  }
}

function scoreInto(
  weights: Float32Array,
  bias: Float32Array,
  C: number,
  indices: Int32Array,
  values: Float32Array,
  scale: number,
  out: Float64Array,
): void {
  out.fill(0);
  for (let k = 0; k < indices.length; k++) {
    const base = indices[k] * C;
    const v = values[k];
    for (let c = 0; c < C; c++) out[c] += v * weights[base + c];
  }
  for (let c = 0; c < C; c++) out[c] = out[c] * scale + bias[c];
}

/** A copy of the vector with each feature kept with probability 1 - rate, survivors scaled up. */
function dropFeatures(vector: SparseVector, rate: number, random: () => number): SparseVector {
  const indices: number[] = [];
  const values: number[] = [];
  const keep = 1 / (1 - rate);
  for (let k = 0; k < vector.indices.length; k++) {
    if (random() < rate) continue;
    indices.push(vector.indices[k]);
    values.push(vector.values[k] * keep);
  }
  return { indices: Int32Array.from(indices), values: Float32Array.from(values) };
}

/** Per-class step multipliers: all 1, or N / (C * n_class) for `balanced`. */
function classWeights(labels: readonly number[], C: number, mode: 'none' | 'balanced', unweighted: number): Float64Array {
  const weight = new Float64Array(C).fill(1);
  if (mode !== 'balanced' || labels.length === 0) return weight;
  const counts = new Float64Array(C);
  for (const label of labels) counts[label]++;
  for (let c = 0; c < C; c++) if (c !== unweighted && counts[c] > 0) weight[c] = labels.length / (C * counts[c]);
  return weight;
}

/** Crammer-Singer: gradient +1 on the best wrong class, -1 on the true one, if within the margin. */
function hingeGradientInPlace(scores: Float64Array, label: number): boolean {
  let rival = -1;
  for (let c = 0; c < scores.length; c++) if (c !== label && (rival < 0 || scores[c] > scores[rival])) rival = c;
  const violated = rival >= 0 && scores[label] - scores[rival] < 1;
  scores.fill(0);
  if (violated) {
    scores[label] = -1;
    scores[rival] = 1;
  }
  return violated;
}

function softmaxInPlace(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) if (scores[c] > max) max = scores[c];
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    scores[c] = Math.exp(scores[c] - max);
    sum += scores[c];
  }
  for (let c = 0; c < scores.length; c++) scores[c] /= sum;
  return scores;
}

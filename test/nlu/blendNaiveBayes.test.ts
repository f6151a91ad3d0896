import { blendNaiveBayes } from '../../src/nlu/blendNaiveBayes';
import { SoftmaxClassifier } from '../../src/nlu/SoftmaxClassifier';
import type { SparseVector } from '../../src/nlu/SparseVector';

const vector = (indices: number[], values: number[]): SparseVector => ({ indices: Int32Array.from(indices), values: Float32Array.from(values) });

describe('blendNaiveBayes', () => {
  // Feature 0 only ever appears with class 0, feature 1 with class 1, feature 2 with both.
  const vectors = [vector([0, 2], [0.8, 0.6]), vector([0, 2], [0.8, 0.6]), vector([1, 2], [0.8, 0.6])];
  const labels = [0, 0, 1];
  const blank = () => new SoftmaxClassifier(2, 3, new Float32Array(6), new Float32Array(2));

  it('leaves the softmax alone at weight 0', () => {
    const model = blank();
    blendNaiveBayes(model, vectors, labels, { weight: 0, smoothing: 0.01 });
    expect(Array.from(model.weights)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(model.bias)).toEqual([0, 0]);
  });

  it("folds each class's naive Bayes vote into the weights: a feature seen only with one class votes for it", () => {
    const model = blank();
    blendNaiveBayes(model, vectors, labels, { weight: 0.5, smoothing: 0.01 });
    const p0 = model.probabilities(vector([0], [1]));
    const p1 = model.probabilities(vector([1], [1]));
    expect(p0[0]).toBeGreaterThan(0.9);
    expect(p1[1]).toBeGreaterThan(0.8); // less than p0[0]: the prior favours class 0
    // The prior: class 0 has two examples of three.
    expect(model.bias[0] - model.bias[1]).toBeCloseTo(0.5 * Math.log(2), 5);
  });
});

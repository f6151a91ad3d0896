export interface LabelMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ConfusedPair {
  expected: string;
  predicted: string;
  count: number;
}

export interface Metrics {
  accuracy: number;
  macroF1: number;
  n: number;
  perLabel: LabelMetrics[];
  /** Off-diagonal cells, most frequent first. */
  confused: ConfusedPair[];
  /** confusion[expected][predicted] = count, over `labels`. */
  labels: string[];
  confusion: number[][];
}

/** Accuracy, per-label precision/recall/F1, macro-F1 (over labels with support or predictions) and the confusion matrix. */
export function computeMetrics(expected: readonly string[], predicted: readonly string[]): Metrics {
  const labels = [...new Set([...expected, ...predicted])].sort();
  const at = new Map(labels.map((l, i) => [l, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  let correct = 0;
  expected.forEach((e, i) => {
    confusion[at.get(e) ?? 0][at.get(predicted[i]) ?? 0]++;
    if (e === predicted[i]) correct++;
  });
  const perLabel = labels.map((label, i) => {
    const tp = confusion[i][i];
    const support = confusion[i].reduce((a, b) => a + b, 0);
    const predictedCount = confusion.reduce((a, row) => a + row[i], 0);
    const precision = predictedCount === 0 ? 0 : tp / predictedCount;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  const confused: ConfusedPair[] = [];
  labels.forEach((e, i) =>
    labels.forEach((p, j) => {
      if (i !== j && confusion[i][j] > 0) confused.push({ expected: e, predicted: p, count: confusion[i][j] });
    }),
  );
  confused.sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected));
  const macroF1 = perLabel.length === 0 ? 0 : perLabel.reduce((a, m) => a + m.f1, 0) / perLabel.length;
  return { accuracy: expected.length === 0 ? 0 : correct / expected.length, macroF1, n: expected.length, perLabel, confused, labels, confusion };
}

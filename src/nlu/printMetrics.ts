import type { Metrics } from './computeMetrics';

const r4 = (x: number) => Math.round(x * 10000) / 10000;

/**
 * Machine-readable lines on stdout (one JSON object per label and per confused pair), and the same
 * as a table on stderr for a person at a terminal.
 */
export function printMetrics(metrics: Metrics, out: NodeJS.WritableStream, err: NodeJS.WritableStream, topConfused = 10): void {
  err.write(`${'label'.padEnd(28)} precision  recall     f1  support\n`);
  for (const m of metrics.perLabel) {
    out.write(`${JSON.stringify({ label: m.label, precision: r4(m.precision), recall: r4(m.recall), f1: r4(m.f1), support: m.support })}\n`);
    err.write(
      `${m.label.padEnd(28)} ${pct(m.precision).padStart(9)} ${pct(m.recall).padStart(7)} ${pct(m.f1).padStart(6)} ${String(m.support).padStart(8)}\n`,
    );
  }
  err.write('most confused (expected -> predicted: count)\n');
  for (const c of metrics.confused.slice(0, topConfused)) {
    out.write(`${JSON.stringify({ confused: c })}\n`);
    err.write(`  ${c.expected} -> ${c.predicted}: ${c.count}\n`);
  }
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

export { r4 };

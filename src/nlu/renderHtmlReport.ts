import type { Metrics } from './computeMetrics';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * A self-contained page a person can read: headline figures, per-label metrics, and the confusion
 * matrix with cells shaded by their share of the row (the diagonal green, mistakes red).
 */
export interface ReportSection {
  title: string;
  header: string[];
  rows: (string | number)[][];
}

export function renderHtmlReport(title: string, metrics: Metrics, summary: Record<string, number | string>, sections: readonly ReportSection[] = []): string {
  const extra = sections
    .map(
      (sec) =>
        `<h2>${escape(sec.title)}</h2>\n<table><tr>${sec.header.map((h) => `<th>${escape(h)}</th>`).join('')}</tr>\n${sec.rows
          .map((r) => `<tr>${r.map((c) => `<td>${escape(String(c))}</td>`).join('')}</tr>`)
          .join('\n')}</table>`,
    )
    .join('\n');
  const head = metrics.labels.map((l) => `<th class="v"><span>${escape(l)}</span></th>`).join('');
  const rows = metrics.labels
    .map((label, i) => {
      const total = metrics.confusion[i].reduce((a, b) => a + b, 0) || 1;
      const cells = metrics.confusion[i]
        .map((n, j) => {
          const share = n / total;
          const colour = i === j ? `rgba(40,160,60,${share})` : `rgba(220,40,40,${Math.min(1, share * 3)})`;
          return `<td style="background:${n ? colour : 'transparent'}" title="${escape(label)} → ${escape(metrics.labels[j])}: ${n}">${n || ''}</td>`;
        })
        .join('');
      return `<tr><th>${escape(label)}</th>${cells}</tr>`;
    })
    .join('\n');
  const perLabel = metrics.perLabel
    .map((m) => `<tr><td>${escape(m.label)}</td><td>${pct(m.precision)}</td><td>${pct(m.recall)}</td><td>${pct(m.f1)}</td><td>${m.support}</td></tr>`)
    .join('\n');
  const confused = metrics.confused
    .slice(0, 20)
    .map((c) => `<tr><td>${escape(c.expected)}</td><td>${escape(c.predicted)}</td><td>${c.count}</td></tr>`)
    .join('\n');
  const facts = Object.entries(summary).map(([k, v]) => `<li><b>${escape(k)}</b>: ${escape(String(v))}</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>
body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{text-align:left;background:#f4f4f4}
th.v{height:9em;vertical-align:bottom;padding:0}th.v span{writing-mode:vertical-rl;transform:rotate(180deg);padding:4px}
.matrix td{min-width:1.6em;font-size:12px}
</style></head><body>
<h1>${escape(title)}</h1>
<ul>${facts}</ul>
${extra}
<h2>Per label</h2>
<table><tr><th>label</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>
${perLabel}</table>
<h2>Most confused (expected → predicted)</h2>
<table><tr><th>expected</th><th>predicted</th><th>count</th></tr>
${confused}</table>
<h2>Confusion matrix (rows: expected, columns: predicted)</h2>
<table class="matrix"><tr><th></th>${head}</tr>
${rows}</table>
</body></html>
`;
}

import type { GroupAccuracy } from './accuracyBy';
import type { Calibration } from './calibration';
import type { ReportSection } from './renderHtmlReport';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The reliability table as an HTML report section. */
export function reliabilitySection(c: Calibration): ReportSection {
  return {
    title: `Calibration: expected calibration error ${pct(c.ece)} (top score against accuracy)`,
    header: ['confidence bin', 'messages', 'mean confidence', 'accuracy'],
    rows: c.bins.filter((b) => b.n > 0).map((b) => [`${b.from.toFixed(1)}–${b.to.toFixed(1)}`, b.n, pct(b.confidence), pct(b.accuracy)]),
  };
}

/** Accuracy per group (script, kind of message) as an HTML report section. */
export function groupSection(title: string, groups: Record<string, GroupAccuracy>): ReportSection {
  return { title, header: ['group', 'messages', 'accuracy'], rows: Object.entries(groups).map(([g, a]) => [g, a.n, pct(a.accuracy)]) };
}

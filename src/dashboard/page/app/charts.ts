/**
 * Two small charts drawn as plain SVG (no chart library to ship or keep up to date): bars for a
 * count per day, a line for a rate per day. Each is one labelled image for screen readers; the same
 * numbers are in the table below it.
 */
const SVG = 'http://www.w3.org/2000/svg';
const W = 520;
const H = 180;
const PAD = { left: 36, right: 8, top: 10, bottom: 26 };

function node<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export interface Point {
  label: string;
  value: number;
}

function frame(title: string, points: Point[], max: number, format: (v: number) => string): { svg: SVGSVGElement; x: (i: number) => number; y: (v: number) => number; step: number } {
  const svg = node('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-label': `${title}: ${points.map((p) => `${p.label} ${format(p.value)}`).join(', ')}` });
  svg.append(node('title', {}, title));
  const step = (W - PAD.left - PAD.right) / Math.max(points.length, 1);
  const x = (i: number) => PAD.left + i * step;
  const y = (v: number) => H - PAD.bottom - (max > 0 ? (v / max) * (H - PAD.top - PAD.bottom) : 0);
  svg.append(node('line', { class: 'axis', x1: PAD.left, y1: H - PAD.bottom, x2: W - PAD.right, y2: H - PAD.bottom }));
  svg.append(node('text', { x: 2, y: PAD.top + 8 }, format(max)), node('text', { x: 2, y: H - PAD.bottom }, format(0)));
  const every = Math.ceil(points.length / 8);
  points.forEach((p, i) => {
    if (i % every === 0) svg.append(node('text', { x: x(i) + step / 2, y: H - 8, 'text-anchor': 'middle' }, p.label.slice(5)));
  });
  return { svg, x, y, step };
}

export function barChart(title: string, points: Point[]): SVGSVGElement {
  const max = Math.max(1, ...points.map((p) => p.value));
  const { svg, x, y, step } = frame(title, points, max, (v) => String(Math.round(v)));
  points.forEach((p, i) => svg.append(node('rect', { class: 'bar', x: x(i) + step * 0.15, y: y(p.value), width: step * 0.7, height: y(0) - y(p.value), rx: 2 })));
  return svg;
}

export function lineChart(title: string, points: Point[]): SVGSVGElement {
  const { svg, x, y, step } = frame(title, points, 1, (v) => `${Math.round(v * 100)}%`);
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i) + step / 2},${y(p.value)}`).join(' ');
  if (points.length > 0) svg.append(node('path', { class: 'line', d }));
  points.forEach((p, i) => svg.append(node('circle', { class: 'dot', cx: x(i) + step / 2, cy: y(p.value), r: 3 })));
  return svg;
}

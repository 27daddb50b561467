import type { BucketBars, MatrixData, WhaleData } from '../../../shared/charts/chartData';
import { bubbleRadius, drawnMargin, MARGIN_FLOOR } from '../../../shared/charts/chartData';
import { formatCompactMoney, formatMoney, formatPercent, niceStep } from '../../../shared/format';
import { BUCKETS } from '../../../shared/schemas/fields';
import { fieldLabel } from '../../../shared/catalogue';

/** Charts for the printed report as plain SVG: no script, the same colours as the dashboard (Okabe-Ito). */
const COLOURS = { blue: '#0072B2', sky: '#56B4E9', green: '#009E73', orange: '#E69F00', purple: '#CC79A7', vermillion: '#D55E00', ink: '#1d2430', muted: '#5b6575', line: '#d9dee6' };
const BUCKET_COLOURS = [COLOURS.blue, COLOURS.sky, COLOURS.green, COLOURS.orange, COLOURS.purple];
const SEGMENT_COLOURS: Record<string, string> = { Protect: COLOURS.green, Fix: COLOURS.orange, Develop: COLOURS.sky, Reassess: COLOURS.vermillion };

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const W = 680;
const H = 300;
const PAD = { l: 70, r: 20, t: 20, b: 44 };

function frame(body: string, xLabel: string, yLabel: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="DejaVu Sans, sans-serif" font-size="11">
<rect x="${PAD.l}" y="${PAD.t}" width="${W - PAD.l - PAD.r}" height="${H - PAD.t - PAD.b}" fill="none" stroke="${COLOURS.line}"/>
${body}
<text x="${(W + PAD.l) / 2}" y="${H - 8}" text-anchor="middle" fill="${COLOURS.ink}">${escapeXml(xLabel)}</text>
<text transform="translate(14 ${(H - PAD.b + PAD.t) / 2}) rotate(-90)" text-anchor="middle" fill="${COLOURS.ink}">${escapeXml(yLabel)}</text>
</svg>`;
}

export function whaleSvg(w: WhaleData): string {
  const maxY = Math.max(1.1, w.peak!.y * 1.12);
  const x = (v: number) => PAD.l + v * (W - PAD.l - PAD.r);
  const y = (v: number) => H - PAD.b - (v / maxY) * (H - PAD.t - PAD.b);
  const ticks = [0, 0.5, 1, 1.5, 2, 2.5, 3].filter((t) => t <= maxY);
  const body = [
    ...ticks.map((t) => `<line x1="${PAD.l}" x2="${W - PAD.r}" y1="${y(t)}" y2="${y(t)}" stroke="${COLOURS.line}"/><text x="${PAD.l - 6}" y="${y(t) + 4}" text-anchor="end" fill="${COLOURS.muted}">${formatPercent(t, 0)}</text>`),
    ...[0, 0.25, 0.5, 0.75, 1].map((t) => `<text x="${x(t)}" y="${H - PAD.b + 16}" text-anchor="middle" fill="${COLOURS.muted}">${formatPercent(t, 0)}</text>`),
    `<line x1="${PAD.l}" x2="${W - PAD.r}" y1="${y(1)}" y2="${y(1)}" stroke="${COLOURS.muted}" stroke-dasharray="6 4"/>`,
    `<polyline fill="none" stroke="${COLOURS.blue}" stroke-width="2" points="${w.points.map((p) => `${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join(' ')}"/>`,
    `<circle cx="${x(w.peak!.x)}" cy="${y(w.peak!.y)}" r="5" fill="${COLOURS.vermillion}"/>`,
    `<text x="${x(w.peak!.x) - 8}" y="${y(w.peak!.y) - 10}" text-anchor="end" font-weight="bold" fill="${COLOURS.ink}">Peak ${formatPercent(w.peak!.y, 0)} at ${formatPercent(w.peak!.x, 0)} of accounts</text>`,
  ].join('\n');
  return frame(body, 'Share of accounts, most profitable first', 'Cumulative share of profit');
}

export function matrixSvg(m: MatrixData, currency: string): string {
  const { points } = m;
  const lo = Math.log10(m.revenueMin);
  const hi = Math.log10(m.revenueMax);
  const minM = m.marginMin;
  const maxM = m.marginMax;
  const x = (v: number) => PAD.l + ((Math.log10(Math.max(v, 1)) - lo) / (hi - lo)) * (W - PAD.l - PAD.r);
  const y = (v: number) => H - PAD.b - ((v - minM) / (maxM - minM)) * (H - PAD.t - PAD.b);
  const xs = Math.min(Math.max(x(m.revenueSplit), PAD.l), W - PAD.r);
  const ys = y(m.marginSplit);
  const label = (t: string, lx: number, ly: number, anchor: string) => `<text x="${lx}" y="${ly}" text-anchor="${anchor}" font-weight="bold" font-size="13" fill="${COLOURS.muted}">${t}</text>`;
  const decades = [];
  for (let d = Math.ceil(lo); d <= Math.floor(hi); d++) decades.push(10 ** d);
  const body = [
    ...decades.map((v) => `<text x="${x(v)}" y="${H - PAD.b + 16}" text-anchor="middle" fill="${COLOURS.muted}">${formatMoney(v, currency)}</text>`),
    ...[MARGIN_FLOOR, -0.5, 0, 0.5].filter((t) => t > minM && t < maxM).map((t) => `<text x="${PAD.l - 6}" y="${y(t) + 4}" text-anchor="end" fill="${COLOURS.muted}">${formatPercent(t, 0)}</text>`),
    `<line x1="${xs}" x2="${xs}" y1="${PAD.t}" y2="${H - PAD.b}" stroke="${COLOURS.muted}" stroke-dasharray="6 4"/>`,
    `<line x1="${PAD.l}" x2="${W - PAD.r}" y1="${ys}" y2="${ys}" stroke="${COLOURS.muted}" stroke-dasharray="6 4"/>`,
    label('Develop', PAD.l + 6, PAD.t + 16, 'start'),
    label('Protect', W - PAD.r - 6, PAD.t + 16, 'end'),
    label('Reassess', PAD.l + 6, H - PAD.b - 8, 'start'),
    label('Fix', W - PAD.r - 6, H - PAD.b - 8, 'end'),
    ...points.map((p) => `<circle cx="${x(p.revenue).toFixed(1)}" cy="${y(drawnMargin(p.margin)).toFixed(1)}" r="${bubbleRadius(p.totalCost, m.maxCost).toFixed(1)}" fill="${SEGMENT_COLOURS[p.segment]}" fill-opacity="0.75" stroke="${SEGMENT_COLOURS[p.segment]}"><title>${escapeXml(p.account)}</title></circle>`),
    m.belowFloor ? `<text x="${W - PAD.r - 6}" y="${y(MARGIN_FLOOR) - 6}" text-anchor="end" fill="${COLOURS.muted}">▼ ${m.belowFloor} below ${formatPercent(MARGIN_FLOOR, 0)}, drawn on this edge</text>` : '',
  ].join('\n');
  return frame(body, 'Revenue (log scale)', 'Margin');
}

export function bucketsSvg(b: BucketBars, currency: string): string {
  const n = b.labels.length;
  const totals = b.labels.map((_, k) => BUCKETS.reduce((s, f) => s + b.buckets[f][k]!, 0));
  const highest = Math.max(1, ...totals, ...b.revenue);
  const step = niceStep(highest);
  const max = Math.ceil(highest / step) * step;
  const slot = (W - PAD.l - PAD.r) / Math.max(1, n);
  const y = (v: number) => H - PAD.b - (v / max) * (H - PAD.t - PAD.b);
  const bars = b.labels.flatMap((label, k) => {
    let base = 0;
    const x0 = PAD.l + k * slot + slot * 0.15;
    const width = slot * 0.7;
    const parts = BUCKETS.map((f, j) => {
      const v = b.buckets[f][k]!;
      const rect = `<rect x="${x0.toFixed(1)}" y="${y(base + v).toFixed(1)}" width="${width.toFixed(1)}" height="${(y(base) - y(base + v)).toFixed(1)}" fill="${BUCKET_COLOURS[j]}"/>`;
      base += v;
      return rect;
    });
    const rev = `<line x1="${(x0 - 3).toFixed(1)}" x2="${(x0 + width + 3).toFixed(1)}" y1="${y(b.revenue[k]!).toFixed(1)}" y2="${y(b.revenue[k]!).toFixed(1)}" stroke="${COLOURS.ink}" stroke-width="3"/>`;
    // Ending under its bar and running down to the left, a name stays on the page: run to the right, the last ones were cut.
    const name = `<text transform="translate(${(x0 + width / 2 + 3).toFixed(1)} ${H - PAD.b + 12}) rotate(-40)" text-anchor="end" font-size="9" fill="${COLOURS.muted}">${escapeXml(label.length > 16 ? `${label.slice(0, 15)}…` : label)}${b.overRevenue[k] ? ' ▲' : ''}</text>`;
    return [...parts, rev, name];
  });
  // Compact amounts ($250K): full ones ran under the axis title.
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, k) => k * step).map((v) => `<line x1="${PAD.l}" x2="${W - PAD.r}" y1="${y(v)}" y2="${y(v)}" stroke="${COLOURS.line}"/><text x="${PAD.l - 6}" y="${y(v) + 4}" text-anchor="end" fill="${COLOURS.muted}">${formatCompactMoney(v, currency)}</text>`);
  const legend = BUCKETS.map((b) => fieldLabel(b)).map((l, j) => `<rect x="${PAD.l + 10 + j * 110}" y="${PAD.t + 4}" width="10" height="10" fill="${BUCKET_COLOURS[j]}"/><text x="${PAD.l + 24 + j * 110}" y="${PAD.t + 13}" fill="${COLOURS.ink}">${l}</text>`);
  return frame([...ticks, ...bars, ...legend].join('\n'), '', 'Cost, with revenue marked (—)').replace(`viewBox="0 0 ${W} ${H}"`, `viewBox="0 0 ${W} ${H + 40}"`).replace(`height="${H}"`, `height="${H + 40}"`);
}

import { describe, expect, it } from 'vitest';
import { toColumns } from '../../../shared/engine/columns';
import { computeColumns } from '../../../shared/engine/sheet';
import { DEFAULT_ASSUMPTIONS } from '../../../shared/schemas/assumptions';
import { SheetRow } from '../../../shared/schemas/row';
import {
  bubbleRadius,
  bucketBars,
  drawnMargin,
  drawnNote,
  drawnSample,
  DRAWN_POINTS,
  MARGIN_FLOOR,
  filteredResult,
  interactionPoints,
  matrixData,
  paretoData,
  roiRanking,
  whaleData,
} from '../../../shared/charts/chartData';
import { TILES, formatTile, tileChange } from '../../../renderer/src/features/dashboard/tiles';

const row = (account: string, revenue: number, service: number, extra: Record<string, unknown> = {}) =>
  SheetRow.parse({ account, revenue, service, ...extra });

/** Profits 500, 300, 100, -200 (Delta loses money), owners Ann and Bob. */
const sheet = () =>
  computeColumns(
    toColumns([
      row('Alpha', 1000, 500, { owner: 'Ann', meetings: 2 }),
      row('Beta', 600, 300, { owner: 'Bob', calls: 4 }),
      row('Gamma', 200, 100, { owner: 'Ann' }),
      row('Delta', 300, 500, { owner: 'Bob' }),
    ]),
    DEFAULT_ASSUMPTIONS,
  );

describe('chart data, from the engine result', () => {
  it('whale: starts at 0, ends at 100%, and marks the peak exactly', () => {
    const w = whaleData(sheet())!;
    expect(w.points[0]).toEqual({ x: 0, y: 0 });
    // total profit 700: 500/700, 800/700, 900/700, 700/700
    expect(w.points.map((p) => p.y)).toEqual([0, 500 / 700, 800 / 700, 900 / 700, 1]);
    expect(w.peak).toEqual({ x: 0.75, y: 900 / 700 });
  });

  it('whale: none when the portfolio makes no profit', () => {
    const r = computeColumns(toColumns([row('Loss', 100, 300)]), DEFAULT_ASSUMPTIONS);
    expect(whaleData(r)).toBeNull();
  });

  it('whale: thins a large curve to a few hundred points and keeps the peak', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => row(`A${i}`, 1000, i < 4000 ? 100 : 1400));
    const w = whaleData(computeColumns(toColumns(rows), DEFAULT_ASSUMPTIONS))!;
    expect(w.points.length).toBeLessThan(450);
    expect(w.points.some((p) => p.x === w.peak!.x && p.y === w.peak!.y)).toBe(true);
    expect(w.peak!.x).toBe(0.8);
    expect(w.points[w.points.length - 1]!.x).toBe(1);
  });

  it('buckets: the costliest accounts first, who costs more than it brings, and the rest summed off the chart', () => {
    const b = bucketBars(sheet(), 2);
    expect(b.labels).toEqual(['Alpha', 'Delta']);
    expect(b.buckets.service).toEqual([500, 500]);
    expect(b.revenue).toEqual([1000, 300]);
    expect(b.overRevenue).toEqual([false, true]);
    expect(b.others).toEqual({ count: 2, buckets: { presale: 0, production: 0, distribution: 0, service: 400, labour: 0 }, revenue: 800 });
    expect(bucketBars(sheet(), 4).others).toBeNull();
  });

  it('matrix: revenue, margin and cost per account, with the splits and the bubble sizes', () => {
    const m = matrixData(sheet());
    expect(m.points.map((p) => [p.account, p.margin, p.segment])).toEqual([
      ['Alpha', 0.5, 'Protect'],
      ['Beta', 0.5, 'Protect'],
      ['Gamma', 0.5, 'Develop'],
      ['Delta', -200 / 300, 'Reassess'],
    ]);
    expect(m.revenueSplit).toBe(450);
    expect(m.marginSplit).toBeCloseTo(700 / 2100, 12);
    expect(bubbleRadius(m.maxCost, m.maxCost)).toBe(18);
    expect(bubbleRadius(0, m.maxCost)).toBe(3);
  });

  it('matrix: one outlier does not stretch the margin axis; it is counted and drawn on the edge', () => {
    const r = computeColumns(toColumns([row('Fine', 1000, 400), row('Thin', 500, 450), row('Sink', 10, 340)]), DEFAULT_ASSUMPTIONS);
    const m = matrixData(r);
    expect(m.rows).toHaveLength(3);
    expect(m.belowFloor).toBe(1); // Sink's margin is -3,300%
    expect(m.marginMin).toBe(-1.1);
    expect(m.marginMax).toBe(0.7); // the highest margin is 60%: the axis ends on a tenth
    expect(drawnMargin(r.metrics.margin[2]!)).toBe(MARGIN_FLOOR);
  });

  it('scatters beyond DRAWN_POINTS draw a sample: the costliest quarter and an even spread, every table row kept', () => {
    const n = DRAWN_POINTS * 3;
    const r = computeColumns(toColumns(Array.from({ length: n }, (_, i) => row(`A${i}`, 1000 + i, (i * 7919) % 900))), DEFAULT_ASSUMPTIONS);
    const m = matrixData(r);
    expect(m.rows).toHaveLength(n);
    expect(m.points).toHaveLength(DRAWN_POINTS);
    expect(new Set(m.points.map((p) => p.account)).size).toBe(DRAWN_POINTS);
    const costliest = Array.from({ length: n }, (_, i) => i).sort((i, j) => r.metrics.totalCost[j]! - r.metrics.totalCost[i]!).slice(0, DRAWN_POINTS / 4);
    const drawn = new Set(m.points.map((p) => p.account));
    expect(costliest.every((i) => drawn.has(`A${i}`))).toBe(true);
    expect(m.points.some((p) => p.account === 'A0') || m.points.some((p) => p.account === 'A1')).toBe(true);
    expect(drawnNote(m.points.length, m.rows.length)).toBe(' 3,000 of 9,000 accounts are drawn: the 750 costliest and an even sample of the others.');
    expect(drawnNote(3, 3)).toBe('');
    const i = interactionPoints(r);
    expect([i.points.length, i.count]).toEqual([DRAWN_POINTS, n]);
    expect(drawnSample([4, 5, 6], () => 0)).toEqual([4, 5, 6]);
  });

  it('pareto: profit and count per class', () => {
    expect(paretoData(sheet())).toEqual([
      { paretoClass: 'A', count: 2, profit: 800 },
      { paretoClass: 'B', count: 1, profit: 100 },
      { paretoClass: 'C', count: 0, profit: 0 },
      { paretoClass: 'D', count: 1, profit: -200 },
    ]);
  });

  it('roi ranking: best first, worst last, no account twice', () => {
    const { top, bottom } = roiRanking(sheet(), 2);
    expect(top.map((e) => e.account)).toEqual(['Alpha', 'Beta']);
    expect(bottom.map((e) => e.account)).toEqual(['Delta', 'Gamma']);
    const three = roiRanking(sheet(), 3);
    expect(new Set([...three.top, ...three.bottom].map((e) => e.account)).size).toBe(4);
  });

  it('interaction cost against revenue', () => {
    expect(interactionPoints(sheet()).points.map((p) => [p.account, p.interactionCost])).toEqual([
      ['Alpha', 400],
      ['Beta', 200],
      ['Gamma', 0],
      ['Delta', 0],
    ]);
  });

  it('filters by owner and by segment recompute the portfolio of what is left', () => {
    const base = sheet();
    const ann = filteredResult(base, { owner: 'Ann', segment: null }, DEFAULT_ASSUMPTIONS);
    expect(ann.columns.account).toEqual(['Alpha', 'Gamma']);
    expect(ann.figures.profit).toBe(600);
    const protect = filteredResult(base, { owner: null, segment: 'Protect' }, DEFAULT_ASSUMPTIONS);
    expect(protect.columns.account).toEqual(['Alpha', 'Beta']);
    expect(filteredResult(base, { owner: 'Nobody', segment: null }, DEFAULT_ASSUMPTIONS).columns.n).toBe(0);
    expect(filteredResult(base, { owner: null, segment: null }, DEFAULT_ASSUMPTIONS)).toBe(base);
  });
});

describe('KPI tiles', () => {
  const tile = (key: string) => TILES.find((t) => t.key === key)!;

  it('every tile says in one sentence what it means', () => {
    for (const t of TILES) expect(t.explain).toMatch(/^[A-Z].+\.$/);
    expect(TILES.map((t) => t.key)).toEqual(expect.arrayContaining(['revenue', 'totalCost', 'profit', 'roi', 'margin', 'interactionCost', 'lossMakers', 'profitGivenBack', 'churnRate', 'nps', 'csat', 'upsell', 'crossSell', 'referralRate']));
  });

  it('formats in the workbook currency and shows the change against the previous period', () => {
    expect(formatTile(tile('profit'), -1234, 'EUR')).toBe('-€1,234');
    expect(formatTile(tile('churnRate'), 0.1, 'EUR')).toBe('10.0%');
    expect(tileChange(tile('profit'), 1500, 1000, 'USD')).toEqual({ text: '+$500', tone: 'good' });
    expect(tileChange(tile('totalCost'), 1500, 1000, 'USD')).toEqual({ text: '+$500', tone: 'bad' });
    expect(tileChange(tile('churnRate'), 0.05, 0.1, 'USD')).toEqual({ text: '−5.0 pts', tone: 'good' });
    expect(tileChange(tile('nps'), 10, 10, 'USD')).toEqual({ text: 'no change', tone: 'flat' });
    expect(tileChange(tile('nps'), null, 10, 'USD')).toBeNull();
  });
});

import { selectRows, type SheetColumns } from '../engine/columns';
import { computeColumns, type SheetResult } from '../engine/sheet';
import type { Assumptions } from '../schemas/assumptions';
import { formatNumber } from '../format';
import { BUCKETS, PARETO_CLASSES, SEGMENTS, type Bucket, type SegmentName } from '../schemas/fields';

/**
 * What the dashboard draws, computed from the engine's result and nothing
 * else, so an edit in the sheet moves every chart without a reload. Pure:
 * the chart components only turn these into Chart.js configs.
 */

export interface DashboardFilter {
  owner: string | null;
  segment: SegmentName | null;
  /** One value of one of the workbook's dimensions (region = EMEA); absent or null for every account. */
  dimension?: { name: string; value: string } | null;
}

/** The period narrowed to an owner, a segment (today's segments) and a dimension's value, recomputed as a portfolio of its own. */
export function filteredResult(base: SheetResult, filter: DashboardFilter, a: Assumptions): SheetResult {
  const dim = filter.dimension ?? null;
  if (filter.owner === null && filter.segment === null && dim === null) return base;
  const c: SheetColumns = base.columns;
  const ownerId = filter.owner === null ? -2 : c.owners.indexOf(filter.owner);
  const seg = filter.segment === null ? -1 : SEGMENTS.indexOf(filter.segment);
  // A dimension the period lacks, or a value none of its accounts has, keeps no account (-2 matches no id).
  const d = dim === null ? null : c.dimensions.find((x) => x.name === dim.name);
  const valueId = dim === null ? null : (d?.values.indexOf(dim.value) ?? -2);
  const ids = d?.ids ?? null;
  const kept = selectRows(c, (i) => (ownerId === -2 || c.ownerIds[i] === ownerId) && (seg < 0 || base.segment[i] === seg) && (valueId === null || (ids !== null && valueId >= 0 && ids[i] === valueId)));
  return computeColumns(kept, a);
}

export interface WhaleData {
  /** Cumulative share of profit at each share of accounts, from (0, 0). */
  points: { x: number; y: number }[];
  peak: { x: number; y: number } | null;
}

/** DOMAIN.md `whaleCurve`, null when total profit <= 0 (shares of a loss mislead). */
export function whaleData(r: SheetResult): WhaleData | null {
  if (r.whale === null) return null;
  const n = r.columns.n;
  // At most ~400 points are drawn; the peak is kept exactly.
  const step = Math.max(1, Math.floor(n / 400));
  const points = [{ x: 0, y: 0 }];
  let peak = { x: 0, y: -Infinity };
  for (let k = 0; k < n; k++) {
    const y = r.whale[k]!;
    const x = (k + 1) / n;
    if (y > peak.y) peak = { x, y };
    if (k % step === 0 || k === n - 1) points.push({ x, y });
  }
  if (!points.some((p) => p.x === peak.x)) points.push(peak);
  points.sort((p, q) => p.x - q.x);
  return { points, peak };
}

export interface BucketBars {
  labels: string[];
  /** One series per bucket, aligned with labels. */
  buckets: Record<Bucket, number[]>;
  revenue: number[];
  /** Accounts whose costs pass their revenue, by label index. */
  overRevenue: boolean[];
  /** Every other account summed: kept off the chart, where one bar of 99,985 accounts would flatten the named ones. */
  others: { count: number; buckets: Record<Bucket, number>; revenue: number } | null;
}

/** The five buckets of the largest `top` accounts by total cost, and all others summed apart. */
export function bucketBars(r: SheetResult, top = 15): BucketBars {
  const n = r.columns.n;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => r.metrics.totalCost[j]! - r.metrics.totalCost[i]!);
  const shown = order.slice(0, top);
  const buckets = Object.fromEntries(BUCKETS.map((b) => [b, shown.map((i) => r.columns[b][i]!)])) as Record<Bucket, number[]>;
  const labels = shown.map((i) => r.columns.account[i]!);
  const revenue = shown.map((i) => r.columns.revenue[i]!);
  const overRevenue = labels.map((_, k) => BUCKETS.reduce((s, b) => s + buckets[b][k]!, 0) > revenue[k]!);
  let others: BucketBars['others'] = null;
  if (n > top) {
    const rest = order.slice(top);
    const sum = (col: ArrayLike<number>) => rest.reduce((s, i) => s + col[i]!, 0);
    others = { count: rest.length, buckets: Object.fromEntries(BUCKETS.map((b) => [b, sum(r.columns[b])])) as Record<Bucket, number>, revenue: sum(r.columns.revenue) };
  }
  return { labels, buckets, revenue, overRevenue, others };
}

/** A scatter draws at most this many accounts; beyond, a sample it names (a canvas shows no more, and the window stays quick). */
export const DRAWN_POINTS = 3000;

/**
 * The accounts a scatter draws, in their order: all of them up to `limit`;
 * beyond, the quarter of the limit that weighs most (the costliest, which a
 * director looks for) and an even spread of the others.
 */
export function drawnSample(candidates: number[], weight: (i: number) => number, limit = DRAWN_POINTS): number[] {
  if (candidates.length <= limit) return candidates;
  const heavy = Math.floor(limit / 4);
  const kept = new Set([...candidates].sort((i, j) => weight(j) - weight(i)).slice(0, heavy));
  const rest = candidates.filter((i) => !kept.has(i));
  const spread = limit - heavy;
  for (let k = 0; k < spread; k++) kept.add(rest[Math.floor((k * rest.length) / spread)]!);
  return [...kept].sort((i, j) => i - j);
}

/** What a sampled scatter says under it; nothing when every account is drawn. */
export function drawnNote(drawn: number, of: number): string {
  return drawn < of ? ` ${formatNumber(drawn)} of ${formatNumber(of)} accounts are drawn: the ${formatNumber(Math.floor(DRAWN_POINTS / 4))} costliest and an even sample of the others.` : '';
}

export interface MatrixPoint {
  account: string;
  revenue: number;
  margin: number;
  totalCost: number;
  segment: SegmentName;
}

/** The lowest margin the matrix shows: an account below it is drawn on that edge and marked, so one outlier cannot squash three quadrants into a strip. */
export const MARGIN_FLOOR = -1;

export interface MatrixData {
  /** The accounts drawn (a sample beyond DRAWN_POINTS). */
  points: MatrixPoint[];
  /** Every account with a margin, by its index in the result: the table lists them all. */
  rows: number[];
  revenueSplit: number;
  marginSplit: number;
  maxCost: number;
  /** The revenue axis (log scale) and the margin axis, the margin never below MARGIN_FLOOR. */
  revenueMin: number;
  revenueMax: number;
  marginMin: number;
  marginMax: number;
  /** How many accounts have a margin below MARGIN_FLOOR. */
  belowFloor: number;
}

/** The profitability matrix: revenue against margin with the splits; accounts without revenue have no margin to plot. */
export function matrixData(r: SheetResult, limit = DRAWN_POINTS): MatrixData {
  const rows: number[] = [];
  let maxCost = 0;
  let lowRevenue = Infinity;
  let highRevenue = 0;
  let lowMargin = -0.2;
  let highMargin = 0.6;
  let belowFloor = 0;
  for (let i = 0; i < r.columns.n; i++) {
    const margin = r.metrics.margin[i]!;
    if (Number.isNaN(margin)) continue;
    rows.push(i);
    maxCost = Math.max(maxCost, r.metrics.totalCost[i]!);
    const revenue = r.columns.revenue[i]!;
    if (revenue > 0) lowRevenue = Math.min(lowRevenue, revenue);
    highRevenue = Math.max(highRevenue, revenue);
    lowMargin = Math.min(lowMargin, margin);
    highMargin = Math.max(highMargin, margin);
    if (margin < MARGIN_FLOOR) belowFloor++;
  }
  const points = drawnSample(rows, (i) => r.metrics.totalCost[i]!, limit).map((i) => ({
    account: r.columns.account[i]!,
    revenue: r.columns.revenue[i]!,
    margin: r.metrics.margin[i]!,
    totalCost: r.metrics.totalCost[i]!,
    segment: SEGMENTS[r.segment[i]!]!,
  }));
  return {
    points,
    rows,
    revenueSplit: r.figures.revenueSplit,
    marginSplit: r.figures.marginSplit,
    maxCost,
    revenueMin: Math.max(1, (Number.isFinite(lowRevenue) ? lowRevenue : 1) / 1.5),
    revenueMax: Math.max(1, highRevenue) * 1.5,
    // On a tenth, so the axis ends on a tick of its own (60% and 65% collided).
    marginMin: Math.floor((Math.max(MARGIN_FLOOR, lowMargin) - 0.05) * 10) / 10,
    marginMax: Math.ceil((highMargin + 0.05) * 10) / 10,
    belowFloor,
  };
}

/** Where a margin is drawn: on the floor's edge when it lies below. */
export const drawnMargin = (margin: number) => Math.max(MARGIN_FLOOR, margin);

/** Point radius by total cost: area proportional, 3 to 18 pixels. */
export function bubbleRadius(totalCost: number, maxCost: number): number {
  return maxCost > 0 ? 3 + 15 * Math.sqrt(Math.max(0, totalCost) / maxCost) : 3;
}

export interface ParetoBar {
  paretoClass: string;
  count: number;
  profit: number;
}

/** Profit and count per Pareto class A-D. */
export function paretoData(r: SheetResult): ParetoBar[] {
  const bars = PARETO_CLASSES.map((c) => ({ paretoClass: c, count: 0, profit: 0 }));
  for (let i = 0; i < r.columns.n; i++) {
    const bar = bars[r.paretoClass[i]!]!;
    bar.count++;
    bar.profit += r.metrics.profit[i]!;
  }
  return bars;
}

export interface RoiEntry {
  account: string;
  roi: number;
}

/** The `k` best and worst ROI; accounts without cost have no ROI and are left out. */
export function roiRanking(r: SheetResult, k = 10): { top: RoiEntry[]; bottom: RoiEntry[] } {
  const all: RoiEntry[] = [];
  for (let i = 0; i < r.columns.n; i++) {
    const roi = r.metrics.roi[i]!;
    if (!Number.isNaN(roi)) all.push({ account: r.columns.account[i]!, roi });
  }
  all.sort((p, q) => q.roi - p.roi || p.account.localeCompare(q.account));
  const top = all.slice(0, k);
  const bottom = all.slice(Math.max(k, all.length - k)).reverse();
  return { top, bottom };
}

export interface InteractionPoint {
  account: string;
  revenue: number;
  interactionCost: number;
}

/** Interaction cost against revenue: the accounts drawn (a sample beyond DRAWN_POINTS, the costliest in rep time kept) out of `count`. */
export function interactionPoints(r: SheetResult, limit = DRAWN_POINTS): { points: InteractionPoint[]; count: number } {
  const all = Array.from({ length: r.columns.n }, (_, i) => i);
  const points = drawnSample(all, (i) => r.metrics.interactionCost[i]!, limit).map((i) => ({
    account: r.columns.account[i]!,
    revenue: r.columns.revenue[i]!,
    interactionCost: r.metrics.interactionCost[i]!,
  }));
  return { points, count: r.columns.n };
}

import { selectRows, type SheetColumns } from '../engine/columns';
import { computeColumns, type SheetResult } from '../engine/sheet';
import type { Assumptions } from '../schemas/assumptions';
import { BUCKETS, PARETO_CLASSES, SEGMENTS, type Bucket, type SegmentName } from '../schemas/fields';

/**
 * What the dashboard draws, computed from the engine's result and nothing
 * else, so an edit in the sheet moves every chart without a reload. Pure:
 * the chart components only turn these into Chart.js configs.
 */

export interface DashboardFilter {
  owner: string | null;
  segment: SegmentName | null;
}

/** The period narrowed to an owner and a segment (today's segments), recomputed as a portfolio of its own. */
export function filteredResult(base: SheetResult, filter: DashboardFilter, a: Assumptions): SheetResult {
  if (filter.owner === null && filter.segment === null) return base;
  const c: SheetColumns = base.columns;
  const ownerId = filter.owner === null ? -2 : c.owners.indexOf(filter.owner);
  const seg = filter.segment === null ? -1 : SEGMENTS.indexOf(filter.segment);
  const kept = selectRows(c, (i) => (ownerId === -2 || c.ownerIds[i] === ownerId) && (seg < 0 || base.segment[i] === seg));
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
}

/** The five buckets of the largest `top` accounts by total cost, and all others summed. */
export function bucketBars(r: SheetResult, top = 15): BucketBars {
  const n = r.columns.n;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => r.metrics.totalCost[j]! - r.metrics.totalCost[i]!);
  const shown = order.slice(0, top);
  const rest = order.slice(top);
  const buckets = Object.fromEntries(BUCKETS.map((b) => [b, shown.map((i) => r.columns[b][i]!)])) as Record<Bucket, number[]>;
  const labels = shown.map((i) => r.columns.account[i]!);
  const revenue = shown.map((i) => r.columns.revenue[i]!);
  if (rest.length > 0) {
    labels.push(`All others (${rest.length})`);
    for (const b of BUCKETS) buckets[b].push(rest.reduce((s, i) => s + r.columns[b][i]!, 0));
    revenue.push(rest.reduce((s, i) => s + r.columns.revenue[i]!, 0));
  }
  const overRevenue = labels.map((_, k) => BUCKETS.reduce((s, b) => s + buckets[b][k]!, 0) > revenue[k]!);
  return { labels, buckets, revenue, overRevenue };
}

export interface MatrixPoint {
  account: string;
  revenue: number;
  margin: number;
  totalCost: number;
  segment: SegmentName;
}

/** The profitability matrix: revenue against margin with the splits; accounts without revenue have no margin to plot. */
export function matrixData(r: SheetResult): { points: MatrixPoint[]; revenueSplit: number; marginSplit: number; maxCost: number } {
  const points: MatrixPoint[] = [];
  let maxCost = 0;
  for (let i = 0; i < r.columns.n; i++) {
    const margin = r.metrics.margin[i]!;
    if (Number.isNaN(margin)) continue;
    const totalCost = r.metrics.totalCost[i]!;
    maxCost = Math.max(maxCost, totalCost);
    points.push({ account: r.columns.account[i]!, revenue: r.columns.revenue[i]!, margin, totalCost, segment: SEGMENTS[r.segment[i]!]! });
  }
  return { points, revenueSplit: r.figures.revenueSplit, marginSplit: r.figures.marginSplit, maxCost };
}

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

/** Interaction cost against revenue, per account. */
export function interactionPoints(r: SheetResult): { account: string; revenue: number; interactionCost: number }[] {
  const out = [];
  for (let i = 0; i < r.columns.n; i++) {
    out.push({ account: r.columns.account[i]!, revenue: r.columns.revenue[i]!, interactionCost: r.metrics.interactionCost[i]! });
  }
  return out;
}

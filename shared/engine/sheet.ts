import type { Assumptions } from '../schemas/assumptions';
import { NPS_CATEGORIES, PARETO_CLASSES, SEGMENTS } from '../schemas/fields';
import type { AccountResult, OwnerSummary, Portfolio, SegmentSummary } from '../schemas/report';
import type { SheetRow } from '../schemas/row';
import type { PortfolioFigures } from '../schemas/trends';
import { rowAt, toColumns, type SheetColumns } from './columns';
import { computeAccountMetrics, type AccountMetrics } from './metrics';
import { ownerSummaries, portfolioFigures, segmentSummaries, sum } from './portfolio';
import { matrixSplits, segmentAccounts } from './segmentation';
import { paretoClasses, profitOrder, whaleCurve } from './whale';

/** Everything the engine knows about one period, still column-oriented. */
export interface SheetResult {
  readonly columns: SheetColumns;
  readonly metrics: AccountMetrics;
  /** Index into SEGMENTS per account. */
  readonly segment: Uint8Array;
  /** Index into PARETO_CLASSES per account. */
  readonly paretoClass: Uint8Array;
  /** Account indices by profit, highest first. */
  readonly order: Uint32Array;
  /** y of each whale-curve point in `order`; null when total profit <= 0. */
  readonly whale: Float64Array | null;
  readonly figures: PortfolioFigures;
  readonly bySegment: SegmentSummary[];
  readonly byOwner: OwnerSummary[];
}

/**
 * DOMAIN.md, all of "Per-account metrics", "Segmentation" and "Portfolio
 * metrics" for one period, from its columns. The whole period is recomputed
 * every call: at 100,000 accounts this stays in milliseconds.
 */
export function computeColumns(columns: SheetColumns, a: Assumptions): SheetResult {
  const metrics = computeAccountMetrics(columns, a);
  const totalRevenue = sum(columns.revenue);
  const totalProfit = totalRevenue - sum(metrics.totalCost);
  const splits = matrixSplits(columns, totalRevenue, totalProfit, a);
  const segment = segmentAccounts(columns, metrics.margin, splits);
  const order = profitOrder(metrics.profit, columns.account, columns.accountKey);
  const whale = whaleCurve(metrics.profit, order, totalProfit);
  const figures = portfolioFigures(columns, metrics, splits, whale);
  return {
    columns,
    metrics,
    segment,
    paretoClass: paretoClasses(metrics.profit, order),
    order,
    whale,
    figures,
    bySegment: segmentSummaries(columns, metrics, segment, figures.profit),
    byOwner: ownerSummaries(columns, metrics, figures.profit),
  };
}

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** One account's inputs and metrics as DOMAIN.md names them. */
export function accountResult(r: SheetResult, i: number): AccountResult {
  const m = r.metrics;
  const cat = m.npsCategory[i]!;
  return {
    ...rowAt(r.columns, i),
    totalCost: m.totalCost[i]!,
    profit: m.profit[i]!,
    margin: orNull(m.margin[i]!),
    roi: orNull(m.roi[i]!),
    costToRevenue: orNull(m.costToRevenue[i]!),
    costToServe: m.costToServe[i]!,
    interactionCost: m.interactionCost[i]!,
    revenuePerInteraction: orNull(m.revenuePerInteraction[i]!),
    clv: m.clv[i]!,
    lifetimeProfit: orNull(m.lifetimeProfit[i]!),
    valueMultiple: orNull(m.valueMultiple[i]!),
    expansionShare: orNull(m.expansionShare[i]!),
    npsCategory: cat < 0 ? null : NPS_CATEGORIES[cat]!,
    segment: SEGMENTS[r.segment[i]!]!,
    paretoClass: PARETO_CLASSES[r.paretoClass[i]!]!,
  };
}

export function accountResults(r: SheetResult): AccountResult[] {
  const out = new Array<AccountResult>(r.columns.n);
  for (let i = 0; i < r.columns.n; i++) out[i] = accountResult(r, i);
  return out;
}

/** The portfolio as DOMAIN.md names it, the whale curve as points {x, y}. */
export function toPortfolio(r: SheetResult): Portfolio {
  const n = r.columns.n;
  const whaleCurve = r.whale === null ? null : Array.from(r.whale, (y, k) => ({ x: (k + 1) / n, y }));
  return { ...r.figures, whaleCurve, bySegment: r.bySegment, byOwner: r.byOwner };
}

/** DOMAIN.md in one call: `computeSheet(rows, assumptions) -> { accounts, portfolio }`. */
export function computeSheet(rows: readonly SheetRow[], a: Assumptions): { accounts: AccountResult[]; portfolio: Portfolio } {
  const r = computeColumns(toColumns(rows), a);
  return { accounts: accountResults(r), portfolio: toPortfolio(r) };
}

import type { Assumptions } from '../schemas/assumptions';
import { NPS_CATEGORIES, PARETO_CLASSES, SEGMENTS } from '../schemas/fields';
import { Portfolio as PortfolioSchema, type AccountResult, type Portfolio } from '../schemas/report';
import type { SheetRow } from '../schemas/row';
import { rowAt, toColumns } from './columns';
import { computeColumns, type SheetResult } from './sheet';

/** A computed period as DOMAIN.md names it: the accounts' inputs and metrics as objects, the portfolio with its whale curve as points. */

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** One account's inputs and metrics as DOMAIN.md names them. */
export function accountResult(r: SheetResult, i: number): AccountResult {
  const m = r.metrics;
  const cat = m.npsCategory[i]!;
  // The metrics added to the row's own object rather than a copy of it: at 100,000 accounts the copy was a third of building the report.
  return Object.assign(rowAt(r.columns, i), {
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
    segment: SEGMENTS[r.segmentAt(i)]!,
    paretoClass: PARETO_CLASSES[r.paretoClassAt(i)]!,
  });
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
  const all: Record<string, unknown> = { ...r.figures, whaleCurve, bySegment: r.bySegment, byOwner: r.byOwner };
  // In the contract's order, as a parse would have put it: the JSON reads the same with or without one.
  return Object.fromEntries(PORTFOLIO_KEYS.map((k) => [k, all[k]])) as Portfolio;
}

const PORTFOLIO_KEYS = Object.keys(PortfolioSchema.shape);

/** DOMAIN.md in one call: `computeSheet(rows, assumptions) -> { accounts, portfolio }`. */
export function computeSheet(rows: readonly SheetRow[], a: Assumptions): { accounts: AccountResult[]; portfolio: Portfolio } {
  const r = computeColumns(toColumns(rows), a);
  return { accounts: accountResults(r), portfolio: toPortfolio(r) };
}

import type { Assumptions } from '../schemas/assumptions';
import { NPS_CATEGORIES, PARETO_CLASSES, SEGMENTS } from '../schemas/fields';
import { Portfolio as PortfolioSchema, type AccountResult, type Portfolio } from '../schemas/report';
import type { SheetRow } from '../schemas/row';
import { ROW_CELLS, toColumns } from './columns';
import { dimensionValueAt } from '../schemas/dimensions';
import type { AccountMetrics } from './metrics';
import { computeColumns, type SheetResult } from './sheet';

/** A computed period as DOMAIN.md names it: the accounts' inputs and metrics as objects, the portfolio with its whale curve as points. */

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** A computed cell of an account: its key in the contract and how it is read from the result. */
export type ResultCell = readonly [key: string, read: (r: SheetResult, i: number) => string | number | null | Readonly<Record<string, string | null>>];

type FloatMetric = { [K in keyof AccountMetrics]: AccountMetrics[K] extends Float64Array ? K : never }[keyof AccountMetrics];
const metric = (k: FloatMetric, nullable: boolean): ResultCell[1] => (nullable ? (r, i) => orNull(r.metrics[k][i]!) : (r, i) => r.metrics[k][i]!);

/** An account's inputs then its metrics, in the contract's order: what accountResult builds and the streamed report writes. */
export const ACCOUNT_CELLS: readonly ResultCell[] = [
  ...ROW_CELLS.map(([key, read]): ResultCell => [key, (r, i) => read(r.columns, i)]),
  ['dimensions', (r, i) => Object.fromEntries(r.columns.dimensions.map((d) => [d.name, dimensionValueAt(d, i)]))],
  ['totalCost', metric('totalCost', false)],
  ['profit', metric('profit', false)],
  ['margin', metric('margin', true)],
  ['roi', metric('roi', true)],
  ['costToRevenue', metric('costToRevenue', true)],
  ['costToServe', metric('costToServe', false)],
  ['interactionCost', metric('interactionCost', false)],
  ['revenuePerInteraction', metric('revenuePerInteraction', true)],
  ['clv', metric('clv', false)],
  ['lifetimeProfit', metric('lifetimeProfit', true)],
  ['valueMultiple', metric('valueMultiple', true)],
  ['expansionShare', metric('expansionShare', true)],
  ['npsCategory', (r, i) => (r.metrics.npsCategory[i]! < 0 ? null : NPS_CATEGORIES[r.metrics.npsCategory[i]!]!)],
  ['segment', (r, i) => SEGMENTS[r.segmentAt(i)]!],
  ['paretoClass', (r, i) => PARETO_CLASSES[r.paretoClassAt(i)]!],
];

/** One account's inputs and metrics as DOMAIN.md names them. */
export function accountResult(r: SheetResult, i: number): AccountResult {
  const out: Record<string, unknown> = {};
  for (const [key, read] of ACCOUNT_CELLS) out[key] = read(r, i);
  return out as AccountResult;
}

export function accountResults(r: SheetResult): AccountResult[] {
  const out = new Array<AccountResult>(r.columns.n);
  for (let i = 0; i < r.columns.n; i++) out[i] = accountResult(r, i);
  return out;
}

/** The portfolio as DOMAIN.md names it, the whale curve as points {x, y}. */
export function toPortfolio(r: SheetResult, whaleCurve: Portfolio['whaleCurve'] = whalePoints(r)): Portfolio {
  const all: Record<string, unknown> = { ...r.figures, whaleCurve, bySegment: r.bySegment, byOwner: r.byOwner, byDimension: r.byDimension };
  // In the contract's order, as a parse would have put it: the JSON reads the same with or without one.
  return Object.fromEntries(PORTFOLIO_KEYS.map((k) => [k, all[k]])) as Portfolio;
}

function whalePoints(r: SheetResult): Portfolio['whaleCurve'] {
  const n = r.columns.n;
  return r.whale === null ? null : Array.from(r.whale, (y, k) => ({ x: (k + 1) / n, y }));
}

const PORTFOLIO_KEYS = Object.keys(PortfolioSchema.shape);

/** DOMAIN.md in one call: `computeSheet(rows, assumptions) -> { accounts, portfolio }`. */
export function computeSheet(rows: readonly SheetRow[], a: Assumptions): { accounts: AccountResult[]; portfolio: Portfolio } {
  const r = computeColumns(toColumns(rows), a);
  return { accounts: accountResults(r), portfolio: toPortfolio(r) };
}

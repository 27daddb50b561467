import { VARIANCE_RATIOS, VARIANCE_SUMS, type PlanVariance } from '../schemas/plan';
import { PlanFigures } from '../schemas/report';
import type { SheetResult } from './sheet';

/**
 * DOMAIN.md, "Plan, dimensions": variance = actual - plan for the money
 * sums, profit and counts; for margin and roi the difference of the ratios.
 * An account the plan lacks is planned at 0, and one the actuals lack has
 * 0 of actuals: so the accounts' variances add up to the portfolio's.
 */

type Figures = Record<(typeof VARIANCE_SUMS)[number], number> & Record<(typeof VARIANCE_RATIOS)[number], number | null>;

/** The portfolio's variance: actual minus plan, figure by figure; a ratio's is null when either side has none. */
export function planVariance(actual: Figures, plan: Figures): PlanVariance {
  const out: Record<string, number | null> = {};
  for (const k of VARIANCE_SUMS) out[k] = actual[k] - plan[k];
  for (const k of VARIANCE_RATIOS) {
    const a = actual[k];
    const p = plan[k];
    out[k] = a === null || p === null ? null : a - p;
  }
  return out as PlanVariance;
}

const PLAN_KEYS = Object.keys(PlanFigures.shape) as (keyof PlanFigures)[];

/** A computed plan's portfolio figures, in the contract's order (the report's `plan`). */
export function planFigures(plan: SheetResult): PlanFigures {
  const all = plan.figures as unknown as Record<string, unknown>;
  return Object.fromEntries(PLAN_KEYS.map((k) => [k, all[k]])) as PlanFigures;
}

/** The report's `plan` and `variance` of a computed period and its computed plan. */
export function reportPlan(actual: SheetResult, plan: SheetResult): { plan: PlanFigures; variance: PlanVariance } {
  return { plan: planFigures(plan), variance: planVariance(actual.figures, plan.figures) };
}

/** A variance as a fraction of its plan: (actual - plan) / |plan|; NaN when the plan is 0 (no percentage of nothing). */
export function variancePct(actual: number, plan: number): number {
  return plan === 0 ? NaN : (actual - plan) / Math.abs(plan);
}

/** The figures the sheet shows a variance of, per account. */
export const ACCOUNT_VARIANCE_FIGURES = ['revenue', 'totalCost', 'profit'] as const;
export type AccountVarianceFigure = (typeof ACCOUNT_VARIANCE_FIGURES)[number];

/** Per account of the actuals, in their order: each figure's variance and its percentage (NaN where the plan is 0). */
export type AccountVariances = Record<AccountVarianceFigure | `${AccountVarianceFigure}Pct`, Float64Array>;

const valueOf = (r: SheetResult, f: AccountVarianceFigure, i: number) => (f === 'revenue' ? r.columns.revenue[i]! : r.metrics[f][i]!);

/** Where each account of `r` is, by its name ignoring case. */
function indexByAccount(r: SheetResult): Map<string, number> {
  const at = new Map<string, number>();
  for (let i = 0; i < r.columns.n; i++) at.set(r.columns.accountKey[i]!, i);
  return at;
}

/** Each account of the actuals against its plan row (0 when the plan has none). */
export function accountVariances(actual: SheetResult, plan: SheetResult): AccountVariances {
  const n = actual.columns.n;
  const inPlan = indexByAccount(plan);
  const out = {} as AccountVariances;
  for (const f of ACCOUNT_VARIANCE_FIGURES) {
    const diff = new Float64Array(n);
    const pct = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const j = inPlan.get(actual.columns.accountKey[i]!);
      const a = valueOf(actual, f, i);
      const p = j === undefined ? 0 : valueOf(plan, f, j);
      diff[i] = a - p;
      pct[i] = variancePct(a, p);
    }
    out[f] = diff;
    out[`${f}Pct`] = pct;
  }
  return out;
}

/** One account's profit, actual and planned, and the difference. */
export interface ProfitVariance {
  account: string;
  /** The account's owner, from whichever side has the account (the actuals first). */
  owner: string | null;
  actual: number;
  plan: number;
  variance: number;
  /** Whether each side has a row for the account. */
  inActuals: boolean;
  inPlan: boolean;
}

const ownerOf = (r: SheetResult, i: number) => {
  const id = r.columns.ownerIds[i]!;
  return id < 0 ? null : r.columns.owners[id]!;
};

/** Every account of the actuals or the plan (actuals' order, then the plan's own), its profit against plan. */
export function profitVariances(actual: SheetResult, plan: SheetResult): ProfitVariance[] {
  const inPlan = indexByAccount(plan);
  const out: ProfitVariance[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < actual.columns.n; i++) {
    const key = actual.columns.accountKey[i]!;
    const j = inPlan.get(key);
    const a = actual.metrics.profit[i]!;
    const p = j === undefined ? 0 : plan.metrics.profit[j]!;
    seen.add(key);
    out.push({ account: actual.columns.account[i]!, owner: ownerOf(actual, i), actual: a, plan: p, variance: a - p, inActuals: true, inPlan: j !== undefined });
  }
  for (let j = 0; j < plan.columns.n; j++) {
    if (seen.has(plan.columns.accountKey[j]!)) continue;
    const p = plan.metrics.profit[j]!;
    out.push({ account: plan.columns.account[j]!, owner: ownerOf(plan, j), actual: 0, plan: p, variance: -p, inActuals: false, inPlan: true });
  }
  return out;
}

/** The `n` largest variances by size, largest first (ties by name). */
export function largestVariances<T extends { variance: number; account: string }>(items: readonly T[], n: number): T[] {
  return [...items].sort((x, y) => Math.abs(y.variance) - Math.abs(x.variance) || x.account.localeCompare(y.account)).slice(0, n);
}

/** A group's variance: its key (null gathers the accounts with none), its accounts, and the sums. */
export interface GroupVariance {
  key: string | null;
  count: number;
  actual: number;
  plan: number;
  variance: number;
}

/**
 * Variances summed by any per-account key (owner, a dimension's value):
 * `keys[k]` is the key of `items[k]`. Largest variance by size first; the
 * group with no key last.
 */
export function varianceByKey(items: readonly Pick<ProfitVariance, 'actual' | 'plan' | 'variance'>[], keys: readonly (string | null)[]): GroupVariance[] {
  const groups = new Map<string | null, GroupVariance>();
  items.forEach((item, k) => {
    const key = keys[k] ?? null;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, count: 0, actual: 0, plan: 0, variance: 0 }));
    g.count++;
    g.actual += item.actual;
    g.plan += item.plan;
    g.variance += item.variance;
  });
  return [...groups.values()].sort((x, y) =>
    x.key === null ? 1 : y.key === null ? -1 : Math.abs(y.variance) - Math.abs(x.variance) || x.key.localeCompare(y.key),
  );
}

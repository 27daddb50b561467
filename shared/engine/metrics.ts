import type { Assumptions } from '../schemas/assumptions';
import type { SheetColumns } from './columns';

/** Per-account metrics, one typed array each; NaN stands for null. */
export interface AccountMetrics {
  readonly totalCost: Float64Array;
  readonly profit: Float64Array;
  readonly margin: Float64Array;
  readonly roi: Float64Array;
  readonly costToRevenue: Float64Array;
  readonly costToServe: Float64Array;
  readonly interactionCost: Float64Array;
  readonly revenuePerInteraction: Float64Array;
  readonly clv: Float64Array;
  readonly lifetimeProfit: Float64Array;
  readonly valueMultiple: Float64Array;
  readonly expansionShare: Float64Array;
  /** -1 not rated, 0 detractor, 1 passive, 2 promoter (NPS_CATEGORIES). */
  readonly npsCategory: Int8Array;
}

/** DOMAIN.md, "Per-account metrics": the cost of rep time per hour of a meeting or call. */
export function hourlyRate(a: Assumptions): number {
  return a.dailyRate / a.hoursPerDay;
}

/** DOMAIN.md `npsCategory`: promoter 9-10, passive 7-8, detractor 0-6. */
/** DOMAIN.md `csat`: an account whose key contact rates 4 or 5 is satisfied. */
export const isSatisfied = (csat: number): boolean => csat >= 4;

export function npsCategoryOf(nps: number): -1 | 0 | 1 | 2 {
  if (Number.isNaN(nps)) return -1;
  return nps >= 9 ? 2 : nps >= 7 ? 1 : 0;
}

/** What the per-account formulas take from the assumptions, worked out once per recompute. */
export interface Rates {
  readonly meetingCost: number;
  readonly callCost: number;
  readonly defaultLifespanYears: number;
}

export function ratesOf(a: Assumptions): Rates {
  const perHour = hourlyRate(a);
  return { meetingCost: a.meetingHours * perHour, callCost: a.callHours * perHour, defaultLifespanYears: a.defaultLifespanYears };
}

export function emptyMetrics(n: number): AccountMetrics {
  return {
    totalCost: new Float64Array(n),
    profit: new Float64Array(n),
    margin: new Float64Array(n),
    roi: new Float64Array(n),
    costToRevenue: new Float64Array(n),
    costToServe: new Float64Array(n),
    interactionCost: new Float64Array(n),
    revenuePerInteraction: new Float64Array(n),
    clv: new Float64Array(n),
    lifetimeProfit: new Float64Array(n),
    valueMultiple: new Float64Array(n),
    expansionShare: new Float64Array(n),
    npsCategory: new Int8Array(n),
  };
}

/**
 * DOMAIN.md, "Per-account metrics", for account i: totalCost, profit,
 * margin, roi, costToRevenue, costToServe, interactionCost,
 * revenuePerInteraction, clv, lifetimeProfit, valueMultiple, expansionShare
 * and npsCategory, written into slot i of `m`. interactionCost is rep time
 * already inside the buckets, so it is never added to totalCost.
 */
export function metricsAt(c: SheetColumns, m: AccountMetrics, i: number, r: Rates): void {
  const rev = c.revenue[i]!;
  const toServe = c.distribution[i]! + c.service[i]! + c.labour[i]!;
  const total = c.presale[i]! + c.production[i]! + toServe;
  const profit = rev - total;
  const margin = rev > 0 ? profit / rev : NaN;
  m.totalCost[i] = total;
  m.profit[i] = profit;
  m.margin[i] = margin;
  m.roi[i] = total > 0 ? profit / total : NaN;
  m.costToRevenue[i] = rev > 0 ? total / rev : NaN;
  m.costToServe[i] = toServe;
  const meetings = c.meetings[i]!;
  const calls = c.calls[i]!;
  const touches = meetings + calls;
  m.interactionCost[i] = meetings * r.meetingCost + calls * r.callCost;
  m.revenuePerInteraction[i] = touches > 0 ? rev / touches : NaN;
  const aov = c.avgOrderValue[i]!;
  const ppy = c.purchasesPerYear[i]!;
  const life = c.lifespanYears[i]!;
  // NaN marks "not given": a product of three given values, else annual revenue times the lifespan.
  const clv = aov === aov && ppy === ppy && life === life ? aov * ppy * life : rev * (life === life ? life : r.defaultLifespanYears);
  m.clv[i] = clv;
  m.lifetimeProfit[i] = clv * margin;
  m.valueMultiple[i] = rev > 0 ? c.valueDelivered[i]! / rev : NaN;
  const up = c.upsell[i]!;
  const cross = c.crossSell[i]!;
  m.expansionShare[i] = rev > 0 && (up === up || cross === cross) ? ((up || 0) + (cross || 0)) / rev : NaN;
  m.npsCategory[i] = npsCategoryOf(c.nps[i]!);
}

/** metricsAt for every account of the period. */
export function computeAccountMetrics(c: SheetColumns, a: Assumptions): AccountMetrics {
  const m = emptyMetrics(c.n);
  const r = ratesOf(a);
  for (let i = 0; i < c.n; i++) metricsAt(c, m, i, r);
  return m;
}

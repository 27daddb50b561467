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
export function npsCategoryOf(nps: number): -1 | 0 | 1 | 2 {
  if (Number.isNaN(nps)) return -1;
  return nps >= 9 ? 2 : nps >= 7 ? 1 : 0;
}

/**
 * DOMAIN.md, "Per-account metrics": totalCost, profit, margin, roi,
 * costToRevenue, costToServe, interactionCost, revenuePerInteraction, clv,
 * lifetimeProfit, valueMultiple, expansionShare and npsCategory for every
 * account of the period. interactionCost is rep time already inside the
 * buckets, so it is never added to totalCost.
 */
export function computeAccountMetrics(c: SheetColumns, a: Assumptions): AccountMetrics {
  const n = c.n;
  const m: AccountMetrics = {
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
  const perHour = hourlyRate(a);
  const meetingCost = a.meetingHours * perHour;
  const callCost = a.callHours * perHour;
  const { revenue, presale, production, distribution, service, labour, meetings, calls } = c;
  const { avgOrderValue, purchasesPerYear, lifespanYears, valueDelivered, upsell, crossSell, nps } = c;
  for (let i = 0; i < n; i++) {
    const rev = revenue[i]!;
    const toServe = distribution[i]! + service[i]! + labour[i]!;
    const total = presale[i]! + production[i]! + toServe;
    const profit = rev - total;
    const margin = rev > 0 ? profit / rev : NaN;
    m.totalCost[i] = total;
    m.profit[i] = profit;
    m.margin[i] = margin;
    m.roi[i] = total > 0 ? profit / total : NaN;
    m.costToRevenue[i] = rev > 0 ? total / rev : NaN;
    m.costToServe[i] = toServe;
    const touches = meetings[i]! + calls[i]!;
    m.interactionCost[i] = meetings[i]! * meetingCost + calls[i]! * callCost;
    m.revenuePerInteraction[i] = touches > 0 ? rev / touches : NaN;
    const aov = avgOrderValue[i]!;
    const ppy = purchasesPerYear[i]!;
    const life = lifespanYears[i]!;
    // NaN marks "not given": a product of three given values, else annual revenue times the lifespan.
    const clv =
      aov === aov && ppy === ppy && life === life ? aov * ppy * life : rev * (life === life ? life : a.defaultLifespanYears);
    m.clv[i] = clv;
    m.lifetimeProfit[i] = clv * margin;
    const vd = valueDelivered[i]!;
    m.valueMultiple[i] = rev > 0 ? vd / rev : NaN;
    const up = upsell[i]!;
    const cross = crossSell[i]!;
    m.expansionShare[i] = rev > 0 && (up === up || cross === cross) ? ((up || 0) + (cross || 0)) / rev : NaN;
    m.npsCategory[i] = npsCategoryOf(nps[i]!);
  }
  return m;
}

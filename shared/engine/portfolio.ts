import type { Assumptions } from '../schemas/assumptions';
import { BUCKETS } from '../schemas/fields';
import type { PortfolioFigures } from '../schemas/trends';
import type { Splits } from './segmentation';
import { T, valueAt } from './tally';

/**
 * Every portfolio figure of DOMAIN.md, "Portfolio metrics (one period)", in
 * one place: the ratios, the matrix splits, the whale curve and its figures,
 * the Pareto classes, churn, NPS, CSAT and the referral rate, read off the
 * sums a tally keeps (tally.ts) and the profit order (whale.ts).
 */

/** num / den, none when the denominator is not positive (DOMAIN.md: "null when ... = 0"). */
export const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);
/** A part of a total, none when the total is not positive: shares of a loss mislead. */
export const share = (part: number, total: number): number | null => (total > 0 ? part / total : null);

/** Sum of a column, or of its given values when NaN marks "not given". */
export function sum(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v) s += v;
  }
  return s;
}

/** DOMAIN.md `nps`: 100 * (promoters - detractors) / rated accounts, null when none is rated. */
export const npsScore = (promoters: number, detractors: number, rated: number): number | null =>
  rated > 0 ? (100 * (promoters - detractors)) / rated : null;

/** DOMAIN.md `csat`: the share of rated accounts scoring 4 or 5, null when none is rated. */
export const csatShare = (satisfied: number, rated: number): number | null => ratio(satisfied, rated);

/** DOMAIN.md `churnRate`: churned / (active + churned), the customers at the start of the period. */
export const churnRate = (churned: number, active: number): number | null => ratio(churned, active + churned);

/**
 * DOMAIN.md, "Assumptions": the matrix splits, the assumption when set, else
 * the period's median account revenue and its portfolio margin (0 with no revenue).
 */
export function matrixSplits(a: Pick<Assumptions, 'revenueSplit' | 'marginSplit'>, medianRevenue: number, revenue: number, profit: number): Splits {
  return {
    revenueSplit: a.revenueSplit ?? medianRevenue,
    marginSplit: a.marginSplit ?? (revenue > 0 ? profit / revenue : 0),
  };
}

/**
 * DOMAIN.md `whaleCurve`: y of point i (1..n) is the profit of the first i
 * accounts over total profit. Null when total profit <= 0, because shares of
 * a loss mislead.
 */
export function whaleCurve(cum: Float64Array, totalProfit: number, out?: Float64Array): Float64Array | null {
  if (!(totalProfit > 0)) return null;
  const ys = out ?? new Float64Array(cum.length);
  for (let k = 0; k < cum.length; k++) ys[k] = cum[k]! / totalProfit;
  return ys;
}

/**
 * DOMAIN.md `whalePeak` (the highest point of the whale curve) and
 * `top20Share` (profit of the first ceil(0.2 n) accounts over total profit),
 * from the running profit and its highest value: null when total profit <= 0.
 */
export function whaleFigures(cum: Float64Array, peak: number, totalProfit: number): { whalePeak: number | null; top20Share: number | null } {
  if (!(totalProfit > 0) || cum.length === 0) return { whalePeak: null, top20Share: null };
  return { whalePeak: peak / totalProfit, top20Share: cum[Math.ceil(0.2 * cum.length) - 1]! / totalProfit };
}

/** Index into PARETO_CLASSES. */
export const CLASS_A = 0;
export const CLASS_B = 1;
export const CLASS_C = 2;
export const CLASS_D = 3;

/**
 * DOMAIN.md, "Pareto class": over the accounts with profit > 0 in profit
 * order, A while the cumulative profit counted before the account is under
 * 80% of the positive total, B under 95%, C the rest; D for profit <= 0.
 * `before` is the running profit at the position before the account's.
 */
export function paretoClassOf(profit: number, before: number, positiveProfit: number): number {
  if (!(profit > 0)) return CLASS_D;
  return before < 0.8 * positiveProfit ? CLASS_A : before < 0.95 * positiveProfit ? CLASS_B : CLASS_C;
}

/** paretoClassOf every account, walking the profit order. */
export function paretoClasses(
  profit: Float64Array,
  order: Uint32Array,
  cum: Float64Array,
  positiveProfit: number,
  out: Uint8Array = new Uint8Array(profit.length),
): Uint8Array {
  const classes = out.fill(CLASS_D);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (!(profit[i]! > 0)) break; // order is by profit, so the rest are <= 0
    classes[i] = paretoClassOf(profit[i]!, k > 0 ? cum[k - 1]! : 0, positiveProfit);
  }
  return classes;
}

/** Where the whale curve stands: its highest point and top20Share, both null when total profit <= 0. */
export interface WhaleFigures {
  whalePeak: number | null;
  top20Share: number | null;
}

/**
 * DOMAIN.md, "Portfolio metrics (one period)", read off a tally: the sums,
 * roi, margin, lossMakers, profitGivenBack, churnRate, nps, csat, upsell,
 * crossSell, referrals and referralRate, with the splits and the whale
 * figures worked out beside it.
 */
export function portfolioFigures(t: Float64Array, n: number, splits: Splits, whale: WhaleFigures): PortfolioFigures {
  const revenue = valueAt(t, T.revenue);
  const totalCost = valueAt(t, T.totalCost);
  const profit = revenue - totalCost;
  const buckets = Object.fromEntries(BUCKETS.map((b) => [b, valueAt(t, T[b])])) as Record<(typeof BUCKETS)[number], number>;
  return {
    count: n,
    revenue,
    ...buckets,
    totalCost,
    profit,
    interactionCost: valueAt(t, T.interactionCost),
    meetings: valueAt(t, T.meetings),
    calls: valueAt(t, T.calls),
    roi: ratio(profit, totalCost),
    margin: ratio(profit, revenue),
    costToRevenue: ratio(totalCost, revenue),
    revenueSplit: splits.revenueSplit,
    marginSplit: splits.marginSplit,
    whalePeak: whale.whalePeak,
    top20Share: whale.top20Share,
    lossMakers: valueAt(t, T.lossMakers),
    profitGivenBack: valueAt(t, T.profitGivenBack),
    churnRate: churnRate(valueAt(t, T.churned), valueAt(t, T.active)),
    nps: npsScore(valueAt(t, T.promoters), valueAt(t, T.detractors), valueAt(t, T.npsRated)),
    csat: csatShare(valueAt(t, T.satisfied), valueAt(t, T.csatRated)),
    upsell: valueAt(t, T.upsell),
    crossSell: valueAt(t, T.crossSell),
    referrals: valueAt(t, T.referrals),
    referralRate: ratio(valueAt(t, T.referring), valueAt(t, T.referralGiven)),
  };
}

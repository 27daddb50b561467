import { STATUSES } from '../schemas/fields';
import type { SheetColumns } from './columns';
import { addCompensated } from './compensated';
import { isSatisfied, metricsAt, type AccountMetrics, type Rates } from './metrics';

const ACTIVE = STATUSES.indexOf('active');
const CHURNED = STATUSES.indexOf('churned');

/** Slots of a tally: the portfolio's sums and counts, kept so that one account can be taken out and put back. */
export const T = {
  revenue: 0,
  presale: 1,
  production: 2,
  distribution: 3,
  service: 4,
  labour: 5,
  totalCost: 6,
  interactionCost: 7,
  meetings: 8,
  calls: 9,
  upsell: 10,
  crossSell: 11,
  referrals: 12,
  clv: 13,
  lossMakers: 14,
  profitGivenBack: 15,
  active: 16,
  churned: 17,
  npsRated: 18,
  promoters: 19,
  detractors: 20,
  csatRated: 21,
  satisfied: 22,
  referralGiven: 23,
  referring: 24,
  /** The sum of the positive profits: the base of the Pareto classes. */
  positiveProfit: 25,
} as const;
const SLOTS = 26;

/** Slot k holds a sum, slot SLOTS + k the rounding error its additions left (compensated.ts). */
const add = (t: Float64Array, k: number, x: number) => addCompensated(t, k, k + SLOTS, x);
/** The value of slot k of a tally (T). */
export const valueAt = (t: Float64Array, k: number): number => t[k]! + t[k + SLOTS]!;

/**
 * Add account i to the tally (sign 1) or take it out (sign -1). An edit
 * takes the account out with its old values and puts it back with its new
 * ones, so the portfolio follows in constant time, the sums compensated so
 * that they do not drift. NaN (not given) counts nowhere.
 */
export function tallyAccount(t: Float64Array, c: SheetColumns, m: AccountMetrics, i: number, sign: 1 | -1): void {
  add(t, T.revenue, sign * c.revenue[i]!);
  add(t, T.presale, sign * c.presale[i]!);
  add(t, T.production, sign * c.production[i]!);
  add(t, T.distribution, sign * c.distribution[i]!);
  add(t, T.service, sign * c.service[i]!);
  add(t, T.labour, sign * c.labour[i]!);
  add(t, T.totalCost, sign * m.totalCost[i]!);
  add(t, T.interactionCost, sign * m.interactionCost[i]!);
  add(t, T.meetings, sign * c.meetings[i]!);
  add(t, T.calls, sign * c.calls[i]!);
  add(t, T.clv, sign * m.clv[i]!);
  const up = c.upsell[i]!;
  if (up === up) add(t, T.upsell, sign * up);
  const cross = c.crossSell[i]!;
  if (cross === cross) add(t, T.crossSell, sign * cross);
  const p = m.profit[i]!;
  if (p < 0) {
    add(t, T.lossMakers, sign);
    add(t, T.profitGivenBack, -sign * p);
  } else if (p > 0) add(t, T.positiveProfit, sign * p);
  const s = c.status[i]!;
  if (s === ACTIVE) add(t, T.active, sign);
  else if (s === CHURNED) add(t, T.churned, sign);
  const cat = m.npsCategory[i]!;
  if (cat >= 0) {
    add(t, T.npsRated, sign);
    if (cat === 2) add(t, T.promoters, sign);
    else if (cat === 0) add(t, T.detractors, sign);
  }
  const csat = c.csat[i]!;
  if (csat === csat) {
    add(t, T.csatRated, sign);
    if (isSatisfied(csat)) add(t, T.satisfied, sign);
  }
  const refs = c.referrals[i]!;
  if (refs === refs) {
    add(t, T.referrals, sign * refs);
    add(t, T.referralGiven, sign);
    if (refs >= 1) add(t, T.referring, sign);
  }
}

export const emptyTally = (): Float64Array => new Float64Array(2 * SLOTS);

/**
 * A full recompute's one pass: each account's metrics (metricsAt), then the
 * account added to running totals kept in locals, while its values are
 * still in the cache. The same additions in the same order as tallyAccount
 * of every account, so the sums are the same to the bit (the incremental
 * tests hold the two together); the error slots start at zero.
 */
export function computeAndTally(c: SheetColumns, m: AccountMetrics, rates: Rates): Float64Array {
  let revenue = 0;
  let presale = 0;
  let production = 0;
  let distribution = 0;
  let service = 0;
  let labour = 0;
  let totalCost = 0;
  let interactionCost = 0;
  let meetings = 0;
  let calls = 0;
  let clv = 0;
  let upsell = 0;
  let crossSell = 0;
  let referrals = 0;
  let lossMakers = 0;
  let givenBack = 0;
  let positive = 0;
  let active = 0;
  let churned = 0;
  let npsRated = 0;
  let promoters = 0;
  let detractors = 0;
  let csatRated = 0;
  let satisfied = 0;
  let referralGiven = 0;
  let referring = 0;
  for (let i = 0; i < c.n; i++) {
    metricsAt(c, m, i, rates);
    revenue += c.revenue[i]!;
    presale += c.presale[i]!;
    production += c.production[i]!;
    distribution += c.distribution[i]!;
    service += c.service[i]!;
    labour += c.labour[i]!;
    totalCost += m.totalCost[i]!;
    interactionCost += m.interactionCost[i]!;
    meetings += c.meetings[i]!;
    calls += c.calls[i]!;
    clv += m.clv[i]!;
    const up = c.upsell[i]!;
    if (up === up) upsell += up;
    const cross = c.crossSell[i]!;
    if (cross === cross) crossSell += cross;
    const p = m.profit[i]!;
    if (p < 0) {
      lossMakers++;
      givenBack -= p;
    } else if (p > 0) positive += p;
    const s = c.status[i]!;
    if (s === ACTIVE) active++;
    else if (s === CHURNED) churned++;
    const cat = m.npsCategory[i]!;
    if (cat >= 0) {
      npsRated++;
      if (cat === 2) promoters++;
      else if (cat === 0) detractors++;
    }
    const csat = c.csat[i]!;
    if (csat === csat) {
      csatRated++;
      if (isSatisfied(csat)) satisfied++;
    }
    const refs = c.referrals[i]!;
    if (refs === refs) {
      referrals += refs;
      referralGiven++;
      if (refs >= 1) referring++;
    }
  }
  const t = emptyTally();
  t[T.revenue] = revenue;
  t[T.presale] = presale;
  t[T.production] = production;
  t[T.distribution] = distribution;
  t[T.service] = service;
  t[T.labour] = labour;
  t[T.totalCost] = totalCost;
  t[T.interactionCost] = interactionCost;
  t[T.meetings] = meetings;
  t[T.calls] = calls;
  t[T.clv] = clv;
  t[T.upsell] = upsell;
  t[T.crossSell] = crossSell;
  t[T.referrals] = referrals;
  t[T.lossMakers] = lossMakers;
  t[T.profitGivenBack] = givenBack;
  t[T.positiveProfit] = positive;
  t[T.active] = active;
  t[T.churned] = churned;
  t[T.npsRated] = npsRated;
  t[T.promoters] = promoters;
  t[T.detractors] = detractors;
  t[T.csatRated] = csatRated;
  t[T.satisfied] = satisfied;
  t[T.referralGiven] = referralGiven;
  t[T.referring] = referring;
  return t;
}

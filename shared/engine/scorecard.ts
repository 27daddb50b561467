import type { Assumptions } from '../schemas/assumptions';
import type { Interaction } from '../schemas/interaction';
import { recognisedShare } from './interactions';
import { isSatisfied } from './metrics';
import { csatShare, npsScore, ratio } from './portfolio';
import type { SheetResult } from './sheet';

/** One key account director's accounts, summed: the measures of a value-based compensation plan. */
export interface OwnerScore {
  owner: string | null;
  accounts: number;
  revenue: number;
  profit: number;
  roi: number | null;
  interactionCost: number;
  /** Rep hours of the sheet's meetings and calls (meetings * meetingHours + calls * callHours). */
  interactionHours: number;
  revenuePerInteraction: number | null;
  /** Profit per hour of customer interaction: value, not volume of meetings. The ranking. */
  profitPerInteractionHour: number | null;
  recognisedShare: number | null;
  clv: number;
  upsell: number;
  crossSell: number;
  referrals: number;
  valueDelivered: number;
  nps: number | null;
  csat: number | null;
}

interface Tally {
  accounts: number;
  revenue: number;
  cost: number;
  interactionCost: number;
  interactions: number;
  hours: number;
  clv: number;
  upsell: number;
  crossSell: number;
  referrals: number;
  valueDelivered: number;
  promoters: number;
  detractors: number;
  npsRated: number;
  satisfied: number;
  csatRated: number;
}

const blank = (): Tally => ({
  accounts: 0, revenue: 0, cost: 0, interactionCost: 0, interactions: 0, hours: 0, clv: 0, upsell: 0, crossSell: 0,
  referrals: 0, valueDelivered: 0, promoters: 0, detractors: 0, npsRated: 0, satisfied: 0, csatRated: 0,
});
const given = (v: number) => (Number.isNaN(v) ? 0 : v);

/**
 * The owner scorecard of a period: per owner (null for accounts without one)
 * the sums and ratios DOMAIN.md defines for a portfolio, over their accounts,
 * and the recognised share of the logged interactions with those accounts
 * (`log`: the period's held interactions). Ranked by profit per interaction
 * hour, highest first; owners with no interaction hours last, by profit.
 */
export function ownerScorecard(r: SheetResult, log: readonly Interaction[], a: Assumptions): OwnerScore[] {
  const c = r.columns;
  const m = r.metrics;
  const tallies: Tally[] = Array.from({ length: c.owners.length + 1 }, blank);
  const ownerOfAccount = new Map<string, number>();
  for (let i = 0; i < c.n; i++) {
    const k = c.ownerIds[i]! + 1;
    const t = tallies[k]!;
    ownerOfAccount.set(c.accountKey[i]!, k);
    t.accounts++;
    t.revenue += c.revenue[i]!;
    t.cost += m.totalCost[i]!;
    t.interactionCost += m.interactionCost[i]!;
    t.interactions += c.meetings[i]! + c.calls[i]!;
    t.hours += c.meetings[i]! * a.meetingHours + c.calls[i]! * a.callHours;
    t.clv += m.clv[i]!;
    t.upsell += given(c.upsell[i]!);
    t.crossSell += given(c.crossSell[i]!);
    t.referrals += given(c.referrals[i]!);
    t.valueDelivered += given(c.valueDelivered[i]!);
    const cat = m.npsCategory[i]!;
    if (cat >= 0) {
      t.npsRated++;
      if (cat === 2) t.promoters++;
      if (cat === 0) t.detractors++;
    }
    const csat = c.csat[i]!;
    if (!Number.isNaN(csat)) {
      t.csatRated++;
      if (isSatisfied(csat)) t.satisfied++;
    }
  }
  const logs: Interaction[][] = tallies.map(() => []);
  for (const it of log) {
    const k = ownerOfAccount.get(it.account.toLowerCase());
    if (k !== undefined) logs[k]!.push(it);
  }
  const scores: OwnerScore[] = [];
  tallies.forEach((t, k) => {
    if (t.accounts === 0) return;
    const profit = t.revenue - t.cost;
    scores.push({
      owner: k === 0 ? null : c.owners[k - 1]!,
      accounts: t.accounts,
      revenue: t.revenue,
      profit,
      roi: ratio(profit, t.cost),
      interactionCost: t.interactionCost,
      interactionHours: t.hours,
      revenuePerInteraction: ratio(t.revenue, t.interactions),
      profitPerInteractionHour: ratio(profit, t.hours),
      recognisedShare: recognisedShare(logs[k]!, a),
      clv: t.clv,
      upsell: t.upsell,
      crossSell: t.crossSell,
      referrals: t.referrals,
      valueDelivered: t.valueDelivered,
      nps: npsScore(t.promoters, t.detractors, t.npsRated),
      csat: csatShare(t.satisfied, t.csatRated),
    });
  });
  return scores.sort(
    (x, y) =>
      (x.profitPerInteractionHour === null ? 1 : 0) - (y.profitPerInteractionHour === null ? 1 : 0) ||
      (y.profitPerInteractionHour ?? 0) - (x.profitPerInteractionHour ?? 0) ||
      y.profit - x.profit ||
      (x.owner ?? '').localeCompare(y.owner ?? ''),
  );
}

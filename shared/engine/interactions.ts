import type { Assumptions } from '../schemas/assumptions';
import type { Interaction, InteractionPlan, PreCallResult, Verdict } from '../schemas/interaction';
import { hourlyRate } from './metrics';

/** DOMAIN.md `cost` of an interaction: (hours + prepHours) * attendees * dailyRate / hoursPerDay + travel. */
export function interactionCostOf(p: InteractionPlan, a: Assumptions): number {
  return (p.hours + p.prepHours) * p.attendees * hourlyRate(a) + p.travel;
}

/** DOMAIN.md `expectedReturn` = projectedRevenue * winProbability. */
export function expectedReturnOf(p: InteractionPlan): number {
  return p.projectedRevenue * p.winProbability;
}

/**
 * DOMAIN.md, "the pre-call check": cost, expectedReturn, returnMultiple and
 * the verdict, Invest at investThreshold and above, Review from
 * reviewThreshold, Skip below. An interaction that costs nothing has no
 * multiple; it is Invest when it may return something and Review otherwise.
 */
export function preCall(p: InteractionPlan, a: Assumptions): PreCallResult {
  const cost = interactionCostOf(p, a);
  const expectedReturn = expectedReturnOf(p);
  const returnMultiple = cost > 0 ? expectedReturn / cost : null;
  let verdict: Verdict;
  if (returnMultiple === null) verdict = expectedReturn > 0 ? 'Invest' : 'Review';
  else if (returnMultiple >= a.investThreshold) verdict = 'Invest';
  else if (returnMultiple >= a.reviewThreshold) verdict = 'Review';
  else verdict = 'Skip';
  return { cost, expectedReturn, returnMultiple, verdict };
}

export interface AccountInteractionSummary {
  account: string;
  count: number;
  cost: number;
  /** DOMAIN.md `recognisedShare`: cost the customer valued over cost with a yes or no answer. */
  recognisedShare: number | null;
}

/**
 * Interaction cost and recognised share per account (keyed case-insensitively,
 * named as first seen), over the interactions held: a planned one has cost
 * nothing yet.
 */
export function summariseInteractions(log: readonly Interaction[], a: Assumptions): AccountInteractionSummary[] {
  const byAccount = new Map<string, { account: string; count: number; cost: number; yes: number; answered: number }>();
  for (const it of log) {
    if (it.planned) continue;
    const key = it.account.toLowerCase();
    let s = byAccount.get(key);
    if (!s) byAccount.set(key, (s = { account: it.account, count: 0, cost: 0, yes: 0, answered: 0 }));
    const cost = interactionCostOf(it, a);
    s.count++;
    s.cost += cost;
    if (it.valued !== 'unknown') s.answered += cost;
    if (it.valued === 'yes') s.yes += cost;
  }
  return [...byAccount.values()].map((s) => ({
    account: s.account,
    count: s.count,
    cost: s.cost,
    recognisedShare: s.answered > 0 ? s.yes / s.answered : null,
  }));
}

/** Which sheet count a kind of interaction adds to: face-to-face ones are meetings, calls are calls, "other" neither. */
export const COUNTED_AS: Record<Interaction['kind'], 'meetings' | 'calls' | null> = {
  meeting: 'meetings',
  visit: 'meetings',
  workshop: 'meetings',
  call: 'calls',
  other: null,
};

/**
 * The sheet's meetings and calls per account from the log: the interactions
 * held (not planned) that `keep` admits, counted by COUNTED_AS and keyed by
 * the account's name in lower case.
 */
export function countInteractions(log: readonly Interaction[], keep: (it: Interaction) => boolean): Map<string, { account: string; meetings: number; calls: number }> {
  const out = new Map<string, { account: string; meetings: number; calls: number }>();
  for (const it of log) {
    if (it.planned || !keep(it)) continue;
    const as = COUNTED_AS[it.kind];
    if (as === null) continue;
    const key = it.account.toLowerCase();
    let c = out.get(key);
    if (!c) out.set(key, (c = { account: it.account, meetings: 0, calls: 0 }));
    c[as]++;
  }
  return out;
}

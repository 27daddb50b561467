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
  const byAccount = new Map<string, Interaction[]>();
  for (const it of log) {
    if (it.planned) continue;
    const key = it.account.toLowerCase();
    const group = byAccount.get(key);
    if (group) group.push(it);
    else byAccount.set(key, [it]);
  }
  return [...byAccount.values()].map((group) => ({
    account: group[0]!.account,
    count: group.length,
    cost: group.reduce((sum, it) => sum + interactionCostOf(it, a), 0),
    recognisedShare: recognisedShare(group, a),
  }));
}

/**
 * DOMAIN.md `recognisedShare` of a set of interactions (an account's, an
 * owner's, a period's): the cost of those the customer valued over the cost
 * of those with a yes or no answer, held ones only; null when none has an answer.
 */
export function recognisedShare(log: readonly Interaction[], a: Assumptions): number | null {
  let valued = 0;
  let answered = 0;
  for (const it of log) {
    if (it.planned || it.valued === 'unknown') continue;
    const cost = interactionCostOf(it, a);
    answered += cost;
    if (it.valued === 'yes') valued += cost;
  }
  return answered > 0 ? valued / answered : null;
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

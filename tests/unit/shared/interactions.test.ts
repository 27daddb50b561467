import { describe, expect, it } from 'vitest';
import { preCall, summariseInteractions } from '../../../shared/engine/interactions';
import { DEFAULT_ASSUMPTIONS } from '../../../shared/schemas/assumptions';
import { Interaction, InteractionPlan } from '../../../shared/schemas/interaction';
import type { InteractionInput, InteractionPlanInput } from '../../../shared/schemas/interaction';
import { assumptions } from './helpers';

// DOMAIN.md, "Interactions and the pre-call check". With default assumptions an hour costs 1000 / 8 = 125.

const plan = (p: InteractionPlanInput) => InteractionPlan.parse(p);
const logged = (p: InteractionInput) => Interaction.parse(p);

describe('preCall cost', () => {
  it('is (hours + prepHours) * attendees * dailyRate / hoursPerDay + travel', () => {
    // (2 + 1) * 2 * 125 + 150
    expect(preCall(plan({ hours: 2, prepHours: 1, attendees: 2, travel: 150 }), DEFAULT_ASSUMPTIONS).cost).toBe(900);
  });
  it('defaults to no prep, one attendee and no travel: a 1.6-hour meeting costs 200', () => {
    expect(preCall(plan({ hours: 1.6 }), DEFAULT_ASSUMPTIONS).cost).toBe(200);
  });
  it('follows dailyRate and hoursPerDay', () => {
    // 600 / 6 = 100 an hour: (1 + 0.5) * 3 * 100 + 20
    expect(preCall(plan({ hours: 1, prepHours: 0.5, attendees: 3, travel: 20 }), assumptions({ dailyRate: 600, hoursPerDay: 6 })).cost).toBe(470);
  });
  it('travel alone is the whole cost of a zero-hour interaction', () => {
    expect(preCall(plan({ hours: 0, travel: 80 }), DEFAULT_ASSUMPTIONS).cost).toBe(80);
  });
});

describe('preCall expectedReturn and returnMultiple', () => {
  it('expectedReturn = projectedRevenue * winProbability; returnMultiple = expectedReturn / cost', () => {
    const r = preCall(plan({ hours: 2, prepHours: 2, projectedRevenue: 10_000, winProbability: 0.25 }), DEFAULT_ASSUMPTIONS);
    expect(r.cost).toBe(500);
    expect(r.expectedReturn).toBe(2_500);
    expect(r.returnMultiple).toBe(5);
    expect(r.verdict).toBe('Invest');
  });
  it('no projected revenue returns nothing: multiple 0, Skip', () => {
    const r = preCall(plan({ hours: 1 }), DEFAULT_ASSUMPTIONS);
    expect(r.expectedReturn).toBe(0);
    expect(r.returnMultiple).toBe(0);
    expect(r.verdict).toBe('Skip');
  });
  it('an interaction that costs nothing has no multiple (engine contract in interactions.ts)', () => {
    const free = preCall(plan({ hours: 0, projectedRevenue: 100, winProbability: 0.5 }), DEFAULT_ASSUMPTIONS);
    expect(free.cost).toBe(0);
    expect(free.returnMultiple).toBeNull();
    expect(free.verdict).toBe('Invest');
    expect(preCall(plan({ hours: 0 }), DEFAULT_ASSUMPTIONS).verdict).toBe('Review');
  });
});

describe('preCall verdict at the default thresholds (Invest 3x, Review 1x)', () => {
  // Cost (2 + 1) * 2 * 125 + 150 = 900 each time.
  const at = (projectedRevenue: number, winProbability = 1) =>
    preCall(plan({ hours: 2, prepHours: 1, attendees: 2, travel: 150, projectedRevenue, winProbability }), DEFAULT_ASSUMPTIONS);

  it('Invest at exactly 3x', () => {
    const r = at(2_700);
    expect(r.returnMultiple).toBe(3);
    expect(r.verdict).toBe('Invest');
  });
  it('Invest above 3x', () => {
    expect(at(9_000, 0.5).verdict).toBe('Invest');
  });
  it('Review just below 3x', () => {
    expect(at(2_699).verdict).toBe('Review');
  });
  it('Review at exactly 1x', () => {
    const r = at(1_800, 0.5);
    expect(r.expectedReturn).toBe(900);
    expect(r.returnMultiple).toBe(1);
    expect(r.verdict).toBe('Review');
  });
  it('Skip below 1x', () => {
    const r = at(899);
    expect(r.returnMultiple).toBeLessThan(1);
    expect(r.verdict).toBe('Skip');
  });
});

describe('preCall verdict with thresholds from the assumptions', () => {
  const a = assumptions({ investThreshold: 5, reviewThreshold: 2 });
  // Cost 4 * 125 = 500.
  const at = (projectedRevenue: number) => preCall(plan({ hours: 4, projectedRevenue, winProbability: 1 }), a);

  it('3x is no longer Invest but Review', () => {
    expect(at(1_500).verdict).toBe('Review');
  });
  it('Invest at exactly the investThreshold (5x)', () => {
    expect(at(2_500).returnMultiple).toBe(5);
    expect(at(2_500).verdict).toBe('Invest');
  });
  it('Review at exactly the reviewThreshold (2x)', () => {
    expect(at(1_000).verdict).toBe('Review');
  });
  it('1.5x is now Skip', () => {
    expect(at(750).verdict).toBe('Skip');
  });
  it('lower thresholds: Invest from 1.5x, Review from 0.5x', () => {
    const low = assumptions({ investThreshold: 1.5, reviewThreshold: 0.5 });
    const v = (rev: number) => preCall(plan({ hours: 4, projectedRevenue: rev, winProbability: 1 }), low).verdict;
    expect(v(750)).toBe('Invest');
    expect(v(500)).toBe('Review');
    expect(v(250)).toBe('Review');
    expect(v(249)).toBe('Skip');
  });
});

describe('summariseInteractions', () => {
  const log = [
    logged({ account: 'Acme', date: '2026-01-05', kind: 'meeting', hours: 1, valued: 'yes' }), // 125
    logged({ account: 'Acme', date: '2026-01-06', kind: 'call', hours: 3, valued: 'no' }), // 375
    logged({ account: 'Acme', date: '2026-01-07', kind: 'visit', hours: 8 }), // 1000, unknown
    logged({ account: 'Beta', date: '2026-01-07', kind: 'workshop', hours: 2, attendees: 2 }), // 500, unknown
    logged({ account: 'Gamma', date: '2026-01-08', kind: 'meeting', hours: 1, valued: 'no', travel: 75 }), // 200
    logged({ account: 'Delta', date: '2026-01-08', kind: 'other', hours: 2, valued: 'yes' }), // 250
  ];
  const summary = summariseInteractions(log, DEFAULT_ASSUMPTIONS);
  const of = (name: string) => summary.find((s) => s.account === name)!;

  it('counts and costs each account', () => {
    expect(summary.map((s) => s.account).sort()).toEqual(['Acme', 'Beta', 'Delta', 'Gamma']);
    expect(of('Acme')).toMatchObject({ count: 3, cost: 1_500 });
    expect(of('Beta')).toMatchObject({ count: 1, cost: 500 });
    expect(of('Gamma')).toMatchObject({ count: 1, cost: 200 });
  });
  it('recognisedShare = cost valued yes / cost answered yes or no; unknown is left out', () => {
    // 125 / (125 + 375)
    expect(of('Acme').recognisedShare).toBe(0.25);
  });
  it('is 0 when every answer is no and 1 when every answer is yes', () => {
    expect(of('Gamma').recognisedShare).toBe(0);
    expect(of('Delta').recognisedShare).toBe(1);
  });
  it('is null when no interaction has a yes or no answer', () => {
    expect(of('Beta').recognisedShare).toBeNull();
  });
  it('weights by cost, not by count', () => {
    const s = summariseInteractions(
      [
        logged({ account: 'X', date: '2026-02-01', kind: 'call', hours: 1, valued: 'yes' }), // 125
        logged({ account: 'X', date: '2026-02-02', kind: 'call', hours: 1, valued: 'yes' }), // 125
        logged({ account: 'X', date: '2026-02-03', kind: 'visit', hours: 6, valued: 'no' }), // 750
      ],
      DEFAULT_ASSUMPTIONS,
    );
    expect(s).toHaveLength(1);
    expect(s[0]!.recognisedShare).toBe(0.25);
  });
  it('keys accounts case-insensitively, named as first seen', () => {
    const s = summariseInteractions(
      [
        logged({ account: 'Acme', date: '2026-02-01', kind: 'call', hours: 1, valued: 'yes' }),
        logged({ account: 'ACME', date: '2026-02-02', kind: 'call', hours: 1, valued: 'no' }),
      ],
      DEFAULT_ASSUMPTIONS,
    );
    expect(s).toEqual([{ account: 'Acme', count: 2, cost: 250, recognisedShare: 0.5 }]);
  });
  it('an empty log has no accounts', () => {
    expect(summariseInteractions([], DEFAULT_ASSUMPTIONS)).toEqual([]);
  });
});

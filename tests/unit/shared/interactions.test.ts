import { describe, expect, it } from 'vitest';
import { toColumns } from '../../../shared/engine/columns';
import { countInteractions, preCall, summariseInteractions } from '../../../shared/engine/interactions';
import { inRange, periodDates } from '../../../shared/engine/period-dates';
import { ownerScorecard } from '../../../shared/engine/scorecard';
import { computeColumns } from '../../../shared/engine/sheet';
import { DEFAULT_ASSUMPTIONS } from '../../../shared/schemas/assumptions';
import { Interaction, InteractionPlan } from '../../../shared/schemas/interaction';
import type { InteractionInput, InteractionPlanInput } from '../../../shared/schemas/interaction';
import { assumptions, rows } from './helpers';

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

describe('held, counted and dated interactions', () => {
  it('leaves a planned interaction out of cost and recognised share: it has not happened', () => {
    const s = summariseInteractions(
      [
        logged({ account: 'Acme', date: '2026-02-01', kind: 'call', hours: 1, valued: 'yes' }),
        logged({ account: 'Acme', date: '2026-02-09', kind: 'visit', hours: 8, valued: 'no', planned: true }),
      ],
      DEFAULT_ASSUMPTIONS,
    );
    expect(s).toEqual([{ account: 'Acme', count: 1, cost: 125, recognisedShare: 1 }]);
  });

  it('counts meetings (meeting, visit, workshop) and calls per account, held ones only, within the dates', () => {
    const log = [
      logged({ account: 'Acme', date: '2026-07-01', kind: 'meeting', hours: 1 }),
      logged({ account: 'ACME', date: '2026-08-01', kind: 'visit', hours: 1 }),
      logged({ account: 'Acme', date: '2026-09-30', kind: 'call', hours: 1 }),
      logged({ account: 'Acme', date: '2026-10-01', kind: 'call', hours: 1 }), // next quarter
      logged({ account: 'Acme', date: '2026-08-02', kind: 'workshop', hours: 1, planned: true }),
      logged({ account: 'Beta', date: '2026-08-02', kind: 'other', hours: 1 }),
      logged({ account: 'Beta', date: '2026-08-03', kind: 'workshop', hours: 1 }),
    ];
    const q3 = periodDates('2026-Q3');
    const counts = countInteractions(log, (it) => inRange(it.date, q3));
    expect([...counts.values()]).toEqual([
      { account: 'Acme', meetings: 2, calls: 1 },
      { account: 'Beta', meetings: 1, calls: 0 },
    ]);
  });

  it('reads the dates of a period from its label, and none from a label without them', () => {
    expect(periodDates('2026-Q3')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodDates('q1 2024')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(periodDates('2024-H1')).toEqual({ from: '2024-01-01', to: '2024-06-30' });
    expect(periodDates('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodDates('FY2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodDates('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodDates('Pilot')).toBeNull();
    expect(periodDates('2026-13')).toBeNull();
    expect(inRange('2026-01-01', null)).toBe(true);
  });
});

describe('ownerScorecard', () => {
  const a = DEFAULT_ASSUMPTIONS; // a meeting is 1.6 h and 200, a call 0.4 h and 50
  const sheet = computeColumns(
    toColumns(
      rows([
        { account: 'Acme', owner: 'Ann', revenue: 10_000, service: 4_000, meetings: 10, calls: 0, nps: 10, csat: 5, upsell: 1_000, referrals: 2 },
        { account: 'Beta', owner: 'Ann', revenue: 2_000, service: 1_000, meetings: 0, calls: 4, nps: 3, csat: 2 },
        { account: 'Cara', owner: 'Bob', revenue: 50_000, service: 30_000, meetings: 100, calls: 0, valueDelivered: 90_000 },
        { account: 'Dell', revenue: 500, service: 100 },
      ]),
    ),
    a,
  );
  const log = [
    logged({ account: 'acme', date: '2026-01-05', kind: 'meeting', hours: 1, valued: 'yes' }), // 125
    logged({ account: 'Beta', date: '2026-01-06', kind: 'call', hours: 3, valued: 'no' }), // 375
    logged({ account: 'Beta', date: '2026-01-07', kind: 'call', hours: 3, valued: 'yes', planned: true }), // not held
    logged({ account: 'Cara', date: '2026-01-07', kind: 'visit', hours: 8 }), // unknown
  ];
  const card = ownerScorecard(sheet, log, a);
  const of = (owner: string | null) => card.find((s) => s.owner === owner)!;

  it('ranks owners by profit per interaction hour, value not volume; an owner without hours comes last', () => {
    // Ann: 7,000 profit over 10 * 1.6 + 4 * 0.4 = 17.6 h; Bob: 20,000 over 160 h.
    expect(card.map((s) => s.owner)).toEqual(['Ann', 'Bob', null]);
    expect(of('Ann').profitPerInteractionHour).toBeCloseTo(7_000 / 17.6, 9);
    expect(of('Bob').profitPerInteractionHour).toBe(125);
    expect(of(null).profitPerInteractionHour).toBeNull();
  });

  it('sums each owner’s accounts as the portfolio does', () => {
    expect(of('Ann')).toMatchObject({ accounts: 2, revenue: 12_000, profit: 7_000, interactionCost: 2_200, upsell: 1_000, crossSell: 0, referrals: 2 });
    expect(of('Ann').roi).toBeCloseTo(7_000 / 5_000, 12);
    expect(of('Ann').revenuePerInteraction).toBe(12_000 / 14);
    expect(of('Ann').nps).toBe(0); // one promoter, one detractor
    expect(of('Ann').csat).toBe(0.5);
    expect(of('Bob')).toMatchObject({ valueDelivered: 90_000, nps: null, csat: null });
  });

  it('takes the recognised share from the held interactions with yes or no, weighted by cost', () => {
    expect(of('Ann').recognisedShare).toBe(125 / 500);
    expect(of('Bob').recognisedShare).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../../shared/schemas/assumptions';
import { computeSheet } from '../../../shared/engine/results';
import { SheetRow } from '../../../shared/schemas/row';
import { assumptions, compute, one } from './helpers';

// Every expected value below is worked by hand from DOMAIN.md, "Per-account metrics".

describe('defaults of the assumptions', () => {
  it('are the ones DOMAIN.md lists', () => {
    expect(DEFAULT_ASSUMPTIONS).toMatchObject({
      currency: 'USD',
      dailyRate: 1000,
      hoursPerDay: 8,
      meetingHours: 1.6,
      callHours: 0.4,
      revenueSplit: null,
      marginSplit: null,
      defaultLifespanYears: 3,
    });
  });
});

describe('SheetRow defaults', () => {
  it('counts an absent bucket, meetings and calls as 0 and leaves the optional fields empty', () => {
    const r = SheetRow.parse({ account: '  Acme  ', revenue: 10 });
    expect(r).toEqual({
      account: 'Acme',
      owner: null,
      segmentOverride: null,
      revenue: 10,
      presale: 0,
      production: 0,
      distribution: 0,
      service: 0,
      labour: 0,
      meetings: 0,
      calls: 0,
      csat: null,
      nps: null,
      status: 'active',
      upsell: null,
      crossSell: null,
      referrals: null,
      valueDelivered: null,
      avgOrderValue: null,
      purchasesPerYear: null,
      lifespanYears: null,
    });
  });
});

describe('totalCost, profit, costToServe', () => {
  const a = one({ account: 'Acme', revenue: 10_000, presale: 100, production: 2_000, distribution: 300, service: 400, labour: 1_200 });

  it('totalCost is the sum of the five buckets', () => {
    expect(a.totalCost).toBe(4_000);
  });
  it('profit is revenue - totalCost', () => {
    expect(a.profit).toBe(6_000);
  });
  it('costToServe is distribution + service + labour', () => {
    expect(a.costToServe).toBe(1_900);
  });
  it('margin, roi and costToRevenue', () => {
    expect(a.margin).toBe(0.6);
    expect(a.roi).toBe(1.5);
    expect(a.costToRevenue).toBe(0.4);
  });
  it('a loss gives a negative margin and roi, and costToRevenue above 1', () => {
    const loss = one({ account: 'Loss', revenue: 1_000, service: 1_250 });
    expect(loss.profit).toBe(-250);
    expect(loss.margin).toBe(-0.25);
    expect(loss.roi).toBe(-0.2);
    expect(loss.costToRevenue).toBe(1.25);
  });
});

describe('null rules of the ratios', () => {
  it('margin and costToRevenue are null when revenue is 0; roi is still defined', () => {
    const a = one({ account: 'Zero', revenue: 0, service: 500 });
    expect(a.profit).toBe(-500);
    expect(a.margin).toBeNull();
    expect(a.costToRevenue).toBeNull();
    expect(a.roi).toBe(-1);
  });
  it('roi is null when totalCost is 0; margin is still defined', () => {
    const a = one({ account: 'Free', revenue: 800 });
    expect(a.totalCost).toBe(0);
    expect(a.roi).toBeNull();
    expect(a.margin).toBe(1);
    expect(a.costToRevenue).toBe(0);
  });
  it('all three are null with neither revenue nor cost', () => {
    const a = one({ account: 'Empty', revenue: 0 });
    expect(a.margin).toBeNull();
    expect(a.roi).toBeNull();
    expect(a.costToRevenue).toBeNull();
    expect(a.profit).toBe(0);
  });
});

describe('interactionCost (DOMAIN seed numbers)', () => {
  it('one meeting costs 1000 / 8 * 1.6 = 200', () => {
    expect(one({ account: 'M', revenue: 1_000, meetings: 1 }).interactionCost).toBe(200);
  });
  it('one call costs 1000 / 8 * 0.4 = 50', () => {
    expect(one({ account: 'C', revenue: 1_000, calls: 1 }).interactionCost).toBe(50);
  });
  it('meetings and calls add up: 4 meetings and 6 calls cost 800 + 300', () => {
    expect(one({ account: 'MC', revenue: 1_000, meetings: 4, calls: 6 }).interactionCost).toBeCloseTo(1_100, 9);
  });
  it('no interactions cost nothing', () => {
    expect(one({ account: 'N', revenue: 1_000 }).interactionCost).toBe(0);
  });
  it('is never added to totalCost or taken from profit', () => {
    const a = one({ account: 'Busy', revenue: 5_000, service: 1_000, meetings: 10, calls: 20 });
    expect(a.interactionCost).toBe(3_000);
    expect(a.totalCost).toBe(1_000);
    expect(a.profit).toBe(4_000);
    expect(a.margin).toBe(0.8);
  });
  it('follows the assumptions: dailyRate 800, hoursPerDay 10, meetingHours 2, callHours 0.5', () => {
    const a = one(
      { account: 'A', revenue: 1_000, meetings: 3, calls: 2 },
      assumptions({ dailyRate: 800, hoursPerDay: 10, meetingHours: 2, callHours: 0.5 }),
    );
    // 80 an hour: 3 * 2 * 80 + 2 * 0.5 * 80 = 480 + 80
    expect(a.interactionCost).toBe(560);
  });
});

describe('revenuePerInteraction', () => {
  it('is revenue / (meetings + calls)', () => {
    expect(one({ account: 'A', revenue: 1_000, meetings: 3, calls: 1 }).revenuePerInteraction).toBe(250);
  });
  it('is null with no interactions', () => {
    expect(one({ account: 'A', revenue: 1_000 }).revenuePerInteraction).toBeNull();
  });
  it('is 0 with interactions but no revenue', () => {
    expect(one({ account: 'A', revenue: 0, calls: 2 }).revenuePerInteraction).toBe(0);
  });
});

describe('clv', () => {
  it('is avgOrderValue * purchasesPerYear * lifespanYears when all three are given: 100 * 4 * 5 = 2000', () => {
    expect(one({ account: 'A', revenue: 999, avgOrderValue: 100, purchasesPerYear: 4, lifespanYears: 5 }).clv).toBe(2_000);
  });
  it('falls back to revenue * lifespanYears when lifespanYears is given but not the others', () => {
    expect(one({ account: 'A', revenue: 1_000, lifespanYears: 5 }).clv).toBe(5_000);
    expect(one({ account: 'B', revenue: 1_000, avgOrderValue: 100, lifespanYears: 5 }).clv).toBe(5_000);
  });
  it('falls back to revenue * defaultLifespanYears (3) when no lifespan is given', () => {
    expect(one({ account: 'A', revenue: 1_000 }).clv).toBe(3_000);
    // Two of three CLV inputs are not enough: still revenue * 3, not 100 * 4 * 3.
    expect(one({ account: 'B', revenue: 1_000, avgOrderValue: 100, purchasesPerYear: 4 }).clv).toBe(3_000);
  });
  it('uses the defaultLifespanYears assumption', () => {
    expect(one({ account: 'A', revenue: 1_000 }, assumptions({ defaultLifespanYears: 7 })).clv).toBe(7_000);
  });
  it('a given lifespan of 0 is used, not replaced by the default', () => {
    expect(one({ account: 'A', revenue: 1_000, lifespanYears: 0 }).clv).toBe(0);
  });
});

describe('lifetimeProfit', () => {
  it('is clv * margin', () => {
    // margin 0.75, clv 1000 * 3
    expect(one({ account: 'A', revenue: 1_000, service: 250 }).lifetimeProfit).toBe(2_250);
    // margin 0.5, clv 100 * 4 * 5
    expect(
      one({ account: 'B', revenue: 400, service: 200, avgOrderValue: 100, purchasesPerYear: 4, lifespanYears: 5 }).lifetimeProfit,
    ).toBe(1_000);
  });
  it('is negative for a loss-maker', () => {
    expect(one({ account: 'A', revenue: 1_000, service: 1_500 }).lifetimeProfit).toBe(-1_500);
  });
  it('is null when margin is null (revenue 0)', () => {
    const a = one({ account: 'A', revenue: 0, service: 10, avgOrderValue: 100, purchasesPerYear: 4, lifespanYears: 5 });
    expect(a.clv).toBe(2_000);
    expect(a.lifetimeProfit).toBeNull();
  });
});

describe('valueMultiple', () => {
  it('is valueDelivered / revenue', () => {
    expect(one({ account: 'A', revenue: 1_000, valueDelivered: 5_000 }).valueMultiple).toBe(5);
  });
  it('is 0 when the value delivered is 0', () => {
    expect(one({ account: 'A', revenue: 1_000, valueDelivered: 0 }).valueMultiple).toBe(0);
  });
  it('is null when valueDelivered is missing', () => {
    expect(one({ account: 'A', revenue: 1_000 }).valueMultiple).toBeNull();
  });
  it('is null when revenue is 0', () => {
    expect(one({ account: 'A', revenue: 0, valueDelivered: 100 }).valueMultiple).toBeNull();
  });
});

describe('expansionShare', () => {
  it('is (upsell + crossSell) / revenue', () => {
    expect(one({ account: 'A', revenue: 1_000, upsell: 100, crossSell: 150 }).expansionShare).toBe(0.25);
  });
  it('counts a missing one of the two as 0 when the other is given', () => {
    expect(one({ account: 'A', revenue: 1_000, upsell: 100 }).expansionShare).toBe(0.1);
    expect(one({ account: 'B', revenue: 1_000, crossSell: 200 }).expansionShare).toBe(0.2);
  });
  it('is 0, not null, when a 0 is given', () => {
    expect(one({ account: 'A', revenue: 1_000, upsell: 0 }).expansionShare).toBe(0);
  });
  it('is null when neither upsell nor crossSell is given', () => {
    expect(one({ account: 'A', revenue: 1_000 }).expansionShare).toBeNull();
  });
  it('is null when revenue is 0', () => {
    expect(one({ account: 'A', revenue: 0, upsell: 0, crossSell: 0 }).expansionShare).toBeNull();
  });
  it('is 1 when all revenue is expansion', () => {
    expect(one({ account: 'A', revenue: 500, upsell: 300, crossSell: 200 }).expansionShare).toBe(1);
  });
  it('a row with upsell + crossSell above revenue is refused', () => {
    expect(SheetRow.safeParse({ account: 'A', revenue: 100, upsell: 60, crossSell: 41 }).success).toBe(false);
  });
});

describe('npsCategory', () => {
  const cases: [number, string][] = [
    [0, 'detractor'],
    [3, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ];
  it.each(cases)('nps %i is a %s', (nps, category) => {
    expect(one({ account: 'A', revenue: 1, nps }).npsCategory).toBe(category);
  });
  it('is null when not rated', () => {
    expect(one({ account: 'A', revenue: 1 }).npsCategory).toBeNull();
  });
});

describe('a sheet of several accounts', () => {
  it('computes each account on its own, in input order, keeping its inputs', () => {
    const c = compute([
      { account: 'Big', owner: 'Ann', revenue: 2_000, production: 500, meetings: 2 },
      { account: 'Small', revenue: 100, service: 150, calls: 3 },
    ]);
    expect(c.accounts.map((x) => x.account)).toEqual(['Big', 'Small']);
    expect(c.get('Big')).toMatchObject({ owner: 'Ann', totalCost: 500, profit: 1_500, margin: 0.75, roi: 3, interactionCost: 400 });
    expect(c.get('Small')).toMatchObject({ owner: null, totalCost: 150, profit: -50, margin: -0.5, interactionCost: 150 });
  });
  it('an empty sheet gives no accounts', () => {
    expect(computeSheet([], DEFAULT_ASSUMPTIONS).accounts).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { SheetRowInput } from '../../../shared/schemas/row';
import { compute } from './helpers';

// Expected values are worked by hand from DOMAIN.md, "Portfolio metrics (one period)".

/**
 * Five accounts. Profits 600, 100, -40, -10, 0; total revenue 2100, totalCost 1450, profit 650.
 * Median revenue 300, portfolio margin 650 / 2100.
 */
const FIVE: SheetRowInput[] = [
  { account: 'A', owner: 'Ann', revenue: 1_000, presale: 50, production: 200, distribution: 30, service: 20, labour: 100, meetings: 2, calls: 1 },
  { account: 'B', owner: 'Bob', revenue: 500, production: 300, service: 100, calls: 4 },
  { account: 'C', owner: 'Ann', revenue: 200, service: 240, meetings: 1 },
  { account: 'D', revenue: 100, labour: 110 },
  { account: 'E', owner: 'Bob', revenue: 300, production: 300 },
];

describe('sums, roi and margin', () => {
  const p = compute(FIVE).portfolio;

  it('sums revenue, each bucket, totalCost and profit', () => {
    expect(p.count).toBe(5);
    expect(p.revenue).toBe(2_100);
    expect(p.presale).toBe(50);
    expect(p.production).toBe(800);
    expect(p.distribution).toBe(30);
    expect(p.service).toBe(360);
    expect(p.labour).toBe(210);
    expect(p.totalCost).toBe(1_450);
    expect(p.profit).toBe(650);
  });

  it('sums interactionCost, meetings and calls', () => {
    // A: 2 * 200 + 50, B: 4 * 50, C: 200
    expect(p.interactionCost).toBe(850);
    expect(p.meetings).toBe(3);
    expect(p.calls).toBe(5);
  });

  it('roi = sum profit / sum totalCost, margin = sum profit / sum revenue', () => {
    expect(p.roi).toBeCloseTo(650 / 1_450, 12);
    expect(p.margin).toBeCloseTo(650 / 2_100, 12);
  });

  it('roi and margin are null with no cost or no revenue', () => {
    const q = compute([{ account: 'A', revenue: 0 }]).portfolio;
    expect(q.roi).toBeNull();
    expect(q.margin).toBeNull();
  });

  it('an empty sheet sums to 0', () => {
    const q = compute([]).portfolio;
    expect(q).toMatchObject({ count: 0, revenue: 0, totalCost: 0, profit: 0, lossMakers: 0, profitGivenBack: 0 });
    expect(q.whaleCurve).toBeNull();
    expect(q.churnRate).toBeNull();
    expect(q.nps).toBeNull();
    expect(q.csat).toBeNull();
    expect(q.referralRate).toBeNull();
  });
});

describe('lossMakers and profitGivenBack', () => {
  it('count the accounts with profit < 0 (not 0) and give back the sum of their losses', () => {
    const p = compute(FIVE).portfolio;
    expect(p.lossMakers).toBe(2);
    expect(p.profitGivenBack).toBe(50);
  });
  it('are 0 when no account loses money', () => {
    const p = compute([
      { account: 'A', revenue: 10 },
      { account: 'B', revenue: 10, service: 10 },
    ]).portfolio;
    expect(p.lossMakers).toBe(0);
    expect(p.profitGivenBack).toBe(0);
  });
});

describe('whale curve', () => {
  it('is the cumulative share of profit, accounts by profit highest first, x = i / n', () => {
    // Order A 600, B 100, E 0, D -10, C -40: cumulative 600, 700, 700, 690, 650 of 650.
    const curve = compute(FIVE).portfolio.whaleCurve;
    expect(curve).not.toBeNull();
    const expected = [
      [0.2, 600 / 650],
      [0.4, 700 / 650],
      [0.6, 700 / 650],
      [0.8, 690 / 650],
      [1, 1],
    ];
    expect(curve).toHaveLength(5);
    curve!.forEach((pt, k) => {
      expect(pt.x).toBeCloseTo(expected[k]![0]!, 12);
      expect(pt.y).toBeCloseTo(expected[k]![1]!, 12);
    });
  });

  it('whalePeak is the highest y: 700 / 650', () => {
    expect(compute(FIVE).portfolio.whalePeak).toBeCloseTo(14 / 13, 12);
  });

  it('top20Share takes the first ceil(0.2 * 5) = 1 account: 600 / 650', () => {
    expect(compute(FIVE).portfolio.top20Share).toBeCloseTo(12 / 13, 12);
  });

  it('top20Share rounds the count up: ceil(0.2 * 6) = 2 accounts', () => {
    // Profits 50, 30, 10, 6, 4, 0: the first two earn 80 of 100.
    const p = compute([
      { account: 'a', revenue: 50 },
      { account: 'b', revenue: 30 },
      { account: 'c', revenue: 10 },
      { account: 'd', revenue: 6 },
      { account: 'e', revenue: 4 },
      { account: 'f', revenue: 0 },
    ]).portfolio;
    expect(p.top20Share).toBe(0.8);
    expect(p.whalePeak).toBe(1);
  });

  it('top20Share of 11 accounts takes ceil(2.2) = 3', () => {
    // Profits 40, 20, 10, 5 x 6, 0, 0 = 100: the first three earn 70.
    const sheet: SheetRowInput[] = [40, 20, 10, 5, 5, 5, 5, 5, 5, 0, 0].map((revenue, k) => ({ account: `acc${String(k).padStart(2, '0')}`, revenue }));
    expect(compute(sheet).portfolio.top20Share).toBe(0.7);
  });

  it('with a single profitable account the curve is one point at (1, 1)', () => {
    const p = compute([{ account: 'Only', revenue: 5 }]).portfolio;
    expect(p.whaleCurve).toEqual([{ x: 1, y: 1 }]);
    expect(p.whalePeak).toBe(1);
    expect(p.top20Share).toBe(1);
  });

  it('is null, with whalePeak and top20Share, when total profit is 0', () => {
    const p = compute([
      { account: 'Win', revenue: 100 },
      { account: 'Lose', revenue: 0, service: 100 },
    ]).portfolio;
    expect(p.profit).toBe(0);
    expect(p.whaleCurve).toBeNull();
    expect(p.whalePeak).toBeNull();
    expect(p.top20Share).toBeNull();
  });

  it('is null when total profit is negative', () => {
    const p = compute([
      { account: 'Win', revenue: 100 },
      { account: 'Lose', revenue: 0, service: 150 },
    ]).portfolio;
    expect(p.profit).toBe(-50);
    expect(p.whaleCurve).toBeNull();
    expect(p.whalePeak).toBeNull();
    expect(p.top20Share).toBeNull();
    expect(p.lossMakers).toBe(1);
    expect(p.profitGivenBack).toBe(150);
  });
});

describe('churnRate', () => {
  const customers = (n: number, status: 'active' | 'new' | 'churned', prefix: string): SheetRowInput[] =>
    Array.from({ length: n }, (_, k) => ({ account: `${prefix}${k}`, revenue: 100, status }));

  it('10 churned of 100 customers at the start of the period is 0.1; new accounts do not count', () => {
    const p = compute([...customers(90, 'active', 'act'), ...customers(10, 'churned', 'gone'), ...customers(25, 'new', 'won')]).portfolio;
    expect(p.count).toBe(125);
    expect(p.churnRate).toBe(0.1);
  });

  it('status defaults to active: 1 churned of 4', () => {
    const p = compute([
      { account: 'a', revenue: 1 },
      { account: 'b', revenue: 1 },
      { account: 'c', revenue: 1 },
      { account: 'd', revenue: 1, status: 'churned' },
      { account: 'e', revenue: 1, status: 'new' },
    ]).portfolio;
    expect(p.churnRate).toBe(0.25);
  });

  it('is 0 with none churned and null when no account was a customer at the start', () => {
    expect(compute(customers(3, 'active', 'a')).portfolio.churnRate).toBe(0);
    expect(compute(customers(3, 'new', 'n')).portfolio.churnRate).toBeNull();
  });
});

describe('nps', () => {
  it('is 100 * (promoters - detractors) / rated accounts', () => {
    // 10, 9, 9 promoters; 7 passive; 3 detractor; one not rated: 100 * (3 - 1) / 5 = 40.
    const p = compute([10, 9, 9, 7, 3, null].map((nps, k) => ({ account: `a${k}`, revenue: 1, nps }))).portfolio;
    expect(p.nps).toBe(40);
  });
  it('counts passives in the denominator: 8, 7, 6, 9 gives 0', () => {
    const p = compute([8, 7, 6, 9].map((nps, k) => ({ account: `a${k}`, revenue: 1, nps }))).portfolio;
    expect(p.nps).toBe(0);
  });
  it('spans -100 to 100', () => {
    expect(compute([0, 6].map((nps, k) => ({ account: `a${k}`, revenue: 1, nps }))).portfolio.nps).toBe(-100);
    expect(compute([9, 10].map((nps, k) => ({ account: `a${k}`, revenue: 1, nps }))).portfolio.nps).toBe(100);
  });
  it('is null when no account is rated', () => {
    expect(compute([{ account: 'a', revenue: 1 }]).portfolio.nps).toBeNull();
  });
});

describe('csat', () => {
  it('is the fraction of rated accounts rating 4 or 5', () => {
    // 5 and 4 of 5, 4, 3, 1 rated: 2 / 4; the unrated account is left out.
    const p = compute([5, 4, 3, 1, null].map((csat, k) => ({ account: `a${k}`, revenue: 1, csat }))).portfolio;
    expect(p.csat).toBe(0.5);
  });
  it('3 is not satisfied', () => {
    const p = compute([3, 3, 4].map((csat, k) => ({ account: `a${k}`, revenue: 1, csat }))).portfolio;
    expect(p.csat).toBeCloseTo(1 / 3, 12);
  });
  it('is null when no account is rated', () => {
    expect(compute([{ account: 'a', revenue: 1 }]).portfolio.csat).toBeNull();
  });
});

describe('upsell, crossSell, referrals and referralRate', () => {
  const p = compute([
    { account: 'a', revenue: 100, upsell: 10, crossSell: 5, referrals: 0 },
    { account: 'b', revenue: 100, upsell: 20, referrals: 2 },
    { account: 'c', revenue: 100, crossSell: 7, referrals: 1 },
    { account: 'd', revenue: 100 },
  ]).portfolio;

  it('sums upsell, crossSell and referrals over the accounts that give them', () => {
    expect(p.upsell).toBe(30);
    expect(p.crossSell).toBe(12);
    expect(p.referrals).toBe(3);
  });
  it('referralRate = accounts with at least one referral / accounts that give referrals', () => {
    expect(p.referralRate).toBeCloseTo(2 / 3, 12);
  });
  it('referralRate is null when no account gives referrals', () => {
    expect(compute([{ account: 'a', revenue: 1 }]).portfolio.referralRate).toBeNull();
  });
});

describe('bySegment', () => {
  // Median revenue 300, margin split 650 / 2100 = 0.31: A Protect; B (0.2) and E (300, 0) Fix; C, D Reassess; no Develop.
  const p = compute(FIVE).portfolio;

  it('always lists the four segments, in order Protect, Fix, Develop, Reassess', () => {
    expect(p.bySegment.map((s) => s.segment)).toEqual(['Protect', 'Fix', 'Develop', 'Reassess']);
    expect(compute([]).portfolio.bySegment.map((s) => s.segment)).toEqual(['Protect', 'Fix', 'Develop', 'Reassess']);
  });

  it('counts, sums, roi and profit share per segment', () => {
    const [protect, fix, develop, reassess] = p.bySegment;
    expect(protect).toMatchObject({ count: 1, revenue: 1_000, totalCost: 400, profit: 600, roi: 1.5 });
    expect(protect!.profitShare).toBeCloseTo(600 / 650, 12);
    expect(fix).toMatchObject({ count: 2, revenue: 800, totalCost: 700, profit: 100 });
    expect(fix!.roi).toBeCloseTo(1 / 7, 12);
    expect(fix!.profitShare).toBeCloseTo(100 / 650, 12);
    expect(develop).toMatchObject({ count: 0, revenue: 0, totalCost: 0, profit: 0, roi: null, profitShare: 0 });
    expect(reassess).toMatchObject({ count: 2, revenue: 300, totalCost: 350, profit: -50 });
    expect(reassess!.roi).toBeCloseTo(-1 / 7, 12);
    expect(reassess!.profitShare).toBeCloseTo(-50 / 650, 12);
  });

  it('carries the suggested focus of each segment', () => {
    const focus = Object.fromEntries(p.bySegment.map((s) => [s.segment, s.focus]));
    expect(focus.Protect).toMatch(/keep and deepen/i);
    expect(focus.Protect).toMatch(/service level/i);
    expect(focus.Fix).toMatch(/cut cost-to-serve/i);
    expect(focus.Fix).toMatch(/reprice/i);
    expect(focus.Develop).toMatch(/share of wallet/i);
    expect(focus.Develop).toMatch(/upsell/i);
    expect(focus.Reassess).toMatch(/service model/i);
    expect(focus.Reassess).toMatch(/let go/i);
  });

  it('profitShare is null when the portfolio makes no profit', () => {
    const q = compute([
      { account: 'Win', revenue: 100 },
      { account: 'Lose', revenue: 0, service: 150 },
    ]).portfolio;
    expect(q.bySegment.every((s) => s.profitShare === null)).toBe(true);
  });
});

describe('byOwner', () => {
  const p = compute(FIVE).portfolio;

  it('has one group per owner, the accounts with no owner last', () => {
    expect(p.byOwner).toHaveLength(3);
    expect(p.byOwner.map((o) => o.owner).slice(0, 2).sort()).toEqual(['Ann', 'Bob']);
    expect(p.byOwner[2]!.owner).toBeNull();
  });

  it('counts, sums, roi and profit share per owner', () => {
    const of = (owner: string | null) => p.byOwner.find((o) => o.owner === owner)!;
    expect(of('Ann')).toMatchObject({ count: 2, revenue: 1_200, totalCost: 640, profit: 560, roi: 0.875 });
    expect(of('Ann').profitShare).toBeCloseTo(560 / 650, 12);
    expect(of('Bob')).toMatchObject({ count: 2, revenue: 800, totalCost: 700, profit: 100 });
    expect(of('Bob').roi).toBeCloseTo(1 / 7, 12);
    expect(of(null)).toMatchObject({ count: 1, revenue: 100, totalCost: 110, profit: -10 });
    expect(of(null).roi).toBeCloseTo(-1 / 11, 12);
    expect(of(null).profitShare).toBeCloseTo(-10 / 650, 12);
  });

  it('keeps the no-owner group last even when it makes the most profit', () => {
    const q = compute([
      { account: 'x', revenue: 1_000 },
      { account: 'y', owner: 'Zoe', revenue: 10 },
      { account: 'z', owner: 'Al', revenue: 1 },
    ]).portfolio;
    expect(q.byOwner.map((o) => o.owner).at(-1)).toBeNull();
    expect(q.byOwner).toHaveLength(3);
  });

  it('has no no-owner group when every account has an owner', () => {
    const q = compute([
      { account: 'x', owner: 'Ann', revenue: 1 },
      { account: 'y', owner: 'Ann', revenue: 2 },
    ]).portfolio;
    expect(q.byOwner).toEqual([{ owner: 'Ann', count: 2, revenue: 3, totalCost: 0, profit: 3, roi: null, profitShare: 1 }]);
  });
});

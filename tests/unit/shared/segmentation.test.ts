import { describe, expect, it } from 'vitest';
import type { SheetRowInput } from '../../../shared/schemas/row';
import { assumptions, compute } from './helpers';

const segmentsOf = (c: ReturnType<typeof compute>) => Object.fromEntries(c.accounts.map((x) => [x.account, x.segment]));
const classesOf = (c: ReturnType<typeof compute>) => Object.fromEntries(c.accounts.map((x) => [x.account, x.paretoClass]));

describe('profitability matrix, default splits', () => {
  // Revenues 400, 300, 200, 100: the median is (200 + 300) / 2 = 250 (an even count averages the middle two).
  // Total revenue 1000, total profit 300 + 30 + 160 + 10 = 500: portfolio margin 0.5.
  const quadrants: SheetRowInput[] = [
    { account: 'P', revenue: 400, service: 100 }, // margin 0.75, big
    { account: 'F', revenue: 300, service: 270 }, // margin 0.1, big
    { account: 'D', revenue: 200, service: 40 }, // margin 0.8, small
    { account: 'R', revenue: 100, service: 90 }, // margin 0.1, small
  ];

  it('uses the median revenue (mean of the middle two for an even count) and the portfolio margin', () => {
    const c = compute(quadrants);
    expect(c.portfolio.revenueSplit).toBe(250);
    expect(c.portfolio.marginSplit).toBe(0.5);
  });

  it('puts each account in its quadrant', () => {
    expect(segmentsOf(compute(quadrants))).toEqual({ P: 'Protect', F: 'Fix', D: 'Develop', R: 'Reassess' });
  });

  it('the median of an odd count is the middle value, whatever the input order', () => {
    const c = compute([
      { account: 'A', revenue: 900 },
      { account: 'B', revenue: 10 },
      { account: 'C', revenue: 70 },
      { account: 'D', revenue: 5 },
      { account: 'E', revenue: 300 },
    ]);
    expect(c.portfolio.revenueSplit).toBe(70);
  });

  it('the median is numeric, not by text (100 < 20 as text)', () => {
    const c = compute([
      { account: 'A', revenue: 100 },
      { account: 'B', revenue: 20 },
      { account: 'C', revenue: 3 },
    ]);
    expect(c.portfolio.revenueSplit).toBe(20);
  });

  it('an empty sheet has splits of 0', () => {
    const c = compute([]);
    expect(c.portfolio.revenueSplit).toBe(0);
    expect(c.portfolio.marginSplit).toBe(0);
  });

  it('marginSplit is 0 when the portfolio has no revenue', () => {
    const c = compute([{ account: 'A', revenue: 0, service: 10 }]);
    expect(c.portfolio.marginSplit).toBe(0);
  });
});

describe('ties go to the high side', () => {
  // Revenues 500, 250, 250, 100, 50: median 250. Profits 400 + 125 + 50 + 50 - 50 = 575 of 1150: margin 0.5.
  const ties: SheetRowInput[] = [
    { account: 'P', revenue: 500, service: 100 }, // 0.8, big
    { account: 'X', revenue: 250, service: 125 }, // revenue = split, margin = split
    { account: 'W', revenue: 250, service: 200 }, // revenue = split, margin 0.2
    { account: 'Z', revenue: 100, service: 50 }, // small, margin = split
    { account: 'Q', revenue: 50, service: 100 }, // small, margin -1
  ];

  it('the splits are 250 and 0.5', () => {
    const c = compute(ties);
    expect(c.portfolio.revenueSplit).toBe(250);
    expect(c.portfolio.marginSplit).toBe(0.5);
  });

  it('revenue equal to the split is big, margin equal to the split is good', () => {
    expect(segmentsOf(compute(ties))).toEqual({ P: 'Protect', X: 'Protect', W: 'Fix', Z: 'Develop', Q: 'Reassess' });
  });

  it('ties also go high against splits set in the assumptions', () => {
    const c = compute(
      [
        { account: 'A', revenue: 1_000, service: 800 }, // margin 0.2
        { account: 'B', revenue: 999, service: 899 }, // just under the revenue split
      ],
      assumptions({ revenueSplit: 1_000, marginSplit: 0.2 }),
    );
    expect(c.get('A').segment).toBe('Protect');
    expect(c.get('B').segment).toBe('Reassess');
  });
});

describe('revenue 0', () => {
  it('is Reassess even when the splits would make it big and good', () => {
    const c = compute(
      [
        { account: 'None', revenue: 0 },
        { account: 'Some', revenue: 10 },
      ],
      assumptions({ revenueSplit: 0, marginSplit: -100 }),
    );
    expect(c.get('None').segment).toBe('Reassess');
    expect(c.get('Some').segment).toBe('Protect');
  });

  it('is Reassess under the default splits', () => {
    const c = compute([
      { account: 'None', revenue: 0 },
      { account: 'Some', revenue: 10, service: 5 },
    ]);
    expect(c.get('None').segment).toBe('Reassess');
  });
});

describe('segmentOverride', () => {
  it('wins over the matrix', () => {
    const c = compute([
      { account: 'P', revenue: 400, service: 100, segmentOverride: 'Reassess' },
      { account: 'F', revenue: 300, service: 270, segmentOverride: 'Develop' },
      { account: 'D', revenue: 200, service: 40 },
      { account: 'R', revenue: 100, service: 90, segmentOverride: 'Protect' },
    ]);
    expect(segmentsOf(c)).toEqual({ P: 'Reassess', F: 'Develop', D: 'Develop', R: 'Protect' });
  });

  it('does not change the splits the others are judged by', () => {
    const c = compute([
      { account: 'P', revenue: 400, service: 100, segmentOverride: 'Reassess' },
      { account: 'F', revenue: 300, service: 270 },
      { account: 'D', revenue: 200, service: 40 },
      { account: 'R', revenue: 100, service: 90 },
    ]);
    expect(c.portfolio.revenueSplit).toBe(250);
    expect(c.portfolio.marginSplit).toBe(0.5);
    expect(c.get('F').segment).toBe('Fix');
  });
});

describe('splits from the assumptions', () => {
  const sheet: SheetRowInput[] = [
    { account: 'P', revenue: 400, service: 100 }, // 0.75
    { account: 'F', revenue: 300, service: 270 }, // 0.1
    { account: 'D', revenue: 200, service: 40 }, // 0.8
    { account: 'R', revenue: 100, service: 90 }, // 0.1
  ];

  it('revenueSplit overrides the median', () => {
    const c = compute(sheet, assumptions({ revenueSplit: 150 }));
    expect(c.portfolio.revenueSplit).toBe(150);
    expect(c.portfolio.marginSplit).toBe(0.5);
    expect(segmentsOf(c)).toEqual({ P: 'Protect', F: 'Fix', D: 'Protect', R: 'Reassess' });
  });

  it('marginSplit overrides the portfolio margin', () => {
    const c = compute(sheet, assumptions({ marginSplit: 0.05 }));
    expect(c.portfolio.revenueSplit).toBe(250);
    expect(c.portfolio.marginSplit).toBe(0.05);
    expect(segmentsOf(c)).toEqual({ P: 'Protect', F: 'Protect', D: 'Develop', R: 'Develop' });
  });

  it('both together', () => {
    const c = compute(sheet, assumptions({ revenueSplit: 350, marginSplit: 0.76 }));
    expect(segmentsOf(c)).toEqual({ P: 'Fix', F: 'Reassess', D: 'Develop', R: 'Reassess' });
  });

  it('a split of 0 is used as a number, not taken as "not set"', () => {
    const c = compute(sheet, assumptions({ revenueSplit: 0, marginSplit: 0 }));
    expect(c.portfolio.revenueSplit).toBe(0);
    expect(c.portfolio.marginSplit).toBe(0);
    expect(segmentsOf(c)).toEqual({ P: 'Protect', F: 'Protect', D: 'Protect', R: 'Protect' });
  });
});

describe('Pareto class', () => {
  it('hand-worked: profits 50, 30, 10, 6, 4, -5', () => {
    // Positive total 100; 80% = 80, 95% = 95. Cumulative before each: 0 A, 50 A, 80 B, 90 B, 96 C; -5 is D.
    const c = compute([
      { account: 'e', revenue: 4 },
      { account: 'a', revenue: 50 },
      { account: 'f', revenue: 0, service: 5 },
      { account: 'c', revenue: 10 },
      { account: 'b', revenue: 30 },
      { account: 'd', revenue: 6 },
    ]);
    expect(classesOf(c)).toEqual({ a: 'A', b: 'A', c: 'B', d: 'B', e: 'C', f: 'D' });
  });

  it('profit 0 is D', () => {
    const c = compute([
      { account: 'Win', revenue: 100 },
      { account: 'Even', revenue: 100, service: 100 },
    ]);
    expect(classesOf(c)).toEqual({ Win: 'A', Even: 'D' });
  });

  it('all D when no account makes a profit', () => {
    const c = compute([
      { account: 'x', revenue: 0 },
      { account: 'y', revenue: 10, service: 20 },
    ]);
    expect(classesOf(c)).toEqual({ x: 'D', y: 'D' });
  });

  it('the 80% and 95% marks are computed over the positive total only', () => {
    // Positive total 100 (a loss of 60 does not shrink it): before = 0 A, 70 A, 85 B, 95 C.
    const c = compute([
      { account: 'a', revenue: 70 },
      { account: 'b', revenue: 15 },
      { account: 'c', revenue: 10 },
      { account: 'd', revenue: 5 },
      { account: 'loss', revenue: 0, service: 60 },
    ]);
    expect(classesOf(c)).toEqual({ a: 'A', b: 'A', c: 'B', d: 'C', loss: 'D' });
  });

  it('a single profitable account is A', () => {
    expect(classesOf(compute([{ account: 'Only', revenue: 1 }]))).toEqual({ Only: 'A' });
  });

  it('ties in profit are broken by name', () => {
    // Profits 75, 15, 5, 5 of 100: before = 0 A, 75 A, 90 B, 95 C. Of the two 5s, Ant comes first.
    const sheet: SheetRowInput[] = [
      { account: 'Zed', revenue: 5 },
      { account: 'Ant', revenue: 5 },
      { account: 'Big', revenue: 75 },
      { account: 'Mid', revenue: 15 },
    ];
    expect(classesOf(compute(sheet))).toEqual({ Big: 'A', Mid: 'A', Ant: 'B', Zed: 'C' });
    // The input order does not matter.
    expect(classesOf(compute([...sheet].reverse()))).toEqual({ Big: 'A', Mid: 'A', Ant: 'B', Zed: 'C' });
  });

  it('the name order of ties ignores case (as whale.ts documents): "ant" before "Zed"', () => {
    const c = compute([
      { account: 'Zed', revenue: 5 },
      { account: 'ant', revenue: 5 },
      { account: 'Big', revenue: 75 },
      { account: 'Mid', revenue: 15 },
    ]);
    expect(classesOf(c)).toEqual({ Big: 'A', Mid: 'A', ant: 'B', Zed: 'C' });
  });
});

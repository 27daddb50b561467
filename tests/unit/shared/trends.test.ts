import { describe, expect, it } from 'vitest';
import { toColumns } from '../../../shared/engine/columns';
import { trends } from '../../../shared/engine/trends';
import { describeMove, segmentMoveCauses } from '../../../shared/engine/segment-moves';
import { explainSegmentChanges } from '../../../shared/engine/trend-moves';
import { DEFAULT_ASSUMPTIONS } from '../../../shared/schemas/assumptions';
import type { SheetRowInput } from '../../../shared/schemas/row';
import { assumptions, rows } from './helpers';

// DOMAIN.md, "Periods". Worked by hand:
// Q1: A 400/100 (300, 0.75), B 300/270 (30, 0.1), C 100/10 (90, 0.9). Revenue 800, profit 420,
//     margin 0.525, median 300: A Protect, B Fix (300 = split), C Develop.
// Q2: A 400/350 (50, 0.125), C 500/100 (400, 0.8), D 100/100 (0, 0). Revenue 1000, profit 450,
//     margin 0.45, median 400: A Fix, C Protect, D Reassess.
// Q3: B 100/0 only: median 100, margin 1: B Protect (ties high).
const Q1: SheetRowInput[] = [
  { account: 'A', revenue: 400, service: 100 },
  { account: 'B', revenue: 300, service: 270 },
  { account: 'C', revenue: 100, service: 10 },
];
const Q2: SheetRowInput[] = [
  { account: 'A', revenue: 400, service: 350 },
  { account: 'c', revenue: 500, service: 100 },
  { account: 'D', revenue: 100, service: 100 },
];
const Q3: SheetRowInput[] = [{ account: 'B', revenue: 100 }];

const periods = [
  { label: '2026-Q1', columns: toColumns(rows(Q1)) },
  { label: '2026-Q2', columns: toColumns(rows(Q2)) },
  { label: '2026-Q3', columns: toColumns(rows(Q3)) },
];
const t = trends(periods, DEFAULT_ASSUMPTIONS);
const account = (name: string) => t.accounts.find((x) => x.account.toLowerCase() === name.toLowerCase())!;

describe('trends: portfolio figures per period', () => {
  it('lists the periods in order', () => {
    expect(t.periods.map((p) => p.period)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
  });
  it('each with its own figures', () => {
    const [q1, q2, q3] = t.periods.map((p) => p.portfolio);
    expect(q1).toMatchObject({ count: 3, revenue: 800, totalCost: 380, profit: 420, margin: 0.525, revenueSplit: 300 });
    expect(q2).toMatchObject({ count: 3, revenue: 1_000, totalCost: 550, profit: 450, margin: 0.45, revenueSplit: 400 });
    expect(q3).toMatchObject({ count: 1, revenue: 100, totalCost: 0, profit: 100, margin: 1, roi: null });
  });
  it('one-number figures only: no whale curve, bySegment or byOwner', () => {
    const q1 = t.periods[0]!.portfolio as Record<string, unknown>;
    expect(q1.whaleCurve).toBeUndefined();
    expect(q1.bySegment).toBeUndefined();
    expect(q1.byOwner).toBeUndefined();
    expect(q1.whalePeak).toBeCloseTo(1, 12);
  });
  it('no periods, no trends', () => {
    expect(trends([], DEFAULT_ASSUMPTIONS)).toEqual({ periods: [], accounts: [], segmentChanges: [] });
  });
});

describe('trends: each account over time', () => {
  it('has one entry per account, matched case-insensitively across periods', () => {
    expect(t.accounts).toHaveLength(4);
    expect(t.accounts.map((a) => a.account.toLowerCase()).sort()).toEqual(['a', 'b', 'c', 'd']);
  });
  it('a point per period: profit, roi, segment, and the revenue and margin that placed it', () => {
    expect(account('A').points).toEqual([
      { period: '2026-Q1', profit: 300, roi: 3, segment: 'Protect', revenue: 400, margin: 0.75, pinned: false },
      { period: '2026-Q2', profit: 50, roi: 50 / 350, segment: 'Fix', revenue: 400, margin: 0.125, pinned: false },
      null,
    ]);
  });
  it('null where the account has no row', () => {
    expect(account('B').points).toEqual([
      { period: '2026-Q1', profit: 30, roi: 30 / 270, segment: 'Fix', revenue: 300, margin: 0.1, pinned: false },
      null,
      { period: '2026-Q3', profit: 100, roi: null, segment: 'Protect', revenue: 100, margin: 1, pinned: false },
    ]);
    expect(account('D').points).toEqual([null, { period: '2026-Q2', profit: 0, roi: 0, segment: 'Reassess', revenue: 100, margin: 0, pinned: false }, null]);
  });
  it('C and c are the same account', () => {
    expect(account('C').points).toEqual([
      { period: '2026-Q1', profit: 90, roi: 9, segment: 'Develop', revenue: 100, margin: 0.9, pinned: false },
      { period: '2026-Q2', profit: 400, roi: 4, segment: 'Protect', revenue: 500, margin: 0.8, pinned: false },
      null,
    ]);
  });
});

describe('trends: segment changes', () => {
  it('lists every move from one segment to another', () => {
    expect(t.segmentChanges).toHaveLength(3);
    expect(t.segmentChanges).toEqual(
      expect.arrayContaining([
        { account: 'A', fromPeriod: '2026-Q1', toPeriod: '2026-Q2', from: 'Protect', to: 'Fix' },
        expect.objectContaining({ fromPeriod: '2026-Q1', toPeriod: '2026-Q2', from: 'Develop', to: 'Protect' }),
        // B skips Q2: the move is compared from the last period it had a row in.
        { account: 'B', fromPeriod: '2026-Q1', toPeriod: '2026-Q3', from: 'Fix', to: 'Protect' },
      ]),
    );
  });
  it('none when no account moves', () => {
    const same = trends(
      [
        { label: 'FY2025', columns: toColumns(rows(Q1)) },
        { label: 'FY2026', columns: toColumns(rows(Q1)) },
      ],
      DEFAULT_ASSUMPTIONS,
    );
    expect(same.segmentChanges).toEqual([]);
    expect(same.periods[0]!.portfolio).toEqual(same.periods[1]!.portfolio);
  });
  it('segments follow the assumptions and the overrides', () => {
    // With revenueSplit 350 in both periods: Q1 A Protect, B Reassess, C Develop; Q2 A Fix, c Protect, D Reassess.
    const withSplit = trends(periods.slice(0, 2), assumptions({ revenueSplit: 350 }));
    expect(withSplit.periods.map((p) => p.portfolio.revenueSplit)).toEqual([350, 350]);
    const b = withSplit.accounts.find((x) => x.account === 'B')!;
    expect(b.points[0]!.segment).toBe('Reassess');
    const pinned = trends(
      [
        { label: 'P1', columns: toColumns(rows([{ ...Q1[0]!, segmentOverride: 'Fix' }, Q1[1]!, Q1[2]!])) },
        { label: 'P2', columns: toColumns(rows(Q2)) },
      ],
      DEFAULT_ASSUMPTIONS,
    );
    // A pinned to Fix in P1 and Fix by the matrix in P2: no move for A.
    expect(pinned.segmentChanges.filter((c) => c.account === 'A')).toEqual([]);
    expect(pinned.accounts.find((x) => x.account === 'A')!.points.map((p) => p?.pinned)).toEqual([true, false]);
  });
});

describe('trends: why an account changed segment', () => {
  const why = new Map(explainSegmentChanges(t, 'USD').map(({ change, why }) => [change.account.toLowerCase(), why]));
  it('names the account’s own figure that crossed a split', () => {
    // A kept its revenue of 400 (split 300, then 400: still on the high side); its margin fell from 75% to 12.5%, under Q2's 45%.
    expect(why.get('a')).toBe('Its margin went from 75.0% to 12.5% (split 45.0%)');
    // C's revenue rose from 100 to 500, over both splits; its margin stayed above them.
    expect(why.get('c')).toBe('Its revenue went from $100 to $500 (split $400)');
  });
  it('leaves out the axis on which the account stayed put', () => {
    // B's revenue fell from 300 to 100 and the revenue split with it (300, then 100): on the high side both times.
    // Its margin of 10% was under Q1's 52.5%; in Q3 it is 100%, the split too (ties high).
    expect(why.get('b')).toBe('Its margin went from 10.0% to 100.0% (split 100.0%)');
  });
  it('moves of the splits alone, and pinned segments, in words', () => {
    const split = segmentMoveCauses({ revenue: 350, margin: 0.3, pinned: false }, { revenue: 350, margin: 0.3, pinned: false }, { revenueSplit: 300, marginSplit: 0.2 }, { revenueSplit: 400, marginSplit: 0.2 });
    expect(split).toEqual([{ kind: 'revenueSplit', before: 300, after: 400, value: 350 }]);
    expect(describeMove(split, 'EUR')).toBe('The revenue split moved from €300 to €400, past its €350');
    const both = segmentMoveCauses({ revenue: 350, margin: 0.3, pinned: false }, { revenue: 320, margin: 0.3, pinned: false }, { revenueSplit: 300, marginSplit: 0.2 }, { revenueSplit: 330, marginSplit: 0.2 });
    // Neither the fall to 320 alone (still over 300) nor the split's rise alone (350 over 330) moves it: both together do.
    expect(both.map((c) => c.kind)).toEqual(['revenue', 'revenueSplit']);
    expect(segmentMoveCauses({ revenue: 1, margin: 1, pinned: true }, { revenue: 1, margin: 1, pinned: false }, { revenueSplit: 0, marginSplit: 0 }, { revenueSplit: 0, marginSplit: 0 })).toEqual([{ kind: 'pinned' }]);
    expect(describeMove([{ kind: 'pinned' }], 'USD')).toBe('Its segment is pinned in the sheet');
  });
});

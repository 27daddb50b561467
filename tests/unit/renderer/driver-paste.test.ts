import { describe, expect, it } from 'vitest';
import { activityColumn, activityOf, planDriverPaste, readCount, withCounts } from '../../../renderer/src/features/pools/driverPaste';
import { PoolSetup } from '../../../shared/schemas/pools';

const cols = ['account', activityColumn('Orders'), activityColumn('Inquiries'), 'allocated'];
const accounts = ['Acme', 'Beta', 'Cara'];
const headerOf = (col: string) => activityOf(col) ?? (col === 'account' ? 'Account' : 'Allocated');
const plan = (grid: string[][], top: number, left: number) => planDriverPaste(grid, { top, left }, cols, (r) => accounts[r], headerOf);

describe('the drivers grid: counts typed and pasted', () => {
  it('reads counts as people type them, a blank as none, and refuses what is not a count', () => {
    expect(readCount('1,200')).toEqual({ ok: true, value: 1200 });
    expect(readCount(' 40 ')).toEqual({ ok: true, value: 40 });
    expect(readCount('')).toEqual({ ok: true, value: 0 });
    expect(readCount('-3')).toEqual({ ok: false, rule: 'must be a count, 0 or more' });
    expect(readCount('12%')).toEqual({ ok: false, rule: 'is a percentage, not a count' });
    expect(readCount('lots').ok).toBe(false);
  });

  it('turns a block into the counts it sets, column by activity', () => {
    const { cells, problems } = plan([['30000', '400'], ['15,000', '']], 0, 1);
    expect(problems).toEqual([]);
    expect(cells).toEqual([
      { account: 'Acme', activity: 'Orders', count: 30_000 },
      { account: 'Acme', activity: 'Inquiries', count: 400 },
      { account: 'Beta', activity: 'Orders', count: 15_000 },
      { account: 'Beta', activity: 'Inquiries', count: 0 },
    ]);
  });

  it('checks the block whole and names each problem by row, account and column', () => {
    const bad = plan([['10', 'x'], ['5', '6'], ['1', '2']], 1, 1);
    expect(bad.problems.map((p) => p.text)).toEqual([
      'row 2 (Beta), column Inquiries: value "x" ' + (readCount('x') as { rule: string }).rule,
      'the block runs past the last account (row 4)',
      'the block runs past the last account (row 4)',
    ]);
    expect(plan([['1', '2', '3']], 0, 2).problems.map((p) => p.text)).toEqual([
      'row 1 (Acme), column Allocated is not a driver count and cannot be pasted into',
      'the block runs past the last column',
    ]);
    expect(plan([['Zed']], 0, 0).problems[0]!.text).toBe('row 1 (Acme), column Account is not a driver count and cannot be pasted into');
  });

  it('puts the counts in place of the ones they name, whatever the case, and a 0 removes the count', () => {
    const setup = PoolSetup.parse({
      pools: [],
      drivers: [
        { account: 'Acme', activity: 'Orders', count: 1 },
        { account: 'Beta', activity: 'Orders', count: 2 },
        { account: 'Cara', activity: 'Inquiries', count: 3 },
      ],
      modes: {},
    });
    const next = withCounts(setup, [
      { account: 'acme', activity: 'orders', count: 9 },
      { account: 'Beta', activity: 'Orders', count: 0 },
    ]);
    expect(next.drivers).toEqual([
      { account: 'Cara', activity: 'Inquiries', count: 3 },
      { account: 'acme', activity: 'orders', count: 9 },
    ]);
    expect(setup.drivers).toHaveLength(3);
  });
});

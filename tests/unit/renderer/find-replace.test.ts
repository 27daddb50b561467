import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../shared/format';
import { SheetRow } from '../../../shared/schemas/row';
import { countText, findMatches, planReplace, replacedText, stepMatch, type FindOptions, type FindTable } from '../../../renderer/src/features/sheet/findReplace';

const rows: SheetRow[] = [
  SheetRow.parse({ account: 'Acme', owner: 'Alice Moreau', revenue: 1200, presale: 100 }),
  SheetRow.parse({ account: 'Beta Corp', owner: 'alice moreau', revenue: 51200, presale: 0 }),
  SheetRow.parse({ account: 'Cara', owner: 'Ben Okafor', revenue: 900, presale: 12 }),
];
const HEADERS: Record<string, string> = { account: 'Account', owner: 'Owner', revenue: 'Revenue', presale: 'Presale', profit: 'Profit' };

/** The sheet as the panel sees it: account, owner, revenue, presale and a computed profit, each money cell shown as "$1,200". */
function table(only?: string[]): FindTable {
  const ids = only ?? ['account', 'owner', 'revenue', 'presale', 'profit'];
  return {
    columns: ids.map((id) => ({ id, header: HEADERS[id]!, replaceable: id !== 'profit' })),
    rows: rows.map((r, k) => ({ display: k, source: k, account: r.account })),
    cell: (row, col) => {
      const r = rows[row.source]!;
      const value = col.id === 'profit' ? r.revenue - r.presale : (r as unknown as Record<string, unknown>)[col.id];
      return { value, shown: () => (typeof value === 'number' ? formatMoney(value, 'USD') : String(value ?? '')) };
    },
  };
}
const opts = (text: string, more: Partial<FindOptions> = {}): FindOptions => ({ text, matchCase: false, wholeCell: false, ...more });
const where = (t: FindTable, o: FindOptions) => findMatches(t, o).map((m) => `${m.account}/${m.col}`);

describe('find in the sheet', () => {
  it('finds text in any case, or only in its own with Match case', () => {
    expect(where(table(), opts('alice'))).toEqual(['Acme/owner', 'Beta Corp/owner']);
    expect(where(table(), opts('Alice', { matchCase: true }))).toEqual(['Acme/owner']);
    expect(where(table(), opts('   '))).toEqual([]);
  });

  it('finds a number by its value however it is shown, and by what it shows', () => {
    expect(where(table(), opts('1200'))).toEqual(['Acme/revenue', 'Beta Corp/revenue', 'Beta Corp/profit']);
    expect(where(table(), opts('$1,2'))).toEqual(['Acme/revenue']);
    expect(where(table(), opts('1100'))).toEqual(['Acme/profit']);
  });

  it('with Whole cell, matches only a cell that is the text, or the same number written any way', () => {
    expect(where(table(), opts('1200', { wholeCell: true }))).toEqual(['Acme/revenue']);
    expect(where(table(), opts('$1,200', { wholeCell: true }))).toEqual(['Acme/revenue']);
    expect(where(table(), opts('alice moreau', { wholeCell: true }))).toEqual(['Acme/owner', 'Beta Corp/owner']);
    expect(where(table(), opts('alice moreau', { wholeCell: true, matchCase: true }))).toEqual(['Beta Corp/owner']);
    expect(where(table(), opts('Alice', { wholeCell: true }))).toEqual([]);
  });

  it('searches only the columns asked', () => {
    expect(where(table(['owner']), opts('a'))).toEqual(['Acme/owner', 'Beta Corp/owner', 'Cara/owner']);
  });

  it('steps from a cell to the next match and back, wrapping around', () => {
    const t = table();
    const order = t.columns.map((c) => c.id);
    const ms = findMatches(t, opts('a')); // Acme/account, Acme/owner, Beta Corp/account, Beta Corp/owner, Cara/account, Cara/owner
    expect(stepMatch(ms, null, order, false)).toBe(0);
    expect(stepMatch(ms, null, order, true)).toBe(ms.length - 1);
    expect(stepMatch(ms, { row: 0, col: 'owner' }, order, false)).toBe(2);
    expect(stepMatch(ms, { row: 0, col: 'revenue' }, order, false)).toBe(2);
    expect(stepMatch(ms, { row: 0, col: 'owner' }, order, true)).toBe(0);
    expect(stepMatch(ms, { row: 2, col: 'owner' }, order, false)).toBe(0);
    expect(stepMatch(ms, { row: 0, col: 'account' }, order, true)).toBe(ms.length - 1);
    expect(stepMatch([], null, order, false)).toBe(-1);
  });

  it('says where it is: "3 of 12"', () => {
    expect(countText(2, 12)).toBe('3 of 12');
    expect(countText(-1, 12)).toBe('12 matches');
    expect(countText(-1, 1)).toBe('1 match');
    expect(countText(-1, 0)).toBe('No matches');
  });
});

describe('replace in the sheet', () => {
  it('replaces every occurrence in a cell, in its case or any, or the whole cell', () => {
    const cell = { value: 'Alice and alice', shown: () => 'Alice and alice' };
    expect(replacedText(cell, opts('alice'), 'Bo')).toBe('Bo and Bo');
    expect(replacedText(cell, opts('alice', { matchCase: true }), 'Bo')).toBe('Alice and Bo');
    expect(replacedText(cell, opts('Alice and alice', { wholeCell: true }), 'Bo')).toBe('Bo');
    expect(replacedText({ value: 1200, shown: () => '$1,200' }, opts('12'), '15')).toBe('1500');
    expect(replacedText({ value: 1200, shown: () => '$1,200' }, opts('$1,2'), '$1,5')).toBe('$1,500');
    expect(replacedText({ value: 'x.y', shown: () => 'x.y' }, opts('.'), '$&')).toBe('x$&y');
  });

  it('plans Replace all as one patch per row, the computed matches left alone', () => {
    const t = table();
    const o = opts('1200');
    const plan = planReplace(findMatches(t, o), t, o, '1300', rows);
    expect(plan.problems).toEqual([]);
    expect(plan.cells).toBe(2);
    expect(plan.computed).toBe(1);
    expect(plan.patches).toEqual([
      { index: 0, account: 'Acme', patch: { revenue: 1300 } },
      { index: 1, account: 'Beta Corp', patch: { revenue: 51300 } },
    ]);
    const p = opts('1100');
    const computedOnly = planReplace(findMatches(t, p), t, p, '5', rows);
    expect(computedOnly).toMatchObject({ cells: 0, computed: 1, patches: [] });
  });

  it('replaces an owner name in the Owner column only', () => {
    const t = table(['owner']);
    const o = opts('alice moreau', { wholeCell: true });
    const plan = planReplace(findMatches(t, o), t, o, 'Dana Scully', rows);
    expect(plan.patches.map((p) => p.patch)).toEqual([{ owner: 'Dana Scully' }, { owner: 'Dana Scully' }]);
  });

  it('refuses text in a number cell, naming the cell', () => {
    const t = table(['revenue']);
    const o = opts('1200', { wholeCell: true });
    const plan = planReplace(findMatches(t, o), t, o, 'lots', rows);
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0]).toMatchObject({ row: 0, col: 'revenue' });
    expect(plan.problems[0]!.text).toMatch(/^row 1 \(Acme\), column Revenue: "lots" /);
  });

  it('refuses a row the schema refuses, such as a negative or a count with decimals', () => {
    const t = table(['presale']);
    const o = opts('12', { wholeCell: true });
    expect(planReplace(findMatches(t, o), t, o, '-5', rows).problems[0]!.text).toContain('row 3 (Cara), column Presale');
  });

  it('refuses to give two accounts one name, naming both', () => {
    const t = table(['account']);
    const o = opts('Beta Corp', { wholeCell: true });
    const plan = planReplace(findMatches(t, o), t, o, ' ACME ', rows);
    expect(plan.problems.map((p) => p.text)).toEqual(['renaming Beta Corp to "ACME" would give it the same name as Acme']);
    const fine = planReplace(findMatches(t, o), t, o, 'Beta Inc', rows);
    expect(fine.problems).toEqual([]);
    expect(fine.patches).toEqual([{ index: 1, account: 'Beta Corp', patch: { account: 'Beta Inc' } }]);
  });
});

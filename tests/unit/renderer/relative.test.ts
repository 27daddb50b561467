import { describe, expect, it } from 'vitest';
import { applyRelative, describeRelative, parseRelative, type RelativeChange } from '../../../renderer/src/features/sheet/relative';
import { planRelative, takesRelative } from '../../../renderer/src/features/sheet/relativePlan';
import type { ShownRow } from '../../../renderer/src/features/sheet/fillPlan';
import { SheetRow } from '../../../shared/schemas/row';

// Issue 24, item 3: +20, -15%, *1.1, /2 typed into a number cell change the value there.

const change = (text: string, decimalComma = false): RelativeChange => {
  const parsed = parseRelative(text, { decimalComma });
  if (!parsed?.ok) throw new Error(`${text} did not parse: ${JSON.stringify(parsed)}`);
  return parsed.change;
};

describe('relative entry, parsed', () => {
  it('reads the four operations, with percentages', () => {
    expect(change('+20')).toEqual({ kind: 'add', amount: 20 });
    expect(change('-15%')).toEqual({ kind: 'percent', fraction: -0.15 });
    expect(change('+10%')).toEqual({ kind: 'percent', fraction: 0.1 });
    expect(change('*1.1')).toEqual({ kind: 'multiply', factor: 1.1 });
    expect(change('×110%')).toEqual({ kind: 'multiply', factor: 1.1 });
    expect(change('/2')).toEqual({ kind: 'divide', divisor: 2 });
    expect(change('÷ 4')).toEqual({ kind: 'divide', divisor: 4 });
    expect(change('-=20')).toEqual({ kind: 'add', amount: -20 });
    expect(change('+-20')).toEqual({ kind: 'add', amount: -20 });
    expect(change('*=2')).toEqual({ kind: 'multiply', factor: 2 });
  });

  it('reads the number as a cell is read: currency, thousands, decimal commas in that format', () => {
    expect(change('+$1,500')).toEqual({ kind: 'add', amount: 1500 });
    expect(change('+ 1 500 €')).toEqual({ kind: 'add', amount: 1500 });
    expect(change('*1,1', true)).toEqual({ kind: 'multiply', factor: 1.1 });
    expect(change('+1.234,5', true)).toEqual({ kind: 'add', amount: 1234.5 });
  });

  it('leaves values alone: a plain negative number, a plain number, text', () => {
    expect(parseRelative('-20')).toBeNull();
    expect(parseRelative('-1,200')).toBeNull();
    expect(parseRelative('1200')).toBeNull();
    expect(parseRelative('Acme')).toBeNull();
    expect(parseRelative('')).toBeNull();
  });

  it('names what is wrong', () => {
    expect(parseRelative('+abc')).toEqual({ ok: false, rule: 'must be a number after + (as in +20, -15%, *1.1, /2)' });
    expect(parseRelative('*')).toMatchObject({ ok: false, rule: expect.stringContaining('needs a number after *') });
    expect(parseRelative('/0')).toEqual({ ok: false, rule: 'cannot divide by 0' });
  });
});

describe('relative entry, applied and told', () => {
  it('revenue 1,000: +20 -> 1,020, -15% -> 850, *1.1 -> 1,100, /2 -> 500', () => {
    expect(applyRelative(change('+20'), 1000, 2)).toBe(1020);
    expect(applyRelative(change('-15%'), 1000, 2)).toBe(850);
    expect(applyRelative(change('*1.1'), 1000, 2)).toBe(1100);
    expect(applyRelative(change('/2'), 1000, 2)).toBe(500);
    expect(applyRelative(change('/3'), 1000, 2)).toBe(333.33);
    expect(applyRelative(change('*1.1'), 7, 0)).toBe(8);
  });

  it('says what it did in words', () => {
    expect(describeRelative(change('+20'), { cells: 12, columns: ['Revenue', 'Presale'] })).toBe('Added 20 to 12 cells of Revenue and Presale');
    expect(describeRelative(change('-15%'), { cells: 3, columns: ['Revenue'] })).toBe('Lowered 3 cells of Revenue by 15%');
    expect(describeRelative(change('+12.5%'), { cells: 2, columns: ['Presale', 'Production', 'Labour'] })).toBe('Raised 2 cells of Presale, Production and Labour by 12.5%');
    expect(describeRelative(change('-=1500'), { cells: 1, columns: ['Revenue'], account: 'Acme' })).toBe('Took 1,500 off Revenue of Acme');
    expect(describeRelative(change('*1.1'), { cells: 1, columns: ['Revenue'], account: 'Acme' })).toBe('Multiplied Revenue of Acme by 1.1');
    expect(describeRelative(change('/2'), { cells: 4, columns: ['Calls'] })).toBe('Divided 4 cells of Calls by 2');
  });
});

describe('relative entry over a block, planned whole', () => {
  const rows = [
    SheetRow.parse({ account: 'Acme', owner: '+Ann', revenue: 1000, presale: 100, csat: 4 }),
    SheetRow.parse({ account: 'Beta', revenue: 2000, presale: 30 }),
  ];
  const rowAt = (r: number): ShownRow | null => (rows[r] ? { index: r, row: rows[r]! } : null);
  const header = (c: string) => c[0]!.toUpperCase() + c.slice(1);

  it('changes the number cells with values, and leaves text, computed and empty cells alone', () => {
    expect(takesRelative('revenue')).toBe(true);
    expect(takesRelative('owner')).toBe(false);
    expect(takesRelative('status')).toBe(false);
    expect(takesRelative('profit')).toBe(false);
    const plan = planRelative(change('+1'), { rows: [0, 1], cols: ['owner', 'revenue', 'presale', 'csat', 'profit'] }, rowAt, header);
    expect(plan.problems).toEqual([]);
    expect(plan.patches).toEqual([
      { index: 0, account: 'Acme', patch: { revenue: 1001, presale: 101, csat: 5 } },
      { index: 1, account: 'Beta', patch: { revenue: 2001, presale: 31 } },
    ]);
    expect(plan.cells).toBe(5);
    expect(plan.columns).toEqual(['revenue', 'presale', 'csat']);
  });

  it('refuses the whole change when one result breaks a rule, naming the cell', () => {
    const plan = planRelative(change('-=50'), { rows: [0, 1], cols: ['presale'] }, rowAt, header);
    expect(plan.problems).toEqual([{ row: 1, col: 'presale', text: 'row 2 (Beta), column Presale would be -20: it must be 0 or more' }]);
    const rating = planRelative(change('+2'), { rows: [0], cols: ['csat'] }, rowAt, header);
    expect(rating.problems[0]).toMatchObject({ row: 0, col: 'csat' });
  });
});

import { describe, expect, it } from 'vitest';
import { continueSeries, repeatSource, seriesStep } from '../../../renderer/src/features/sheet/fill';
import { copyRequest, planFill, type ShownRow } from '../../../renderer/src/features/sheet/fillPlan';
import { SheetRow } from '../../../shared/schemas/row';

// Issue 24, item 1: the fill's values, as spreadsheets fill (pure), and a fill planned whole over the sheet's rows.

describe('a fill continues a series, or repeats its source', () => {
  it('continues two or more numbers with a constant step', () => {
    expect(continueSeries([1, 2, 3], 2)).toEqual([4, 5]);
    expect(continueSeries([10, 20], 3)).toEqual([30, 40, 50]);
    expect(continueSeries([100, 90, 80], 2)).toEqual([70, 60]);
    expect(continueSeries([1000, 1250.5], 2)).toEqual([1501, 1751.5]);
  });

  it('continues percentages (stored as fractions) without floating-point dust: 10%, 20% -> 30%', () => {
    expect(continueSeries([0.1, 0.2], 2)).toEqual([0.3, 0.4]);
    expect(continueSeries([0.05, 0.1, 0.15], 1)).toEqual([0.2]);
    expect(seriesStep([0.1, 0.2, 0.3])).toBe(0.1);
  });

  it('repeats a single value, text, blanks, an uneven step and an equal run', () => {
    expect(continueSeries([42], 3)).toEqual([42, 42, 42]);
    expect(continueSeries(['Ann'], 2)).toEqual(['Ann', 'Ann']);
    expect(continueSeries(['Ann', 'Bo'], 3)).toEqual(['Ann', 'Bo', 'Ann']);
    expect(continueSeries([1, 2, 4], 4)).toEqual([1, 2, 4, 1]);
    expect(continueSeries([5, null], 2)).toEqual([5, null]);
    expect(continueSeries([7, 7], 2)).toEqual([7, 7]);
    expect(seriesStep([1, 2, 4])).toBeNull();
    expect(seriesStep([3])).toBeNull();
  });

  it('a plain copy never continues, and nothing comes of nothing', () => {
    expect(repeatSource([1, 2], 3)).toEqual([1, 2, 1]);
    expect(continueSeries([], 3)).toEqual([]);
    expect(continueSeries([1, 2], 0)).toEqual([]);
  });
});

describe('a fill over the sheet, planned whole', () => {
  const cols = ['account', 'owner', 'revenue', 'presale', 'production', 'profit'];
  const header = (c: string) => ({ account: 'Account', owner: 'Owner', revenue: 'Revenue', presale: 'Presale', production: 'Production', profit: 'Profit' })[c] ?? c;
  const rows = [
    SheetRow.parse({ account: 'Acme', owner: 'Ann', revenue: 1000, presale: 100, production: 50 }),
    SheetRow.parse({ account: 'Beta', revenue: 2000, presale: 80, production: 60 }),
    SheetRow.parse({ account: 'Coda', revenue: 3000, presale: 60 }),
    SheetRow.parse({ account: 'Dune', revenue: 500, upsell: 400 }),
  ];
  const rowAt = (r: number): ShownRow | null => (rows[r] ? { index: r, row: rows[r]! } : null);

  it('Ctrl+D copies the first row of a block over the rest; a one-row block takes the row above', () => {
    const plan = planFill(copyRequest({ top: 0, bottom: 2, left: 3, right: 4 }, 'down')!, cols, rowAt, header);
    expect(plan.problems).toEqual([]);
    expect(plan.patches).toEqual([
      { index: 1, account: 'Beta', patch: { presale: 100, production: 50 } },
      { index: 2, account: 'Coda', patch: { presale: 100, production: 50 } },
    ]);
    expect(plan.cells).toBe(4);
    expect(plan.columns).toEqual(['presale', 'production']);
    expect(copyRequest({ top: 2, bottom: 2, left: 2, right: 2 }, 'down')).toEqual({ source: { top: 1, bottom: 1, left: 2, right: 2 }, axis: 'down', through: 2, how: 'copy' });
    expect(copyRequest({ top: 0, bottom: 0, left: 2, right: 2 }, 'down')).toBeNull();
  });

  it('Ctrl+R copies the first column over the rest', () => {
    const plan = planFill(copyRequest({ top: 0, bottom: 1, left: 3, right: 4 }, 'right')!, cols, rowAt, header);
    expect(plan.problems).toEqual([]);
    expect(plan.patches.map((p) => p.patch)).toEqual([{ production: 100 }, { production: 80 }]);
  });

  it('the handle continues a series down, and selects the source and the filled cells', () => {
    const plan = planFill({ source: { top: 0, bottom: 1, left: 2, right: 2 }, axis: 'down', through: 3, how: 'series' }, cols, rowAt, header);
    expect(plan.problems).toEqual([]);
    expect(plan.patches.map((p) => p.patch)).toEqual([{ revenue: 3000 }, { revenue: 4000 }]);
    expect(plan.covered).toEqual({ top: 0, bottom: 3, left: 2, right: 2 });
  });

  it('refuses a fill that breaks a rule anywhere, naming the cell, and plans nothing to save', () => {
    const steep = [SheetRow.parse({ account: 'Acme', revenue: 10, presale: 100 }), SheetRow.parse({ account: 'Beta', revenue: 10, presale: 40 }), SheetRow.parse({ account: 'Coda', revenue: 10 }), SheetRow.parse({ account: 'Dune', revenue: 10 })];
    const at = (r: number): ShownRow | null => (steep[r] ? { index: r, row: steep[r]! } : null);
    const negative = planFill({ source: { top: 0, bottom: 1, left: 3, right: 3 }, axis: 'down', through: 3, how: 'series' }, cols, at, header);
    expect(negative.problems.map((p) => [p.row, p.col])).toEqual([[2, 'presale'], [3, 'presale']]);
    expect(negative.problems[0]!.text).toBe('row 3 (Coda), column Presale would get -20: it must be 0 or more');
    // Revenue 300 copied over Dune, whose upsell is 400: a rule of the row, named at its cell.
    const rows2 = [SheetRow.parse({ account: 'Acme', revenue: 300 }), rows[3]!];
    const under = planFill(copyRequest({ top: 0, bottom: 1, left: 2, right: 2 }, 'down')!, cols, (r) => (rows2[r] ? { index: r, row: rows2[r]! } : null), header);
    expect(under.problems).toHaveLength(1);
    expect(under.problems[0]).toMatchObject({ row: 1, col: 'upsell' });
    expect(under.problems[0]!.text).toMatch(/^row 2 \(Dune\), column upsell: /);
  });

  it('never fills the name column or a computed one: refused, naming the column', () => {
    const names = planFill(copyRequest({ top: 0, bottom: 2, left: 0, right: 1 }, 'down')!, cols, rowAt, header);
    expect(names.patches).toEqual([]);
    expect(names.problems[0]!.text).toContain('column Account is not filled');
    const computed = planFill(copyRequest({ top: 0, bottom: 0, left: 4, right: 5 }, 'right')!, cols, rowAt, header);
    expect(computed.problems[0]!.text).toBe('column Profit is computed and cannot be filled');
  });
});

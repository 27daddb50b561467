import { describe, expect, it } from 'vitest';
import { toColumns } from '../../../shared/engine/columns';
import { DEFAULT_ASSUMPTIONS } from '../../../shared/schemas/assumptions';
import { internDimension } from '../../../shared/schemas/dimensions';
import { SheetRow } from '../../../shared/schemas/row';
import { buildModel, replaceRow } from '../../../renderer/src/state/period-model';
import { withDimensionCells } from '../../../renderer/src/state/dimension-model';
import { dimensionGroup, withDimensionGroup } from '../../../renderer/src/features/sheet/dimensionColumns';
import { dimensionsOf, planDimensionFill, planDimensionPaste, type DimensionRow } from '../../../renderer/src/features/sheet/dimensionEdits';
import { columnDefs } from '../../../renderer/src/features/sheet/columns';

// Issue 24, item 5: the sheet's dimension columns (ids dimensions.<name>, after the Account group) and what an edit
// of them plans and does to the period's model.

const rows = () => [SheetRow.parse({ account: 'Acme', revenue: 1000, service: 400 }), SheetRow.parse({ account: 'Beta', revenue: 500, service: 100 }), SheetRow.parse({ account: 'Gamma', revenue: 300 })];
const model = () => {
  const r = rows();
  const columns = { ...toColumns(r), dimensions: [internDimension('region', ['EMEA', null, 'EMEA'])] };
  return buildModel(r, DEFAULT_ASSUMPTIONS, null, columns);
};

describe('dimension columns of the sheet', () => {
  it('one column per dimension, id dimensions.<name>, in a group right after Account', () => {
    const ctx = { column: () => undefined, writable: () => true, setCell: () => false };
    const defs = withDimensionGroup(columnDefs({ currency: () => 'USD', result: () => model().result, allocation: () => null, writable: () => true, setCell: () => false }), dimensionGroup(['region', 'Sales channel'], ctx));
    expect(defs.map((d) => d.headerName).slice(0, 3)).toEqual(['Account', 'Dimensions', 'Revenue']);
    const group = defs[1] as { children: { colId: string; headerName: string; filter: string }[] };
    expect(group.children.map((c) => [c.colId, c.headerName, c.filter])).toEqual([
      ['dimensions.region', 'region', 'agTextColumnFilter'],
      ['dimensions.Sales channel', 'Sales channel', 'agTextColumnFilter'],
    ]);
    // Headed as the account's name is (its header component, when the sheet gives one).
    const account = (defs[0] as { children: { headerComponentParams?: unknown }[] }).children[0]!;
    expect((group.children[0] as { headerComponentParams?: unknown }).headerComponentParams).toBe(account.headerComponentParams);
    expect(withDimensionGroup(defs.slice(0, 1), null)).toHaveLength(1);
  });

  it('an edit gives new columns and a result whose byDimension has the new value; a rename of an account keeps the dimensions', () => {
    const m = model();
    expect(m.result.byDimension.region!.map((g) => [g.value, g.count])).toEqual([['EMEA', 2], [null, 1]]);
    const next = withDimensionCells(m, DEFAULT_ASSUMPTIONS, [{ index: 1, name: 'REGION', value: 'APAC' }, { index: 0, name: 'region', value: null }]);
    expect(next.result.byDimension.region!.map((g) => g.value).sort()).toEqual(['APAC', 'EMEA', null].sort());
    expect(Array.from(next.columns.dimensions[0]!.ids)).toEqual([-1, 0, 1]);
    expect(next.columns.dimensions[0]!.values).toEqual(['APAC', 'EMEA']);
    const renamed = replaceRow(next, 2, { ...next.rows[2]!, account: 'Gamma Ltd' }, DEFAULT_ASSUMPTIONS);
    expect(renamed.columns.dimensions).toBe(next.columns.dimensions);
  });

  it('paste and fill plan dimensions.set cells; a block reaching other columns is refused', () => {
    const shown = model();
    const rowAt = (display: number): DimensionRow | null =>
      display < 3 ? { index: display, account: shown.rows[display]!.account, value: () => (display === 0 ? 'EMEA' : null) } : null;
    const cols = ['account', 'dimensions.region', 'dimensions.tier', 'revenue'];
    expect(dimensionsOf(['revenue'], 'The block')).toBeNull();
    expect(dimensionsOf(['dimensions.region', 'revenue'], 'The block')).toMatchObject({ refusal: expect.stringContaining('reaches dimension columns (region) and other columns') });
    const paste = planDimensionPaste([['  North ', ''], ['x'.repeat(201), 'Gold']], { top: 1, left: 1 }, cols, rowAt);
    expect(paste.cells).toEqual([
      { index: 1, account: 'Beta', name: 'region', value: 'North' },
      { index: 1, account: 'Beta', name: 'tier', value: null },
      { index: 2, account: 'Gamma', name: 'tier', value: 'Gold' },
    ]);
    expect(paste.problems).toHaveLength(1);
    expect(paste.problems[0]!.text).toContain('row 3 (Gamma), column region: a dimension value is longer than 200 characters');
    const fill = planDimensionFill({ source: { top: 0, bottom: 0, left: 1, right: 1 }, axis: 'down', through: 2, how: 'copy' }, cols, rowAt);
    expect(fill.cells.map((c) => [c.account, c.value])).toEqual([['Beta', 'EMEA'], ['Gamma', 'EMEA']]);
    expect(planDimensionFill({ source: { top: 0, bottom: 0, left: 1, right: 1 }, axis: 'down', through: 4, how: 'copy' }, cols, rowAt).problems[0]!.text).toContain('past the last account');
  });
});

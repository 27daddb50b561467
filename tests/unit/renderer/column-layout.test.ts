import type { GridState, ValueSetterParams } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { FIELDS, METRICS, type FieldSpec } from '../../../shared/catalogue';
import { SheetLayout } from '../../../shared/schemas/sheet-layout';
import { columnDefs } from '../../../renderer/src/features/sheet/columns';
import { appearedState, defaultColumns, layoutFromState, mergedOrder, stateFromLayout, withAbsent, withLocked } from '../../../renderer/src/state/columnLayout';

// Issue 24, item 4: the grid's state as a layout to keep, and back; columns gone since are left out, new ones
// come in at their own place, and the account's name stays first, pinned left and shown whatever is restored.

const ctx = { currency: () => 'USD', result: () => { throw new Error('no result in this test'); }, setCell: (_p: ValueSetterParams) => false, allocation: () => null, writable: () => true };
const COLUMNS = defaultColumns(columnDefs(ctx));
const IDS = COLUMNS.map((c) => c.id);

/** The state the grid reports for its columns as they start. */
function gridState(): GridState {
  return {
    columnOrder: { orderedColIds: [...IDS] },
    columnSizing: { columnSizingModel: COLUMNS.map((c) => ({ colId: c.id, width: c.width })) },
    columnPinning: { leftColIds: ['account'], rightColIds: [] },
    scroll: { top: 300, left: 40 },
    focusedCell: { colId: 'revenue', rowIndex: 3, rowPinned: null },
  };
}

describe('the sheet layout kept per workbook', () => {
  it('the sheet’s columns as they start: the account first, pinned, locked; nothing to keep while they are so', () => {
    expect(COLUMNS[0]).toEqual({ id: 'account', width: 200, pinned: 'left', locked: true });
    expect(COLUMNS.filter((c) => c.locked).map((c) => c.id)).toEqual(['account']);
    expect(IDS).toEqual(expect.arrayContaining(['revenue', 'owner', 'roi', 'segment']));
    expect(layoutFromState(gridState(), COLUMNS)).toBeNull(); // scroll and focus are not a layout
  });

  it('widths, order, hidden and pinned columns, sort and filters, kept and given back to the grid', () => {
    const s = gridState();
    const order = IDS.filter((id) => id !== 'roi');
    order.splice(2, 0, 'roi'); // moved next to the account
    s.columnOrder = { orderedColIds: order };
    s.columnSizing!.columnSizingModel.find((c) => c.colId === 'revenue')!.width = 251.6;
    s.columnVisibility = { hiddenColIds: ['owner'] };
    s.columnPinning = { leftColIds: ['account', 'revenue'], rightColIds: [] };
    s.sort = { sortModel: [{ colId: 'profit', sort: 'desc' }] };
    s.filter = { filterModel: { segment: { filterType: 'text', type: 'contains', filter: 'Star', colId: 'segment', extra: { deep: 1 } }, gone: { filterType: 'text', type: 'equals', filter: 'x' } } };
    const layout = layoutFromState(s, COLUMNS)!;
    expect(SheetLayout.parse(layout)).toEqual(layout);
    expect(layout.columns.map((c) => c.id)).toEqual(order);
    expect(layout.columns.find((c) => c.id === 'revenue')).toEqual({ id: 'revenue', width: 252, pinned: 'left' });
    expect(layout.columns.find((c) => c.id === 'owner')).toMatchObject({ hide: true });
    expect(layout.sort).toEqual([{ id: 'profit', sort: 'desc' }]);
    expect(layout.filter).toEqual({ segment: { filterType: 'text', type: 'contains', filter: 'Star' } }); // the grid's extras and gone columns left out
    expect(JSON.stringify(layout).length).toBeLessThan(4000);

    const back = stateFromLayout(layout, COLUMNS);
    expect(back.columnOrder!.orderedColIds).toEqual(order);
    expect(back.columnSizing!.columnSizingModel.find((c) => c.colId === 'revenue')!.width).toBe(252);
    expect(back.columnVisibility!.hiddenColIds).toEqual(['owner']);
    expect(back.columnPinning).toEqual({ leftColIds: ['account', 'revenue'], rightColIds: [] });
    expect(back.sort!.sortModel).toEqual([{ colId: 'profit', sort: 'desc' }]);
    expect(back.filter!.filterModel).toEqual(layout.filter);
    expect(back.scroll).toBeUndefined();
    expect(layoutFromState(back, COLUMNS)).toEqual(layout);
  });

  it('a kept layout over today’s columns: a column gone since is left out, a new one comes in at its own place', () => {
    const old: SheetLayout = {
      columns: [{ id: 'retired', width: 90 }, ...COLUMNS.filter((c) => c.id !== 'owner').reverse().map((c) => ({ id: c.id, width: 111 }))],
      sort: [{ id: 'retired', sort: 'asc' }],
      filter: { retired: { filterType: 'number', type: 'equals', filter: 1 } },
    };
    const state = stateFromLayout(old, COLUMNS);
    const order = state.columnOrder!.orderedColIds;
    expect(order).not.toContain('retired');
    expect(order[0]).toBe('account');
    // owner follows the account by default, and does so here too, with its own width.
    expect(order[order.indexOf('account') + 1]).toBe('owner');
    expect(state.columnSizing!.columnSizingModel.find((c) => c.colId === 'owner')!.width).toBe(COLUMNS.find((c) => c.id === 'owner')!.width);
    expect(state.sort!.sortModel).toEqual([]);
    expect(state.filter!.filterModel).toEqual({});
    expect(mergedOrder(['b', 'a'], [{ id: 'a', width: 1, locked: false }, { id: 'new', width: 1, locked: false }, { id: 'b', width: 1, locked: false }])).toEqual(['b', 'a', 'new']);
    expect(mergedOrder(['b'], [{ id: 'first', width: 1, locked: false }, { id: 'b', width: 1, locked: false }])).toEqual(['first', 'b']);
  });

  it('no layout can move, unpin or hide the account’s name, nor can a state kept in the window', () => {
    const hostile: SheetLayout = {
      columns: [...COLUMNS.filter((c) => c.id !== 'account').map((c) => ({ id: c.id, width: c.width })), { id: 'account', width: 300, hide: true }],
      sort: [],
      filter: {},
    };
    const state = stateFromLayout(hostile, COLUMNS);
    expect(state.columnOrder!.orderedColIds[0]).toBe('account');
    expect(state.columnPinning!.leftColIds).toEqual(['account']);
    expect(state.columnVisibility!.hiddenColIds).not.toContain('account');
    expect(state.columnSizing!.columnSizingModel.find((c) => c.colId === 'account')!.width).toBe(300); // its width is the person's

    const kept: GridState = { ...gridState(), columnOrder: { orderedColIds: [...IDS.slice(1), 'account'] }, columnPinning: { leftColIds: [], rightColIds: ['account'] }, columnVisibility: { hiddenColIds: ['account', 'owner'] } };
    const safe = withLocked(kept, COLUMNS);
    expect(safe.columnOrder!.orderedColIds[0]).toBe('account');
    expect(safe.columnPinning).toEqual({ leftColIds: ['account'], rightColIds: [] });
    expect(safe.columnVisibility!.hiddenColIds).toEqual(['owner']);
    expect(safe.scroll).toEqual({ top: 300, left: 40 }); // within the window, the place is kept
  });

  it('a field added to the catalogue later arrives in an old layout where the sheet puts it', () => {
    const region: FieldSpec = { name: 'region', label: 'Region', group: 'Account', kind: 'text', presence: 'optional', synonyms: [], table: 'accounts', column: 'region' };
    const before = layoutFromState({ ...gridState(), sort: { sortModel: [{ colId: 'roi', sort: 'asc' }] } }, COLUMNS)!;
    const today = defaultColumns(columnDefs(ctx, [...FIELDS, region], METRICS));
    const order = stateFromLayout(before, today).columnOrder!.orderedColIds;
    const accountGroup = today.map((c) => c.id).slice(0, today.findIndex((c) => c.id === 'region') + 1);
    expect(order.slice(0, accountGroup.length)).toEqual(accountGroup);
  });

  it('a dimension’s column (dimensions.<name>, any text) is kept like the others', () => {
    const columns = defaultColumns([...columnDefs(ctx), { headerName: 'Dimensions', children: [{ colId: 'dimensions.Région de vente', width: 150 }] }]);
    const s = gridState();
    s.columnOrder = { orderedColIds: columns.map((c) => c.id) };
    s.columnVisibility = { hiddenColIds: ['dimensions.Région de vente'] };
    s.sort = { sortModel: [{ colId: 'dimensions.Région de vente', sort: 'asc' }] };
    const layout = layoutFromState(s, columns)!;
    expect(SheetLayout.parse(layout)).toEqual(layout);
    expect(layout.columns.at(-1)).toEqual({ id: 'dimensions.Région de vente', width: 150, hide: true });
    expect(stateFromLayout(layout, columns).columnVisibility!.hiddenColIds).toEqual(['dimensions.Région de vente']);
  });

  it('a column a toggle shows (plan vs actual) starts hidden whatever was kept: its being shown is the toggle’s', () => {
    const columns = defaultColumns([...columnDefs(ctx), { headerName: 'Plan vs actual', children: [{ colId: 'variance.profit', width: 160, hide: true }] }]);
    expect(columns.at(-1)).toEqual({ id: 'variance.profit', width: 160, locked: false, toggled: true });
    const s = gridState();
    s.columnOrder = { orderedColIds: columns.map((c) => c.id) };
    s.columnSizing = { columnSizingModel: columns.map((c) => ({ colId: c.id, width: c.width })) };
    s.columnVisibility = { hiddenColIds: ['variance.profit'] };
    expect(layoutFromState(s, columns)).toBeNull(); // hidden as it starts: nothing to keep
    s.columnVisibility = { hiddenColIds: [] }; // the toggle on
    s.sort = { sortModel: [{ colId: 'variance.profit', sort: 'desc' }] };
    const layout = layoutFromState(s, columns)!;
    expect(layout.columns.at(-1)).toEqual({ id: 'variance.profit', width: 160 });
    expect(stateFromLayout(layout, columns).columnVisibility!.hiddenColIds).toEqual(['variance.profit']);
    expect(withLocked(s, columns).columnVisibility!.hiddenColIds).toEqual(['variance.profit']);
  });

  it('a column absent a moment (a dimension’s, before the rows arrive) keeps its kept place, and takes it when it appears', () => {
    const dim = { id: 'dimensions.Region', width: 222, hide: true };
    const withDim = defaultColumns([...columnDefs(ctx), { colId: 'dimensions.Region', width: 130 }]);
    const kept: SheetLayout = { columns: [{ id: 'account', width: 200, pinned: 'left' }, dim, ...COLUMNS.slice(1).map((c) => ({ id: c.id, width: c.width }))], sort: [], filter: {} };
    // Saved while the sheet lacks it: today's layout, with the dimension where it was.
    const s = gridState();
    s.columnSizing!.columnSizingModel.find((c) => c.colId === 'revenue')!.width = 300;
    const saved = withAbsent(layoutFromState(s, COLUMNS), kept, COLUMNS)!;
    expect(saved.columns.slice(0, 3).map((c) => c.id)).toEqual(['account', 'dimensions.Region', 'owner']);
    expect(saved.columns[1]).toEqual(dim);
    expect(saved.columns.find((c) => c.id === 'revenue')!.width).toBe(300);
    expect(withAbsent(null, kept, COLUMNS)!.columns[1]).toEqual(dim); // the sheet's own otherwise: still kept
    expect(withAbsent(null, kept, withDim)).toBeNull(); // nothing absent, nothing to add
    // It appears (the grid put it last): it takes its kept place, width and hidden; the others stay as they are.
    const state = appearedState(saved, new Set(['dimensions.Region']), [...IDS, 'dimensions.Region'], withDim);
    expect(state.map((c) => c.colId).slice(0, 3)).toEqual(['account', 'dimensions.Region', 'owner']);
    expect(state[1]).toEqual({ colId: 'dimensions.Region', width: 222, hide: true, pinned: null });
    expect(state.find((c) => c.colId === 'revenue')).toEqual({ colId: 'revenue' });
    expect(state).toHaveLength(withDim.length);
  });

  it('a filter too big to keep is left out, the rest of the layout kept', () => {
    const s = gridState();
    s.sort = { sortModel: [{ colId: 'roi', sort: 'asc' }] };
    s.filter = { filterModel: Object.fromEntries(IDS.slice(0, 40).map((id) => [id, { filterType: 'text', operator: 'OR', conditions: [{ filterType: 'text', type: 'contains', filter: 'z'.repeat(200) }, { filterType: 'text', type: 'contains', filter: 'q'.repeat(200) }] }])) };
    const layout = layoutFromState(s, COLUMNS)!;
    expect(layout.filter).toEqual({});
    expect(layout.sort).toEqual([{ id: 'roi', sort: 'asc' }]);
    expect(SheetLayout.safeParse(layout).success).toBe(true);
  });
});

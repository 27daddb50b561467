import type { ColDef, GridApi, SuppressKeyboardEventParams, ValueSetterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { formatMoney, formatNumber } from '../../../../shared/format';
import type { PoolsState } from '../../../../shared/ipc/contract';
import type { PoolSetup } from '../../../../shared/schemas/pools';
import type { SheetRow } from '../../../../shared/schemas/row';
import { CellErrorPopover, type CellError } from '../../components/CellError';
import { parseTsv } from '../../components/clipboard';
import { gridTheme } from '../../components/grid';
import { ARROWS, useBlockSelection } from '../../components/useBlockSelection';
import { useClipboard } from '../../components/useClipboard';
import { activityColumn, activityOf, countKey, planDriverPaste, readCount, withCounts, type DriverCell } from './driverPaste';

type DriverRow = { account: string; allocated: number } & Record<string, number | string>;

/**
 * Each account's count of each activity, typed like the sheet, beside what
 * the pools allocate to it: Shift+arrows select a block, which copies and
 * pastes as a spreadsheet's does and Delete clears; every change is one
 * action the window's Undo takes back.
 */
export function DriversGrid({ state, rows, activities, currency, save }: {
  state: PoolsState;
  rows: readonly SheetRow[];
  activities: readonly string[];
  currency: string;
  save: (setup: PoolSetup) => void;
}) {
  const apiRef = useRef<GridApi<DriverRow> | null>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<CellError | null>(null);
  const dismissError = useCallback(() => setError(null), []);
  const blocks = useBlockSelection(apiRef);
  const stateRef = useRef(state);
  stateRef.current = state;

  const driverRows = useMemo<DriverRow[]>(() => {
    const counts = new Map(state.setup.drivers.map((d) => [countKey(d.account, d.activity), d.count]));
    const allocated = new Map<string, number>();
    for (const l of state.allocation.allocations) allocated.set(l.account.toLowerCase(), (allocated.get(l.account.toLowerCase()) ?? 0) + l.amount);
    return rows.map((r) => ({
      account: r.account,
      ...Object.fromEntries(activities.map((a) => [activityColumn(a), counts.get(countKey(r.account, a)) ?? 0])),
      allocated: allocated.get(r.account.toLowerCase()) ?? 0,
    }));
  }, [state, rows, activities]);

  const headerOf = (col: string) => apiRef.current?.getColumnDef(col)?.headerName ?? col;
  const change = (cells: DriverCell[]) => {
    setError(null);
    if (cells.length) save(withCounts(stateRef.current.setup, cells));
  };

  /** A typed count: checked as a pasted one is, refused with a message at the cell and the count left as it was. */
  const setCount = (p: ValueSetterParams<DriverRow>): boolean => {
    const col = p.colDef.colId!;
    const raw = p.newValue === null || p.newValue === undefined ? '' : String(p.newValue);
    const count = readCount(raw);
    if (!count.ok) {
      setError({ row: p.node?.rowIndex ?? 0, col, text: `${headerOf(col)} of ${p.data.account}: "${raw}" ${count.rule}. Nothing was saved.` });
      return false;
    }
    change([{ account: p.data.account, activity: activityOf(col)!, count: count.value }]);
    return false; // the saved setup comes back as new rows
  };

  const defs = useMemo<ColDef<DriverRow>[]>(
    () => [
      { colId: 'account', field: 'account', headerName: 'Account', pinned: 'left', width: 200 },
      ...activities.map<ColDef<DriverRow>>((a) => ({
        colId: activityColumn(a),
        // Not a field: AG Grid reads a dot in one as a path, and activities are named freely ("Calls v2.0").
        valueGetter: (p) => p.data?.[activityColumn(a)],
        headerName: a,
        editable: true,
        type: 'rightAligned',
        width: 130,
        cellClass: 'num',
        valueFormatter: (p) => formatNumber(Number(p.value ?? 0)),
        valueSetter: (p) => setCount(p),
      })),
      { colId: 'allocated', field: 'allocated', headerName: 'Allocated', type: 'rightAligned', width: 140, cellClass: ['computed', 'num'], valueFormatter: (p) => formatMoney(Number(p.value ?? 0), currency) },
    ],
    // setCount reads the newest setup through a ref: the columns need not change with it.
    [activities, currency],
  );

  const defaultColDef = useMemo<ColDef<DriverRow>>(
    () => ({
      suppressKeyboardEvent: (p) => keys.current(p),
      cellClassRules: { 'in-block': (p) => blocks.inBlock(p.node.rowIndex ?? -1, p.colDef.colId ?? '') },
    }),
    // The keys and the block live in refs read at each key and paint.
    [],
  );

  const accountAt = (row: number) => apiRef.current?.getDisplayedRowAtIndex(row)?.data?.account;

  const pasteBlock = (text: string) => {
    const s = blocks.selection();
    if (!s || text === '') return;
    const grid = parseTsv(text);
    const cols = blocks.columnIds();
    const at = { top: s.rows[0]!, left: cols.indexOf(s.cols[0]!) };
    const { cells, problems } = planDriverPaste(grid, at, cols, accountAt, headerOf);
    if (problems.length) {
      const first = problems[0]!;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
      return setError({ ...first, text: `Nothing was pasted: ${first.text}${more}.` });
    }
    change(cells);
    blocks.select({ top: at.top, bottom: at.top + grid.length - 1, left: at.left, right: at.left + Math.max(...grid.map((l) => l.length)) - 1 });
  };
  useClipboard(wrapRef, apiRef, blocks.selection, pasteBlock);

  /** Delete clears the selected counts; the account and allocated columns are left as they are. */
  const clearBlock = () => {
    const s = blocks.selection();
    if (!s) return;
    const cells = s.rows.flatMap((r) => {
      const account = accountAt(r);
      return account === undefined ? [] : s.cols.flatMap((c) => (activityOf(c) === null ? [] : [{ account, activity: activityOf(c)!, count: 0 }]));
    });
    change(cells);
  };

  const keys = useRef<(p: SuppressKeyboardEventParams<DriverRow>) => boolean>(() => false);
  keys.current = (p) => {
    const ev = p.event;
    if (p.editing) return false;
    const undoKeys = (ev.ctrlKey || ev.metaKey) && ['z', 'y'].includes(ev.key.toLowerCase());
    const mine = (ev.shiftKey && ARROWS.has(ev.key)) || ev.key === 'Delete';
    if (ev.type !== 'keydown') return mine || undoKeys;
    if (ev.key === 'Escape') setError(null);
    if (ev.shiftKey && ARROWS.has(ev.key)) {
      ev.preventDefault();
      blocks.extend(ev.key);
    } else if (ev.key === 'Delete') {
      ev.preventDefault();
      clearBlock();
    }
    // Undo and redo are the window's: they take back the whole last change of the pools.
    return mine || undoKeys;
  };

  return (
    <section className="drivers" aria-label="Driver counts">
      <h3>Driver counts per account</h3>
      <p className="hint">Type a count, or paste a block from a spreadsheet; Shift+arrows select cells, Delete clears them, Ctrl+Z undoes.</p>
      <div className="grid-wrap drivers-grid" data-testid="drivers-grid" ref={wrapRef}>
        <AgGridReact<DriverRow>
          theme={gridTheme}
          rowData={driverRows}
          columnDefs={defs}
          defaultColDef={defaultColDef}
          getRowId={(p) => p.data.account}
          onGridReady={(e) => {
            apiRef.current = e.api;
          }}
          onCellFocused={blocks.onCellFocused}
          stopEditingWhenCellsLoseFocus
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          suppressColumnVirtualisation
          animateRows={false}
        />
        <CellErrorPopover error={error} frame={wrapRef} apiRef={apiRef} onDismiss={dismissError} />
      </div>
    </section>
  );
}

import { type GetRowIdParams, type GridApi, type SuppressKeyboardEventParams, type ValueSetterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { InputField } from '../../../../shared/schemas/fields';
import { SheetRow, type SheetRowPatch } from '../../../../shared/schemas/row';
import { readCell } from '../../../../shared/text/cells';
import type { Workbook } from '../../state/useWorkbook';
import { EmptyState } from '../../components/EmptyState';
import { gridTheme } from '../../components/grid';
import { useSheetLayout } from '../../state/useSheetLayout';
import type { Client } from '../../../../shared/ipc/client';
import { accountHref } from '../../router';
import { COMPUTED } from '../../state/period-model';
import { useShownTotals } from './useShownTotals';
import { CellErrorPopover, type CellError } from '../../components/CellError';
import { parseTsv } from '../../components/clipboard';
import { columnDefs, INPUT_COLUMN_IDS } from './columns';
import { planPaste, rowProblem } from './paste';
import { SheetToolbar } from './SheetToolbar';
import { usePlanColumns } from './varianceColumns';
import { ARROWS, useBlockSelection } from '../../components/useBlockSelection';
import { useClipboard } from '../../components/useClipboard';
import { usePickedRow } from './usePickedRow';
import { fitTotals } from './fitTotals';
import { useSheetFill } from './useSheetFill';
import { FindReplace } from './FindReplace';
import { useDimensionColumns, withDimensionGroup } from './useDimensionColumns';

/**
 * A row is its account, whose name is unique ignoring case: with ids, a
 * reloaded sheet reaches the grid as a transaction (rows kept, changed ones
 * redrawn, added and removed ones alone) instead of every row drawn anew.
 */
const rowId = (p: GetRowIdParams<SheetRow>) => p.data.account.toLowerCase();

/**
 * The Customer Profitability Sheet of one period: AG Grid with the
 * spreadsheet's keys (block selection, paste, clearing, undo), every typed
 * value checked as the backend will check it before it is saved.
 */
export function SheetView({ wb, search, client }: { wb: Workbook; search: string; client: Client }) {
  const apiRef = useRef<GridApi<SheetRow> | null>(null);
  const wbRef = useRef(wb);
  wbRef.current = wb;
  const [error, setError] = useState<CellError | null>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const keyHandler = useRef<(ev: KeyboardEvent) => boolean>(() => false);
  /** An account just added: its name cell opens for typing once the grid has its row. */
  const pendingEdit = useRef<string | null>(null);
  const blocks = useBlockSelection(apiRef);
  const memoryKey = `sheet:${wb.info?.path ?? ''}`;
  const pick = usePickedRow(apiRef, wb.selected, memoryKey);
  const plan = usePlanColumns(wb, apiRef);
  const shownTotals = useShownTotals(wb.model, wb.assumptions);

  const editPending = () => {
    const api = apiRef.current;
    const name = pendingEdit.current;
    if (!api || !name) return;
    api.forEachNode((node) => {
      if (node.data?.account !== name || node.rowIndex === null) return;
      pendingEdit.current = null;
      const row = node.rowIndex;
      api.ensureIndexVisible(row, 'bottom');
      // The row is drawn after the scroll settles; focus and edit it then.
      setTimeout(() => {
        api.setFocusedCell(row, 'account');
        api.startEditingCell({ rowIndex: row, colKey: 'account' });
      }, 30);
    });
  };

  const headerOf = (colId: string) => apiRef.current?.getColumnDef(colId)?.headerName ?? colId;
  const showError = useCallback((row: number, col: string, text: string) => setError({ row, col, text }), []);
  const dismissError = useCallback(() => setError(null), []);
  const dims = useDimensionColumns({ wb, apiRef, showError });
  const fill = useSheetFill({ apiRef, wbRef, wrapRef, blocks, headerOf, showError, dimensionFill: dims.fill });

  const setCell = useCallback(
    (p: ValueSetterParams<SheetRow>): boolean => {
      const field = p.colDef.colId as InputField;
      const displayRow = p.node?.rowIndex ?? 0;
      const index = p.node?.sourceRowIndex ?? -1;
      const raw = p.newValue === null || p.newValue === undefined ? '' : String(p.newValue);
      const cell = readCell(field, raw);
      const label = `${headerOf(field)} of ${p.data.account}`;
      if (!cell.ok) {
        showError(displayRow, field, `${label}: "${raw}" ${cell.rule}. Nothing was saved.`);
        return false;
      }
      const current = wbRef.current.model?.rows[index];
      if (!current) return false;
      const candidate = { ...current, [field]: cell.value };
      const problem = rowProblem(candidate);
      if (problem) {
        showError(displayRow, field, `${label}: ${problem.rule}. Nothing was saved.`);
        return false;
      }
      setError(null);
      const patch = { [field]: cell.value } as SheetRowPatch;
      void wbRef.current.saveRow(index, current.account, patch, SheetRow.parse(candidate));
      return true;
    },
    [showError],
  );

  const defs = useMemo(
    () =>
      [...withDimensionGroup(columnDefs({
        currency: () => wbRef.current.info?.currency ?? 'USD',
        result: () => wbRef.current.model!.result,
        allocation: () => wbRef.current.model?.allocation ?? null,
        writable: () => !wbRef.current.info?.readOnly && !wbRef.current.team?.offline,
        setCell: (p) => !fill.relative(p) && setCell(p),
      }), dims.group), plan.group],
    [setCell, plan.group, dims.group],
  );
  // The person's columns, sort and filters in this workbook, read before the grid is made and kept as they change.
  const layout = useSheetLayout({ client, workbook: wb.info?.path ?? null, memoryKey, keepPlace: !pick.unshown(), defs, afterReset: (api) => fitTotals(api, wrapRef.current) });

  // Every recompute repaints the computed columns and the totals; only visible rows are drawn.
  useEffect(() => {
    apiRef.current?.refreshCells({ columns: [...COMPUTED], force: true });
  }, [wb.model?.result]);

  // Rows another person changed (or a conflict settled): repainted in place; a cell being edited keeps its editor.
  const changedRows = wb.changedRows;
  useEffect(() => {
    const api = apiRef.current;
    const rows = wbRef.current.model?.rows;
    if (!api || !changedRows || !rows) return;
    const rowNodes = changedRows.indices.flatMap((i) => {
      const node = rows[i] ? api.getRowNode(rows[i]!.account.toLowerCase()) : undefined;
      return node ? [node] : [];
    });
    api.refreshCells({ rowNodes, force: true });
    api.flashCells({ rowNodes });
  }, [changedRows]);

  // A new currency changes how every money cell reads, typed ones included.
  const currency = wb.info?.currency;
  useEffect(() => {
    apiRef.current?.refreshCells({ force: true });
  }, [currency]);

  useEffect(() => apiRef.current?.setGridOption('quickFilterText', search), [search]);

  const defaultColDef = useMemo(
    () => ({
      sortable: true,
      resizable: true,
      // Cells take text as people type it ("1,234", "$500"); our parser and zod decide, not the grid's data types.
      cellDataType: false,
      wrapHeaderText: true,
      autoHeaderHeight: true,
      // Ours, not the grid's: block selection, clearing a cell, deleting accounts, and undo/redo (the window's).
      suppressKeyboardEvent: (p: SuppressKeyboardEventParams) => !p.editing && keyHandler.current(p.event),
      cellClassRules: {
        'in-block': (p: { node: { rowIndex: number | null; rowPinned?: string | null }; colDef: { colId?: string } }) =>
          !p.node.rowPinned && blocks.inBlock(p.node.rowIndex ?? -1, p.colDef.colId ?? ''),
      },
    }),
    // The block lives in refs the rule reads at each paint: the definition need not change with it.
    [],
  );

  const selectedAccounts = (): string[] => {
    const s = blocks.selection();
    if (!s) return [];
    return s.rows.map((r) => apiRef.current?.getDisplayedRowAtIndex(r)?.data?.account).filter((a): a is string => Boolean(a));
  };

  /** The focused row's account on a page of its own. */
  const openPicture = () => {
    const f = blocks.focused();
    const account = f ? apiRef.current?.getDisplayedRowAtIndex(f.row)?.data?.account : undefined;
    if (account) window.location.hash = accountHref(account);
  };

  const clearCell = () => {
    const f = blocks.focused();
    const api = apiRef.current;
    if (!f || !api || !(INPUT_COLUMN_IDS.has(f.col) || dims.isDimension(f.col))) return;
    api.getDisplayedRowAtIndex(f.row)?.setDataValue(f.col, '');
  };

  /** Keys the sheet handles itself; true keeps them from the grid. */
  keyHandler.current = (ev: KeyboardEvent): boolean => {
    if (fill.onKey(ev)) return true;
    const undoKeys = (ev.ctrlKey || ev.metaKey) && ['z', 'y'].includes(ev.key.toLowerCase());
    const openKey = (ev.ctrlKey || ev.metaKey) && ev.key === 'Enter';
    if (ev.type !== 'keydown') return (ev.shiftKey && ARROWS.has(ev.key)) || ev.key === 'Delete' || undoKeys || openKey;
    if (openKey) {
      ev.preventDefault();
      openPicture();
      return true;
    }
    if (ev.shiftKey && ARROWS.has(ev.key)) {
      ev.preventDefault();
      blocks.extend(ev.key);
      return true;
    }
    if (ev.key === 'Delete') {
      ev.preventDefault();
      if (ev.ctrlKey || ev.metaKey) void wbRef.current.deleteAccounts(selectedAccounts());
      else clearCell();
      return true;
    }
    if (ev.key === 'Escape') setError(null);
    return undoKeys;
  };

  /** A pasted block, checked whole: saved as one action, or nothing and the first problem shown at its cell. */
  const pasteBlock = async (text: string) => {
    const api = apiRef.current;
    const s = blocks.selection();
    const rows = wbRef.current.model?.rows;
    if (!api || !s || !rows || text === '') return;
    const grid = parseTsv(text);
    const cols = blocks.columnIds();
    const top = s.rows[0]!;
    const left = cols.indexOf(s.cols[0]!);
    if (dims.paste(grid, { top, left }, cols)) return;
    const { patches, problems } = planPaste(grid, { top, left }, cols, api, rows, headerOf);
    if (problems.length > 0) {
      const first = problems[0]!;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
      showError(first.row, first.col, `Nothing was pasted: ${first.text}${more}.`);
      return;
    }
    setError(null);
    if (await wbRef.current.saveBlock(patches)) {
      blocks.select({ top, bottom: top + grid.length - 1, left, right: left + Math.max(...grid.map((l) => l.length)) - 1 });
    }
  };
  useClipboard(wrapRef, apiRef, blocks.selection, (text) => void pasteBlock(text));

  const model = wb.model;
  if (!wb.period) {
    return (
      <EmptyState title="This workbook has no periods yet">
        Add a period with the <b>+ Period</b> button above, then add accounts or paste rows from your spreadsheet. To bring in a whole
        sheet, use <b>Import…</b> in the top bar: it reads CSV and XLSX files and makes the period for you.
      </EmptyState>
    );
  }
  return (
    <div className="sheet">
      <SheetToolbar
        wb={wb} plan={plan}
        onAdd={async () => {
          pendingEdit.current = await wb.addAccount();
          editPending();
        }}
        onDelete={() => void wb.deleteAccounts(selectedAccounts())}
        onPicture={openPicture}
      />
      {model && model.rows.length === 0 ? (
        <EmptyState title={`No accounts in ${wb.period} yet`}>
          Add one with <b>+ Account</b>, or copy rows from Excel or LibreOffice and paste them here once an account exists. Each row is an
          account: its revenue and the five cost buckets it takes to win, serve and grow it.
        </EmptyState>
      ) : null}
      <div className="grid-wrap" ref={wrapRef} data-testid="sheet-grid" style={{ display: model && model.rows.length === 0 ? 'none' : undefined }}>
        {layout.grid ? (
          <AgGridReact<SheetRow>
            theme={gridTheme}
            {...layout.grid}
            rowData={model?.rows ?? null}
            getRowId={rowId}
            columnDefs={defs}
            defaultColDef={defaultColDef}
            pinnedBottomRowData={shownTotals.totals}
            onModelUpdated={shownTotals.onModelUpdated}
            onPinnedRowDataChanged={(e) => requestAnimationFrame(() => fitTotals(e.api, wrapRef.current))}
            onFirstDataRendered={(e) => requestAnimationFrame(() => fitTotals(e.api, wrapRef.current))}
            onGridReady={(e) => {
              apiRef.current = e.api;
              pick.show();
            }}
            onCellFocused={blocks.onCellFocused}
            onRowDataUpdated={editPending}
            enterNavigatesVertically
            enterNavigatesVerticallyAfterEdit
            stopEditingWhenCellsLoseFocus
            tooltipShowDelay={300}
            animateRows={false}
            suppressColumnVirtualisation
            getRowClass={(p) => (p.node.rowPinned ? 'totals-row' : undefined)}
          />
        ) : null}
        <CellErrorPopover error={error} frame={wrapRef} apiRef={apiRef} onDismiss={dismissError} />
        {fill.handle}
        <FindReplace apiRef={apiRef} wb={wb} selection={blocks.selection} dimensions={dims} />
      </div>
    </div>
  );
}

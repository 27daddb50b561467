import {
  type CellFocusedEvent,
  type Column,
  type GetRowIdParams,
  type GridApi,
  type SuppressKeyboardEventParams,
  type ValueSetterParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { InputField } from '../../../../shared/schemas/fields';
import { SheetRow, type SheetRowPatch } from '../../../../shared/schemas/row';
import { readCell } from '../../../../shared/text/cells';
import type { Workbook } from '../../state/useWorkbook';
import { EmptyState } from '../../components/EmptyState';
import { downloadBase64 } from '../../components/download';
import { gridTheme } from '../../components/grid';
import { accountHref } from '../../router';
import { parseTsv, toTsv } from './clipboard';
import { columnDefs, INPUT_COLUMN_IDS } from './columns';
import { COMPUTED, totalsRow } from '../../state/period-model';


interface CellRef {
  row: number;
  col: string;
}

interface CellError {
  row: number;
  col: string;
  text: string;
}

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/**
 * A row is its account, whose name is unique ignoring case: with ids, a
 * reloaded sheet reaches the grid as a transaction (rows kept, changed ones
 * redrawn, added and removed ones alone) instead of every row drawn anew.
 */
const rowId = (p: GetRowIdParams<SheetRow>) => p.data.account.toLowerCase();

/** The first problem of a zod check of a whole row, in the user's words. */
function rowProblem(candidate: unknown): { field: string; rule: string } | null {
  const parsed = SheetRow.safeParse(candidate);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return { field: String(issue.path[0] ?? ''), rule: issue.message };
}

export function SheetView({ wb, search }: { wb: Workbook; search: string }) {
  const apiRef = useRef<GridApi<SheetRow> | null>(null);
  const wbRef = useRef(wb);
  wbRef.current = wb;
  const [error, setError] = useState<CellError | null>(null);
  const [errorBox, setErrorBox] = useState<{ top: number; left: number } | null>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const anchor = useRef<CellRef | null>(null);
  const block = useRef<{ top: number; bottom: number; left: number; right: number } | null>(null);
  /** Where a Shift+arrow moved the focus: that focus change extends the block instead of starting a new one. */
  const extendTarget = useRef<CellRef | null>(null);
  const keyHandler = useRef<(ev: KeyboardEvent) => boolean>(() => false);
  /** An account just added: its name cell opens for typing once the grid has its row. */
  const pendingEdit = useRef<string | null>(null);

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

  const displayedColumns = (): Column[] => apiRef.current?.getAllDisplayedColumns() ?? [];
  const headerOf = (colId: string) => apiRef.current?.getColumnDef(colId)?.headerName ?? colId;

  const showError = useCallback((row: number, col: string, text: string) => setError({ row, col, text }), []);

  // Place the message just under the cell it is about.
  useEffect(() => {
    if (!error || !wrapRef.current) return setErrorBox(null);
    const cell = wrapRef.current.querySelector<HTMLElement>(`.ag-row[row-index="${error.row}"] .ag-cell[col-id="${error.col}"]`);
    const frame = wrapRef.current.getBoundingClientRect();
    if (!cell) return setErrorBox({ top: 8, left: 8 });
    const r = cell.getBoundingClientRect();
    setErrorBox({ top: r.bottom - frame.top + 2, left: Math.max(0, r.left - frame.left) });
  }, [error]);

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
      columnDefs({
        currency: () => wbRef.current.info?.currency ?? 'USD',
        result: () => wbRef.current.model!.result,
        allocation: () => wbRef.current.model?.allocation ?? null,
        setCell,
      }),
    [setCell],
  );

  // Every recompute repaints the computed columns and the totals; only visible rows are drawn.
  useEffect(() => {
    apiRef.current?.refreshCells({ columns: [...COMPUTED], force: true });
  }, [wb.model?.result]);

  // A new currency changes how every money cell reads, typed ones included.
  const currency = wb.info?.currency;
  useEffect(() => {
    apiRef.current?.refreshCells({ force: true });
  }, [currency]);

  useEffect(() => {
    apiRef.current?.setGridOption('quickFilterText', search);
  }, [search]);

  // An account picked on the dashboard: bring its row into view and put the focus on its name.
  const showSelected = () => {
    const api = apiRef.current;
    const wanted = wbRef.current.selected;
    if (!api || !wanted) return;
    api.forEachNodeAfterFilterAndSort((node) => {
      if (node.data?.account !== wanted.account || node.rowIndex === null) return;
      api.ensureIndexVisible(node.rowIndex, 'middle');
      api.setFocusedCell(node.rowIndex, 'account');
      api.flashCells({ rowNodes: [node] });
    });
  };
  useEffect(showSelected, [wb.selected]);

  const inBlock = (row: number, col: string) => {
    const b = block.current;
    if (!b) return false;
    const cols = displayedColumns().map((c) => c.getColId());
    const k = cols.indexOf(col);
    return row >= b.top && row <= b.bottom && k >= b.left && k <= b.right;
  };

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
      cellClassRules: { 'in-block': (p: { node: { rowIndex: number | null; rowPinned?: string | null }; colDef: { colId?: string } }) => !p.node.rowPinned && inBlock(p.node.rowIndex ?? -1, p.colDef.colId ?? '') },
    }),
    [],
  );

  const repaintBlock = () => apiRef.current?.refreshCells({ force: true });

  const onCellFocused = (e: CellFocusedEvent) => {
    if (e.rowPinned) return;
    const col = typeof e.column === 'string' ? e.column : e.column?.getColId();
    if (e.rowIndex === null || e.rowIndex === undefined || !col) return;
    const target = extendTarget.current;
    if (target && target.row === e.rowIndex && target.col === col) {
      extendTarget.current = null;
      return;
    }
    anchor.current = { row: e.rowIndex, col };
    if (block.current) {
      block.current = null;
      repaintBlock();
    }
  };

  const focusedRef = (): CellRef | null => {
    const f = apiRef.current?.getFocusedCell();
    if (!f || f.rowPinned) return null;
    return { row: f.rowIndex, col: f.column.getColId() };
  };

  const extendBlock = (key: string) => {
    const api = apiRef.current!;
    const focus = focusedRef();
    if (!focus) return;
    const cols = displayedColumns().map((c) => c.getColId());
    const start = anchor.current ?? focus;
    let row = focus.row;
    let k = cols.indexOf(focus.col);
    if (key === 'ArrowUp') row = Math.max(0, row - 1);
    if (key === 'ArrowDown') row = Math.min(api.getDisplayedRowCount() - 1, row + 1);
    if (key === 'ArrowLeft') k = Math.max(0, k - 1);
    if (key === 'ArrowRight') k = Math.min(cols.length - 1, k + 1);
    const a = cols.indexOf(start.col);
    block.current = { top: Math.min(start.row, row), bottom: Math.max(start.row, row), left: Math.min(a, k), right: Math.max(a, k) };
    extendTarget.current = { row, col: cols[k]! };
    api.ensureIndexVisible(row);
    api.setFocusedCell(row, cols[k]!);
    repaintBlock();
  };

  /** The selected block, or the focused cell, as row indices and column ids. */
  const selection = (): { rows: number[]; cols: string[] } | null => {
    const cols = displayedColumns().map((c) => c.getColId());
    const b = block.current;
    if (b) {
      return {
        rows: Array.from({ length: b.bottom - b.top + 1 }, (_, k) => b.top + k),
        cols: cols.slice(b.left, b.right + 1),
      };
    }
    const f = focusedRef();
    return f ? { rows: [f.row], cols: [f.col] } : null;
  };

  const selectedAccounts = (): string[] => {
    const s = selection();
    if (!s) return [];
    return s.rows.map((r) => apiRef.current?.getDisplayedRowAtIndex(r)?.data?.account).filter((a): a is string => Boolean(a));
  };

  /** The focused row's account on a page of its own. */
  const openPicture = () => {
    const f = focusedRef();
    const account = f ? apiRef.current?.getDisplayedRowAtIndex(f.row)?.data?.account : undefined;
    if (account) window.location.hash = accountHref(account);
  };

  const clearCell = () => {
    const f = focusedRef();
    const api = apiRef.current;
    if (!f || !api || !INPUT_COLUMN_IDS.has(f.col)) return;
    const node = api.getDisplayedRowAtIndex(f.row);
    if (!node) return;
    node.setDataValue(f.col, '');
  };

  /** Keys the sheet handles itself; true keeps them from the grid. */
  keyHandler.current = (ev: KeyboardEvent): boolean => {
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
      extendBlock(ev.key);
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

  // Copy a block out and paste one in, as tab-separated text. The grid is the target while a cell has focus.
  useEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    const editingNow = () => (apiRef.current?.getEditingCells().length ?? 0) > 0;
    const onCopy = (e: ClipboardEvent) => {
      if (editingNow() || !wrap.contains(document.activeElement)) return;
      const s = selection();
      const api = apiRef.current;
      if (!s || !api) return;
      const lines = s.rows.map((r) => {
        const node = api.getDisplayedRowAtIndex(r);
        return s.cols.map((c) => {
          const v = node ? api.getCellValue({ rowNode: node, colKey: c }) : '';
          return v === null || v === undefined ? '' : String(v);
        });
      });
      e.clipboardData?.setData('text/plain', toTsv(lines));
      e.preventDefault();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (editingNow() || !wrap.contains(document.activeElement)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      e.preventDefault();
      void pasteBlock(text);
    };
    wrap.addEventListener('copy', onCopy);
    wrap.addEventListener('paste', onPaste);
    return () => {
      wrap.removeEventListener('copy', onCopy);
      wrap.removeEventListener('paste', onPaste);
    };
  });

  const pasteBlock = async (text: string) => {
    const api = apiRef.current;
    const s = selection();
    if (!api || !s || text === '') return;
    const grid = parseTsv(text);
    const cols = displayedColumns().map((c) => c.getColId());
    const top = s.rows[0]!;
    const left = cols.indexOf(s.cols[0]!);
    const problems: { row: number; col: string; text: string }[] = [];
    const byRow = new Map<number, { index: number; account: string; patch: Record<string, unknown>; display: number }>();
    grid.forEach((line, r) => {
      const node = api.getDisplayedRowAtIndex(top + r);
      line.forEach((raw, c) => {
        const col = cols[left + c];
        if (!node?.data || node.rowPinned) {
          problems.push({ row: top + r, col: col ?? cols[left]!, text: `the block runs past the last account (row ${top + r + 1})` });
          return;
        }
        if (!col) {
          problems.push({ row: top + r, col: cols[cols.length - 1]!, text: `the block runs past the last column` });
          return;
        }
        const where = `row ${top + r + 1} (${node.data.account}), column ${headerOf(col)}`;
        if (!INPUT_COLUMN_IDS.has(col)) {
          problems.push({ row: top + r, col, text: `${where} is computed and cannot be pasted into` });
          return;
        }
        const cell = readCell(col as InputField, raw);
        if (!cell.ok) {
          problems.push({ row: top + r, col, text: `${where}: value "${raw}" ${cell.rule}` });
          return;
        }
        const entry = byRow.get(node.sourceRowIndex) ?? { index: node.sourceRowIndex, account: node.data.account, patch: {}, display: top + r };
        entry.patch[col] = cell.value;
        byRow.set(node.sourceRowIndex, entry);
      });
    });
    for (const entry of byRow.values()) {
      const current = wbRef.current.model!.rows[entry.index]!;
      const problem = rowProblem({ ...current, ...entry.patch });
      if (problem) problems.push({ row: entry.display, col: problem.field, text: `row ${entry.display + 1} (${current.account}), column ${headerOf(problem.field)}: ${problem.rule}` });
    }
    if (problems.length > 0) {
      const first = problems[0]!;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
      showError(first.row, first.col, `Nothing was pasted: ${first.text}${more}.`);
      return;
    }
    setError(null);
    const ok = await wbRef.current.saveBlock([...byRow.values()].map(({ index, account, patch }) => ({ index, account, patch: patch as SheetRowPatch })));
    if (ok) {
      block.current = { top, bottom: top + grid.length - 1, left, right: left + Math.max(...grid.map((l) => l.length)) - 1 };
      api.refreshCells({ force: true });
    }
  };

  /** The period as a file download: the backend renders it, the browser saves it where the user says. */
  const exportPeriod = async (format: 'csv' | 'xlsx') => {
    try {
      const file = await wb.client.call('export.download', { period: wb.period!, format });
      downloadBase64(file.content, file.fileName);
    } catch (e) {
      wb.setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };

  const model = wb.model;
  if (!wb.period) {
    return (
      <EmptyState title="This workbook has no periods yet">
        Add a period with the <b>+ Period</b> button above, then add accounts or paste rows from your spreadsheet. To bring in a whole
        sheet, run <code>npx cpw import FILE sheet.csv --period 2026-Q1</code>.
      </EmptyState>
    );
  }
  return (
    <div className="sheet">
      <div className="sheet-toolbar" role="toolbar" aria-label="Sheet">
        <button
          type="button"
          onClick={async () => {
            pendingEdit.current = await wb.addAccount();
            editPending();
          }}
        >
          + Account
        </button>
        <button type="button" onClick={() => void wb.deleteAccounts(selectedAccounts())} title="Delete the selected accounts (Ctrl+Delete)">
          Delete selected
        </button>
        <button type="button" onClick={openPicture} title="The focused account on one page: its buckets, figures, interactions and periods (Ctrl+Enter)">
          Customer Picture
        </button>
        <button type="button" onClick={() => void exportPeriod('xlsx')} title="Download the period with every metric as an Excel workbook">
          Export XLSX
        </button>
        <button type="button" onClick={() => void exportPeriod('csv')} title="Download the period with every metric as CSV">
          Export CSV
        </button>
        <span className="hint">
          Type or F2 to edit · Enter/Tab to move · Shift+arrows select · Ctrl+C / Ctrl+V copy and paste blocks · Delete clears · Ctrl+Enter opens the account · Ctrl+Z / Ctrl+Y undo and redo
        </span>
      </div>
      {model && model.rows.length === 0 ? (
        <EmptyState title={`No accounts in ${wb.period} yet`}>
          Add one with <b>+ Account</b>, or copy rows from Excel or LibreOffice and paste them here once an account exists. Each row is an
          account: its revenue and the five cost buckets it takes to win, serve and grow it.
        </EmptyState>
      ) : null}
      <div className="grid-wrap" ref={wrapRef} data-testid="sheet-grid" style={{ display: model && model.rows.length === 0 ? 'none' : undefined }}>
        <AgGridReact<SheetRow>
          theme={gridTheme}
          rowData={model?.rows ?? null}
          getRowId={rowId}
          columnDefs={defs}
          defaultColDef={defaultColDef}
          pinnedBottomRowData={model ? [totalsRow(model.result) as unknown as SheetRow] : []}
          onGridReady={(e) => {
            apiRef.current = e.api;
            showSelected();
          }}
          onCellFocused={onCellFocused}
          onRowDataUpdated={editPending}
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          stopEditingWhenCellsLoseFocus
          tooltipShowDelay={300}
          animateRows={false}
          suppressColumnVirtualisation
          getRowClass={(p) => (p.node.rowPinned ? 'totals-row' : undefined)}
        />
        {error && errorBox ? (
          <div className="cell-error" role="alert" style={{ top: errorBox.top, left: errorBox.left }}>
            {error.text}
            <button type="button" aria-label="Dismiss" onClick={() => setError(null)}>
              ×
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}

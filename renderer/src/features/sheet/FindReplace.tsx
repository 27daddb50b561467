import type { GridApi, IRowNode } from 'ag-grid-community';
import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';
import type { SheetRow } from '../../../../shared/schemas/row';
import type { Selection } from '../../components/useBlockSelection';
import type { Workbook } from '../../state/useWorkbook';
import { INPUT_COLUMN_IDS } from './columns';
import { countText, findMatches, planReplace, stepMatch, type FindOptions, type FindRow, type FindTable, type Match } from './findReplace';
import './find-replace.css';
import type { DimensionColumns } from './useDimensionColumns';

/** The rows on screen (filtered and sorted as shown) and the columns asked, as the pure find reads them. */
function gridTable(api: GridApi<SheetRow>, only: readonly string[] | null, writable: boolean): FindTable {
  const columns = api
    .getAllDisplayedColumns()
    .map((c) => c.getColId())
    .filter((id) => !only || only.includes(id))
    .map((id) => ({ id, header: api.getColumnDef(id)?.headerName ?? id, replaceable: writable && INPUT_COLUMN_IDS.has(id) }));
  const rows: FindRow[] = [];
  const nodes = new Map<number, IRowNode<SheetRow>>();
  api.forEachNodeAfterFilterAndSort((node) => {
    if (!node.data || node.rowIndex === null || node.rowPinned) return;
    rows.push({ display: node.rowIndex, source: node.sourceRowIndex, account: node.data.account });
    nodes.set(node.sourceRowIndex, node);
  });
  return {
    columns,
    rows,
    cell: (row, col) => {
      const rowNode = nodes.get(row.source)!;
      return { value: api.getCellValue({ rowNode, colKey: col.id }), shown: () => api.getCellValue({ rowNode, colKey: col.id, useFormatter: true }) ?? '' };
    },
  };
}

type Mode = 'find' | 'replace';
type Said = { kind: 'info' | 'error'; text: string } | null;

/**
 * Find (Ctrl+F) and Find and replace (Ctrl+H) over the sheet: a small panel
 * over the grid's corner, the grid's focus moved to each match; Replace all
 * is one undoable action, checked whole before anything is saved.
 */
export function FindReplace({ apiRef, wb, selection, dimensions }: { apiRef: RefObject<GridApi<SheetRow> | null>; wb: Workbook; selection: () => Selection | null; dimensions?: Pick<DimensionColumns, 'replace'> }) {
  const [mode, setMode] = useState<Mode | null>(null);
  const [text, setText] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [wholeCell, setWholeCell] = useState(false);
  /** The selected columns when the panel opened (a focus moved to a match clears the block). */
  const [picked, setPicked] = useState<string[]>([]);
  const [scope, setScope] = useState<'sheet' | 'columns'>('sheet');
  /** The match the grid's focus was moved to. */
  const [at, setAt] = useState<{ row: number; col: string } | null>(null);
  const [said, setSaid] = useState<Said>(null);
  const [tick, setTick] = useState(0);
  const advance = useRef(false);
  const findBox = useRef<HTMLInputElement>(null);
  const writable = !wb.info?.readOnly && !wb.team?.offline;

  // Typing stays quick on a large sheet: the matches follow the text a moment later.
  const deferred = useDeferredValue(text);
  const opts: FindOptions = { text: deferred, matchCase, wholeCell };
  const only = scope === 'columns' && picked.length > 0 ? picked : null;
  const table = useMemo(() => (mode && apiRef.current ? gridTable(apiRef.current, only, writable) : null), [mode, only?.join(), writable, wb.model, tick]);
  const matches = useMemo(() => (table ? findMatches(table, opts) : []), [table, opts.text, matchCase, wholeCell]);
  const current = at ? matches.findIndex((m) => m.row === at.row && m.col === at.col) : -1;

  const open = (next: Mode) => {
    const s = selection();
    const cols = s?.cols ?? [];
    setPicked(cols);
    if (!mode) setScope(s && (s.rows.length > 1 || s.cols.length > 1) ? 'columns' : 'sheet');
    setMode((m) => (next === 'replace' ? 'replace' : (m ?? 'find')));
    setSaid(null);
    requestAnimationFrame(() => findBox.current?.select());
  };
  const openRef = useRef(open);
  openRef.current = open;

  // Ctrl+F and Ctrl+H (Cmd on macOS) wherever the sheet is, unless a dialog has the keys.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const key = e.key.toLowerCase();
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || (key !== 'f' && key !== 'h')) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      e.preventDefault();
      openRef.current(key === 'h' ? 'replace' : 'find');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A sort or a filter moves the rows: the matches are read again.
  useEffect(() => {
    const api = apiRef.current;
    if (!mode || !api) return undefined;
    const again = () => setTick((t) => t + 1);
    const events = ['sortChanged', 'filterChanged', 'rowDataUpdated'] as const;
    for (const e of events) api.addEventListener(e, again);
    return () => {
      if (!api.isDestroyed()) for (const e of events) api.removeEventListener(e, again);
    };
  }, [mode, apiRef]);

  /** The grid's focus on a match, scrolled into view; the typing stays in the panel. */
  const show = (m: Match) => {
    const api = apiRef.current;
    if (!api) return;
    const typing = document.activeElement as HTMLElement | null;
    api.ensureIndexVisible(m.row, 'middle');
    api.ensureColumnVisible(m.col, 'auto');
    api.setFocusedCell(m.row, m.col);
    setAt({ row: m.row, col: m.col });
    if (typing?.closest('.find-replace')) setTimeout(() => typing.focus(), 0);
  };

  const go = (backwards: boolean, list: readonly Match[] = matches) => {
    const api = apiRef.current;
    if (!api || list.length === 0) return;
    const f = api.getFocusedCell();
    const from = at ?? (f && !f.rowPinned ? { row: f.rowIndex, col: f.column.getColId() } : null);
    const k = stepMatch(list, from, api.getAllDisplayedColumns().map((c) => c.getColId()), backwards);
    if (k >= 0) show(list[k]!);
  };

  // After a single Replace, on to the next match once the sheet has the new value.
  useEffect(() => {
    if (!advance.current) return;
    advance.current = false;
    go(false);
  }, [matches]);

  const refuse = (problems: { text: string }[]) => {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    setSaid({ kind: 'error', text: `Nothing was replaced: ${problems[0]!.text}${more}.` });
  };

  const replace = async (all: boolean) => {
    if (!table || !wb.model) return;
    if (!all && current < 0) return go(false);
    const targets = all ? matches : [matches[current]!];
    const inDimensions = await dimensions?.replace(targets, table, opts, replacement);
    if (inDimensions) {
      setSaid(inDimensions);
      if (!all && inDimensions.kind === 'info') advance.current = true;
      return;
    }
    const plan = planReplace(targets, table, opts, replacement, wb.model.rows);
    if (plan.problems.length > 0) return refuse(plan.problems);
    if (plan.cells === 0) {
      const where = plan.computed > 0 ? 'in computed columns, which are read-only' : 'not found';
      return setSaid({ kind: 'error', text: all ? `Nothing was replaced: the matches are ${where}.` : `Nothing was replaced: this match is ${where}.` });
    }
    const cells = `${plan.cells} cell${plan.cells === 1 ? '' : 's'}`;
    const saved = await wb.saveBlock(plan.patches, { busy: `Replacing ${cells}…`, done: `Replaced ${cells} (Ctrl+Z undoes it).` });
    if (!saved) return;
    // The rows were changed in place (as a paste changes them): their cells are drawn again.
    apiRef.current?.refreshCells({ force: true });
    const left = plan.computed > 0 ? `; ${plan.computed} in computed columns left as they are` : '';
    setSaid({ kind: 'info', text: `Replaced ${cells}${left}.` });
    if (!all) advance.current = true;
  };

  const close = () => {
    const api = apiRef.current;
    setMode(null);
    setSaid(null);
    setAt(null);
    if (!api) return;
    const f = api.getFocusedCell();
    if (f && !f.rowPinned) api.setFocusedCell(f.rowIndex, f.column);
    else if (api.getDisplayedRowCount() > 0) api.setFocusedCell(0, api.getAllDisplayedColumns()[0]!);
  };

  const onKeys = (e: ReactKeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };
  const onFindEnter = (e: ReactKeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    go(e.shiftKey);
  };
  const onReplaceEnter = (e: ReactKeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void replace(e.ctrlKey || e.metaKey);
  };

  if (!mode) return null;
  const pickedNames = picked.map((id) => apiRef.current?.getColumnDef(id)?.headerName ?? id).join(', ');
  const mayReplace = writable && matches.length > 0;
  return (
    <div className="find-replace" role="search" aria-label="Find and replace in the sheet" onKeyDown={onKeys}>
      <div className="find-row">
        <input
          ref={findBox}
          type="text"
          aria-label="Find"
          placeholder="Find"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setAt(null);
            setSaid(null);
          }}
          onKeyDown={onFindEnter}
          autoFocus
        />
        <span className="find-count" role="status" aria-live="polite">
          {text.trim() === '' ? '' : countText(current, matches.length)}
        </span>
        <button type="button" aria-label="Previous match (Shift+Enter)" title="Previous match (Shift+Enter)" onClick={() => go(true)} disabled={matches.length === 0}>
          ↑
        </button>
        <button type="button" aria-label="Next match (Enter)" title="Next match (Enter)" onClick={() => go(false)} disabled={matches.length === 0}>
          ↓
        </button>
        <button type="button" className="find-close" aria-label="Close (Escape)" title="Close (Escape)" onClick={close}>
          ×
        </button>
      </div>
      {mode === 'replace' ? (
        <div className="find-row">
          <input type="text" aria-label="Replace with" placeholder="Replace with" value={replacement} onChange={(e) => setReplacement(e.target.value)} onKeyDown={onReplaceEnter} />
          <button type="button" onClick={() => void replace(false)} disabled={!mayReplace} title="Replace this match and go to the next (Enter)">
            Replace
          </button>
          <button type="button" onClick={() => void replace(true)} disabled={!mayReplace} title="Replace every match, as one change Ctrl+Z undoes (Ctrl+Enter)">
            Replace all
          </button>
        </div>
      ) : null}
      <div className="find-row find-options">
        <label>
          <input type="checkbox" aria-label="Match case" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} /> Match case
        </label>
        <label>
          <input type="checkbox" aria-label="Whole cell" checked={wholeCell} onChange={(e) => setWholeCell(e.target.checked)} /> Whole cell
        </label>
        <select aria-label="Look in" value={only ? 'columns' : 'sheet'} onChange={(e) => setScope(e.target.value as 'sheet' | 'columns')}>
          <option value="sheet">Whole sheet</option>
          <option value="columns" disabled={picked.length === 0}>
            {picked.length === 1 ? `Column: ${pickedNames}` : `Selected columns${picked.length ? `: ${pickedNames}` : ''}`}
          </option>
        </select>
        {mode === 'find' ? (
          <button type="button" className="find-more" onClick={() => setMode('replace')}>
            Replace…
          </button>
        ) : null}
      </div>
      {!writable && mode === 'replace' ? <p className="find-said">This workbook is read-only now: Find works, Replace does not.</p> : null}
      {said ? (
        <p className={`find-said ${said.kind}`} role={said.kind === 'error' ? 'alert' : 'status'}>
          {said.text}
        </p>
      ) : null}
    </div>
  );
}

import type { GridApi, ValueSetterParams } from 'ag-grid-community';
import { useRef, type RefObject } from 'react';
import { formatNumber, currentNumberLocale } from '../../../../shared/format';
import type { SheetRow } from '../../../../shared/schemas/row';
import type { NumberStyle } from '../../../../shared/text/numbers';
import type { Block, useBlockSelection } from '../../components/useBlockSelection';
import type { Workbook } from '../../state/useWorkbook';
import { FillHandle } from './FillHandle';
import { copyRequest, planFill, type FillRequest, type ShownRow } from './fillPlan';
import type { CellProblem } from './paste';
import { describeRelative, listWords, parseRelative } from './relative';
import { planRelative, takesRelative } from './relativePlan';

interface FillOptions {
  apiRef: RefObject<GridApi<SheetRow> | null>;
  wbRef: RefObject<Workbook>;
  wrapRef: RefObject<HTMLDivElement | null>;
  blocks: ReturnType<typeof useBlockSelection<SheetRow>>;
  headerOf: (col: string) => string;
  showError: (row: number, col: string, text: string) => void;
  /** Dimension columns fill by their own call: true when it took the fill (saved or refused). */
  dimensionFill?: (request: FillRequest, cols: readonly string[]) => boolean;
}

/** How the person writes numbers (Settings): "1.234,5" when their format's decimal mark is a comma. */
function numberStyle(): NumberStyle {
  const mark = new Intl.NumberFormat(currentNumberLocale()).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
  return { decimalComma: mark === ',' };
}

const cellsWord = (n: number) => `${formatNumber(n)} cell${n === 1 ? '' : 's'}`;

/**
 * The sheet's fill and relative entry (issue 24), on top of its block
 * selection: Ctrl+D and Ctrl+R copy a block's first row or column over the
 * rest, the fill handle at the selection's corner drags a series on, and
 * `+20`, `-15%`, `*1.1`, `/2` typed into a number cell change the value
 * there (every cell of the block, when one is selected). Each is checked
 * whole and saved as one undoable action, or refused naming the cell.
 */
export function useSheetFill(options: FillOptions) {
  const o = useRef(options);
  o.current = options;
  /** Places the fill handle again, after a change of selection the grid does not announce. */
  const nudge = useRef<() => void>(() => undefined);

  const writable = () => !o.current.wbRef.current.info?.readOnly && !o.current.wbRef.current.team?.offline;

  /** A displayed row by its place on screen, with the account's stored values. */
  const rowAt = (display: number): ShownRow | null => {
    const node = o.current.apiRef.current?.getDisplayedRowAtIndex(display);
    const row = node && !node.rowPinned && node.data ? o.current.wbRef.current.model?.rows[node.sourceRowIndex] : undefined;
    return row ? { index: node!.sourceRowIndex, row } : null;
  };

  /** The selected block (or the focused cell) as display rows and column places. */
  const selectedBlock = (): Block | null => {
    const s = o.current.blocks.selection();
    if (!s || s.rows.length === 0 || s.cols.length === 0) return null;
    const left = o.current.blocks.columnIds().indexOf(s.cols[0]!);
    return { top: s.rows[0]!, bottom: s.rows[s.rows.length - 1]!, left, right: left + s.cols.length - 1 };
  };

  const refuse = (problems: CellProblem[], what: string) => {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    o.current.showError(first.row, first.col, `${what}: ${first.text}${more}.`);
  };

  /** A fill checked whole, then saved as one action; the source and the filled cells selected after. */
  const fill = async (request: FillRequest) => {
    const { apiRef, wbRef, blocks, headerOf } = o.current;
    const api = apiRef.current;
    if (!api || !writable() || o.current.dimensionFill?.(request, blocks.columnIds())) return;
    const plan = planFill(request, blocks.columnIds(), rowAt, headerOf);
    if (plan.problems.length > 0) return refuse(plan.problems, 'Nothing was filled');
    if (plan.cells === 0) return;
    const how = request.how === 'series' ? '' : request.axis === 'down' ? ' down' : ' right';
    const done = `Filled ${cellsWord(plan.cells)} of ${listWords(plan.columns.map(headerOf))}${how} (Ctrl+Z undoes it).`;
    if (!(await wbRef.current.saveBlock(plan.patches, { busy: `Filling ${cellsWord(plan.cells)}…`, done }))) return;
    blocks.select(plan.covered);
    nudge.current();
  };

  /** Ctrl+D and Ctrl+R (Cmd on macOS): true for the keys it takes, which it keeps from the grid and the browser. */
  const onKey = (ev: KeyboardEvent): boolean => {
    const key = ev.key.toLowerCase();
    if (!(ev.ctrlKey || ev.metaKey) || ev.shiftKey || ev.altKey || (key !== 'd' && key !== 'r')) return false;
    if (ev.type !== 'keydown') return true;
    ev.preventDefault();
    const block = selectedBlock();
    const request = block ? copyRequest(block, key === 'd' ? 'down' : 'right') : null;
    if (request) void fill(request);
    return true;
  };

  /**
   * Relative entry, before the cell's own setter: true when the typed text
   * was a change (applied to the cell, or to every cell of its block, or
   * refused with the reason), so the grid leaves the cell to the model.
   */
  const relative = (p: ValueSetterParams<SheetRow>): boolean => {
    const { blocks, headerOf, showError, wbRef, apiRef } = o.current;
    const field = p.colDef.colId ?? '';
    if (!takesRelative(field) || typeof p.newValue !== 'string') return false;
    const raw = p.newValue;
    const parsed = parseRelative(raw, numberStyle());
    if (!parsed) return false;
    const display = p.node?.rowIndex ?? 0;
    const label = `${headerOf(field)} of ${p.data.account}`;
    if (!parsed.ok) {
      showError(display, field, `${label}: "${raw}" ${parsed.rule}. Nothing was saved.`);
      return true;
    }
    const s = blocks.selection();
    const several = s && s.rows.length * s.cols.length > 1 && s.rows.includes(display) && s.cols.includes(field);
    const block = several ? selectedBlock() : null;
    const focus = { row: display, col: field };
    const cells = several ? s : { rows: [display], cols: [field] };
    const plan = planRelative(parsed.change, cells, rowAt, headerOf);
    if (plan.problems.length > 0) {
      refuse(plan.problems, 'Nothing was changed');
      return true;
    }
    if (plan.cells === 0) {
      showError(display, field, `${label} is empty, so there is nothing to change by "${raw}": type a value instead.`);
      return true;
    }
    const words = describeRelative(parsed.change, { cells: plan.cells, columns: plan.columns.map(headerOf), account: p.data.account });
    void wbRef.current.saveBlock(plan.patches, { busy: 'Saving…', done: `${words} (Ctrl+Z undoes it).` }).then((saved) => {
      const api = apiRef.current;
      if (!saved || !api) return;
      // The cell typed in was left as it was by its editor: it shows the saved value once the grid has the new rows.
      requestAnimationFrame(() => api.refreshCells({ columns: plan.columns, force: true }));
      if (!block) return;
      // The block stays selected, the focus back where it was typed, for the next what-if.
      const reselect = () => {
        api.removeEventListener('cellFocused', reselect);
        setTimeout(() => {
          blocks.select(block);
          nudge.current();
        });
      };
      api.addEventListener('cellFocused', reselect);
      api.setFocusedCell(focus.row, focus.col);
    });
    return true;
  };

  const handle = (
    <FillHandle
      apiRef={options.apiRef}
      nudge={nudge}
      wrapRef={options.wrapRef}
      block={selectedBlock}
      columnIds={() => o.current.blocks.columnIds()}
      enabled={writable}
      onFill={(request) => void fill(request)}
    />
  );
  return { onKey, relative, handle };
}

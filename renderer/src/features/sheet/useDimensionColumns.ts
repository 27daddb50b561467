import type { GridApi, ValueSetterParams } from 'ag-grid-community';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { dimensionValueAt } from '../../../../shared/schemas/dimensions';
import type { SheetRow } from '../../../../shared/schemas/row';
import { withDimensionCells } from '../../state/dimension-model';
import type { Workbook } from '../../state/useWorkbook';
import { dimensionColumnId, dimensionGroup, dimensionOfColumn } from './dimensionColumns';
import { dimensionsOf, planDimensionFill, planDimensionPaste, planDimensionReplace, readDimensionValue, type DimensionCellSave, type DimensionPlan, type DimensionRow } from './dimensionEdits';
import type { FillRequest } from './fillPlan';
import type { FindOptions, FindTable, Match } from './findReplace';
import { listWords } from './relative';

interface Options {
  wb: Workbook;
  apiRef: RefObject<GridApi<SheetRow> | null>;
  showError: (row: number, col: string, text: string) => void;
}

const cellsWord = (n: number) => `${n.toLocaleString()} cell${n === 1 ? '' : 's'}`;

/**
 * The sheet's dimension columns and their edits (DOMAIN.md, "Plan,
 * dimensions"): the group the sheet places after Account, and the ways a
 * value gets in (typing, paste, fill, replace), each saved with one
 * `dimensions.set` call, so one Undo takes it back. The period's model
 * follows the saved values (the cells, the filters and the dashboard's
 * groups read them); undo and redo reload the period.
 */
export function useDimensionColumns({ wb, apiRef, showError }: Options) {
  const wbRef = useRef(wb);
  wbRef.current = wb;
  const dims = wb.model?.columns.dimensions;
  const key = (dims ?? []).map((d) => d.name).join('\u0000');
  const writable = () => !wbRef.current.info?.readOnly && !wbRef.current.team?.offline;
  const column = (name: string) => wbRef.current.model?.columns.dimensions.find((d) => d.name === name);

  const rowAt = (display: number): DimensionRow | null => {
    const node = apiRef.current?.getDisplayedRowAtIndex(display);
    if (!node?.data || node.rowPinned) return null;
    const index = node.sourceRowIndex;
    return { index, account: node.data.account, value: (name) => { const d = column(name); return d ? dimensionValueAt(d, index) : null; } };
  };

  /** One `dimensions.set`: the model follows once it is saved, and the history names it. */
  const save = async (cells: DimensionCellSave[], done?: string): Promise<boolean> => {
    const w = wbRef.current;
    if (!w.period || cells.length === 0) return false;
    try {
      await w.client.call('dimensions.set', { period: w.period, cells: cells.map(({ account, name, value }) => ({ account, name, value })) });
      await w.followEdit((m, a) => withDimensionCells(m, a, cells));
      if (done) w.setNotice({ kind: 'info', text: done });
      return true;
    } catch (e) {
      w.setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
      return false;
    }
  };

  /** A typed value: checked as the backend checks it, then saved; the cell shows it once the model has it. */
  const setCell = (p: ValueSetterParams<SheetRow>): boolean => {
    const colId = p.colDef.colId ?? '';
    const name = dimensionOfColumn(colId);
    const index = p.node?.sourceRowIndex ?? -1;
    if (name === null || index < 0) return false;
    const raw = p.newValue === null || p.newValue === undefined ? '' : String(p.newValue);
    const value = readDimensionValue(raw);
    if (!value.ok) {
      showError(p.node?.rowIndex ?? 0, colId, `${name} of ${p.data.account}: ${value.rule}. Nothing was saved.`);
      return false;
    }
    const d = column(name);
    if (d && dimensionValueAt(d, index) === value.value) return false;
    void save([{ index, account: p.data.account, name, value: value.value }]);
    return false;
  };

  /** A plan saved whole, or its first problem shown at its cell. */
  const run = (plan: DimensionPlan, what: string, done: (n: string) => string): Promise<boolean> | false => {
    if (plan.problems.length > 0) {
      const first = plan.problems[0]!;
      const more = plan.problems.length > 1 ? ` (and ${plan.problems.length - 1} more)` : '';
      showError(first.row, first.col, `${what}: ${first.text}${more}.`);
      return false;
    }
    return save(plan.cells, done(`${cellsWord(plan.cells.length)} of ${listWords(plan.names)}`));
  };

  const refuseMixed = (what: string, refusal: string, row: number, col: string) => {
    showError(row, col, `${what}: ${refusal}.`);
    return true;
  };

  /** A pasted block: true when it reaches a dimension column (then saved or refused here), false to leave it to the sheet. */
  const paste = (grid: readonly (readonly string[])[], at: { top: number; left: number }, cols: readonly string[]): boolean => {
    const width = Math.max(0, ...grid.map((l) => l.length));
    const reached = dimensionsOf(cols.slice(at.left, at.left + width), 'The block');
    if (!reached) return false;
    if ('refusal' in reached) return refuseMixed('Nothing was pasted', reached.refusal, at.top, cols[at.left]!);
    if (!writable()) return refuseMixed('Nothing was pasted', 'the workbook is read-only now', at.top, cols[at.left]!);
    void run(planDimensionPaste(grid, at, cols, rowAt), 'Nothing was pasted', (n) => `Pasted ${n} (Ctrl+Z undoes it).`);
    return true;
  };

  /** A fill: true when it reaches a dimension column (then saved or refused here), false to leave it to the sheet. */
  const fill = (request: FillRequest, cols: readonly string[]): boolean => {
    const { source, axis, through } = request;
    const reached = dimensionsOf(cols.slice(source.left, (axis === 'down' ? source.right : through) + 1), 'The fill');
    if (!reached) return false;
    if ('refusal' in reached) return refuseMixed('Nothing was filled', reached.refusal, source.top, cols[source.left]!);
    if (!writable()) return true;
    void run(planDimensionFill(request, cols, rowAt), 'Nothing was filled', (n) => `Filled ${n} (Ctrl+Z undoes it).`);
    return true;
  };

  /** Replace over matches in dimension columns: what to say, or null when none of the matches is in one (the sheet's own replace then). */
  const replace = async (matches: readonly Match[], table: FindTable, opts: FindOptions, replacement: string): Promise<{ kind: 'info' | 'error'; text: string } | null> => {
    const reached = dimensionsOf([...new Set(matches.map((m) => m.col))], 'This replace');
    if (!reached) return null;
    if ('refusal' in reached) return { kind: 'error', text: `Nothing was replaced: ${reached.refusal.replace('do the dimension columns on their own', 'replace within the dimension columns on their own (or match one cell at a time)')}.` };
    if (!writable()) return { kind: 'error', text: 'Nothing was replaced: the workbook is read-only now.' };
    const plan = planDimensionReplace(matches, table, opts, replacement);
    if (plan.problems.length > 0) return { kind: 'error', text: `Nothing was replaced: ${plan.problems[0]!.text}.` };
    if (plan.cells.length === 0) return { kind: 'error', text: 'Nothing was replaced: not found.' };
    const n = `${cellsWord(plan.cells.length)} of ${listWords(plan.names)}`;
    return (await save(plan.cells, `Replaced ${n} (Ctrl+Z undoes it).`)) ? { kind: 'info', text: `Replaced ${n}.` } : { kind: 'error', text: 'Nothing was replaced: the workbook refused it (see the message above).' };
  };

  // The cells read the model's dimensions at each paint: a saved edit, an undo or a reload repaints them.
  useEffect(() => {
    if (dims?.length) apiRef.current?.refreshCells({ columns: dims.map((d) => dimensionColumnId(d.name)), force: true });
  }, [dims, apiRef]);

  const group = useMemo(() => dimensionGroup(key === '' ? [] : key.split('\u0000'), { column, writable, setCell }), [key]);
  return { group, paste, fill, replace, isDimension: (colId: string) => dimensionOfColumn(colId) !== null };
}

export type DimensionColumns = ReturnType<typeof useDimensionColumns>;
export { withDimensionGroup } from './dimensionColumns';

import type { GridApi } from 'ag-grid-community';
import type { InputField } from '../../../../shared/schemas/fields';
import { SheetRow, type SheetRowPatch } from '../../../../shared/schemas/row';
import { readCell } from '../../../../shared/text/cells';
import { INPUT_COLUMN_IDS } from './columns';

/** The first problem of a zod check of a whole row, in the user's words. */
export function rowProblem(candidate: unknown): { field: string; rule: string } | null {
  const parsed = SheetRow.safeParse(candidate);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return { field: String(issue.path[0] ?? ''), rule: issue.message };
}

export interface CellProblem {
  row: number;
  col: string;
  text: string;
}

export interface RowPatch {
  index: number;
  account: string;
  patch: SheetRowPatch;
}

/**
 * What a block of text pasted at (top, left) would change, as one patch per
 * row, or every problem, each naming its row, account and column: a block is
 * checked whole (each cell read as typed, each row against the schema)
 * before anything is saved.
 */
export function planPaste(
  grid: readonly (readonly string[])[],
  at: { top: number; left: number },
  cols: readonly string[],
  api: Pick<GridApi<SheetRow>, 'getDisplayedRowAtIndex'>,
  rows: readonly SheetRow[],
  headerOf: (col: string) => string,
): { patches: RowPatch[]; problems: CellProblem[] } {
  const { top, left } = at;
  const problems: CellProblem[] = [];
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
    const current = rows[entry.index]!;
    const problem = rowProblem({ ...current, ...entry.patch });
    if (problem) problems.push({ row: entry.display, col: problem.field, text: `row ${entry.display + 1} (${current.account}), column ${headerOf(problem.field)}: ${problem.rule}` });
  }
  return { patches: [...byRow.values()].map(({ index, account, patch }) => ({ index, account, patch: patch as SheetRowPatch })), problems };
}

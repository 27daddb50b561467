import { fieldSpec, isInputField } from '../../../../shared/catalogue';
import type { SheetRowPatch } from '../../../../shared/schemas/row';
import { refusal, type ShownRow } from './fillPlan';
import { rowProblem, type CellProblem, type RowPatch } from './paste';
import { applyRelative, type RelativeChange } from './relative';

/** Decimals a field keeps after a relative change: whole counts and ratings, cents of money, else six. */
function placesOf(field: string): number | null {
  if (!isInputField(field)) return null;
  const kind = fieldSpec(field).kind;
  if (kind === 'count' || kind === 'rating') return 0;
  if (kind === 'money') return 2;
  return kind === 'quantity' ? 6 : null;
}

/** Whether relative entry applies to a column: number fields only (a name or a status starting with '+' is text). */
export const takesRelative = (col: string) => placesOf(col) !== null;

export interface RelativePlan {
  patches: RowPatch[];
  problems: CellProblem[];
  cells: number;
  columns: string[];
}

/**
 * A relative change over the selected cells: each number cell with a value
 * changed (text, choice and computed cells, and empty optional ones, left
 * alone), every changed row checked against the schema, all or nothing.
 */
export function planRelative(
  change: RelativeChange,
  cells: { rows: readonly number[]; cols: readonly string[] },
  rowAt: (display: number) => ShownRow | null,
  headerOf: (col: string) => string,
): RelativePlan {
  const problems: CellProblem[] = [];
  const patches: RowPatch[] = [];
  const columns = new Set<string>();
  let count = 0;
  for (const r of cells.rows) {
    const shown = rowAt(r);
    if (!shown) continue;
    const patch: Record<string, number> = {};
    for (const col of cells.cols) {
      const places = placesOf(col);
      const value = (shown.row as unknown as Record<string, unknown>)[col];
      if (places === null || typeof value !== 'number') continue;
      patch[col] = applyRelative(change, value, places);
      columns.add(col);
      count++;
    }
    if (Object.keys(patch).length === 0) continue;
    const problem = rowProblem({ ...shown.row, ...patch });
    if (problem) {
      const where = `row ${r + 1} (${shown.row.account}), column ${headerOf(problem.field)}`;
      problems.push({ row: r, col: problem.field, text: `${where}${refusal(problem, patch[problem.field], 'be')}` });
    }
    patches.push({ index: shown.index, account: shown.row.account, patch: patch as SheetRowPatch });
  }
  return { patches, problems, cells: count, columns: cells.cols.filter((c) => columns.has(c)) };
}

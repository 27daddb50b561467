import type { SheetRow, SheetRowPatch } from '../../../../shared/schemas/row';
import type { Block } from '../../components/useBlockSelection';
import { INPUT_COLUMN_IDS } from './columns';
import { continueSeries, repeatSource, type FillValue } from './fill';
import { rowProblem, type CellProblem, type RowPatch } from './paste';

/** A displayed row: where its account sits in the period's rows, and its values. */
export interface ShownRow {
  index: number;
  row: SheetRow;
}

/**
 * A fill: the source block's cells carried down (or right) over the cells
 * from `through`'s row (or column) on, continued as a series or copied.
 */
export interface FillRequest {
  source: Block;
  axis: 'down' | 'right';
  /** The last display row (down) or column place (right) the fill covers, past the source. */
  through: number;
  how: 'series' | 'copy';
}

export interface FillPlan {
  patches: RowPatch[];
  problems: CellProblem[];
  /** The source and the filled cells together, to select once saved. */
  covered: Block;
  /** How many cells the fill writes. */
  cells: number;
  /** The filled columns' ids, in order. */
  columns: string[];
}

/** The name column: names are unique, so a fill (which repeats them) never writes it. */
const NAME = 'account';

/**
 * Ctrl+D (down) or Ctrl+R (right) over a block: its first row (column) copied
 * over the rest; a block one row (column) deep takes the row above (column
 * to the left) instead, as spreadsheets do. Null when there is nothing to fill.
 */
export function copyRequest(block: Block, axis: 'down' | 'right'): FillRequest | null {
  if (axis === 'down') {
    if (block.bottom > block.top) return { source: { ...block, bottom: block.top }, axis, through: block.bottom, how: 'copy' };
    return block.top > 0 ? { source: { ...block, top: block.top - 1, bottom: block.top - 1 }, axis, through: block.bottom, how: 'copy' } : null;
  }
  if (block.right > block.left) return { source: { ...block, right: block.left }, axis, through: block.right, how: 'copy' };
  return block.left > 0 ? { source: { ...block, left: block.left - 1, right: block.left - 1 }, axis, through: block.right, how: 'copy' } : null;
}

/**
 * What a fill would change, one patch per row, or every problem naming its
 * row, account and column: checked whole (each changed row against the
 * schema) before anything is saved, as a paste is.
 */
export function planFill(
  request: FillRequest,
  cols: readonly string[],
  rowAt: (display: number) => ShownRow | null,
  headerOf: (col: string) => string,
): FillPlan {
  const { source, axis, through, how } = request;
  const down = axis === 'down';
  const first = (down ? source.bottom : source.right) + 1;
  const count = Math.max(0, through - first + 1);
  const covered: Block = down ? { ...source, bottom: Math.max(source.bottom, through) } : { ...source, right: Math.max(source.right, through) };
  const problems: CellProblem[] = [];
  const byRow = new Map<number, { index: number; account: string; patch: Record<string, unknown>; display: number }>();
  const columns: string[] = [];
  let cells = 0;
  const targetCols = down ? cols.slice(source.left, source.right + 1) : cols.slice(first, through + 1);
  const where = (display: number, col: string) => `row ${display + 1} (${rowAt(display)?.row.account ?? '?'}), column ${headerOf(col)}`;
  for (const col of targetCols) {
    const at = down ? first : cols.indexOf(col);
    if (col === NAME) {
      problems.push({ row: down ? at : source.top, col, text: `column ${headerOf(col)} is not filled: each account's name is its own, and a fill would repeat them` });
    } else if (!INPUT_COLUMN_IDS.has(col)) {
      problems.push({ row: down ? at : source.top, col, text: `column ${headerOf(col)} is computed and cannot be filled` });
    }
  }
  if (problems.length > 0 || count === 0) return { patches: [], problems, covered, cells: 0, columns: [] };

  /** Each line along the fill: a column (down) or a row (right), its source values and the cells to write. */
  const lines = down
    ? cols.slice(source.left, source.right + 1).map((col) => ({
        source: range(source.top, source.bottom).map((r) => [r, col] as const),
        targets: range(first, through).map((r) => [r, col] as const),
      }))
    : range(source.top, source.bottom).map((r) => ({
        source: range(source.left, source.right).map((k) => [r, cols[k]!] as const),
        targets: range(first, through).map((k) => [r, cols[k]!] as const),
      }));
  for (const line of lines) {
    const values = line.source.map(([r, col]) => ((rowAt(r)?.row as unknown as Record<string, FillValue> | undefined)?.[col] ?? null));
    const next = how === 'series' ? continueSeries(values, count) : repeatSource(values, count);
    line.targets.forEach(([r, col], k) => {
      const shown = rowAt(r);
      if (!shown) {
        problems.push({ row: r, col, text: `the fill runs past the last account (row ${r + 1})` });
        return;
      }
      const entry = byRow.get(shown.index) ?? { index: shown.index, account: shown.row.account, patch: {}, display: r };
      entry.patch[col] = next[k] ?? null;
      byRow.set(shown.index, entry);
      if (!columns.includes(col)) columns.push(col);
      cells++;
    });
  }
  for (const entry of byRow.values()) {
    const current = rowAt(entry.display)!.row;
    const problem = rowProblem({ ...current, ...entry.patch });
    if (problem) {
      const value = entry.patch[problem.field];
      problems.push({ row: entry.display, col: problem.field, text: `${where(entry.display, problem.field)}${refusal(problem, value, 'get')}` });
    }
  }
  const patches = [...byRow.values()].map(({ index, account, patch }) => ({ index, account, patch: patch as SheetRowPatch }));
  return { patches, problems, covered, cells, columns: cols.filter((c) => columns.includes(c)) };
}

/**
 * Why a value a fill or a change would write is refused, after the cell's
 * name: ' would get -20: it must be 0 or more', or the row's rule as it is
 * (': upsell + crossSell must not exceed revenue').
 */
export function refusal(problem: { field: string; rule: string }, value: unknown, verb: 'get' | 'be'): string {
  const own = new RegExp(`^${problem.field} (?=must )`);
  if ((typeof value === 'number' || typeof value === 'string') && own.test(problem.rule)) return ` would ${verb} ${String(value)}: it ${problem.rule.replace(own, '')}`;
  return `: ${problem.rule}`;
}

/** from..to inclusive. */
const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);

import { DimensionValue } from '../../../../shared/schemas/dimensions';
import type { DimensionCellEdit } from '../../state/dimension-model';
import { repeatSource } from './fill';
import type { FillRequest } from './fillPlan';
import type { FindOptions, FindTable, Match } from './findReplace';
import { replacedText } from './findReplace';
import type { CellProblem } from './paste';
import { listWords } from './relative';
import { dimensionOfColumn } from './dimensionColumns';

/**
 * Paste, fill and replace into dimension columns, pure: what a block would
 * write as `dimensions.set` cells (one call, so one Undo takes it back), or
 * every problem naming its cell. A block that reaches dimension columns and
 * other columns is refused whole: the two are saved by different calls, and
 * half a paste is never saved.
 */

/** A cell to save: where the account sits among the period's rows, its name, the dimension and the value (null clears it). */
export interface DimensionCellSave extends DimensionCellEdit {
  account: string;
}

/** A displayed row: its place among the period's rows, its account, and its value of a dimension. */
export interface DimensionRow {
  index: number;
  account: string;
  value: (name: string) => string | null;
}

export interface DimensionPlan {
  cells: DimensionCellSave[];
  problems: CellProblem[];
  /** The dimensions written, in order. */
  names: string[];
}

/** null when no column is a dimension's; a refusal when some are and some are not; else the dimensions' names. */
export function dimensionsOf(cols: readonly string[], what: string): { names: string[] } | { refusal: string } | null {
  const names = cols.map(dimensionOfColumn);
  const dims = names.filter((n): n is string => n !== null);
  if (dims.length === 0) return null;
  if (dims.length < cols.length) {
    return { refusal: `${what} reaches dimension columns (${listWords([...new Set(dims)])}) and other columns; do the dimension columns on their own (each is one change Ctrl+Z undoes)` };
  }
  return { names: [...new Set(dims)] };
}

/** A typed value as `dimensions.set` will keep it: trimmed, blank is none, at most 200 characters. */
export function readDimensionValue(raw: string): { ok: true; value: string | null } | { ok: false; rule: string } {
  const parsed = DimensionValue.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, rule: parsed.error.issues[0]?.message ?? 'is not a value' };
}

/** A pasted block at (top, left) whose columns are all dimension columns. */
export function planDimensionPaste(grid: readonly (readonly string[])[], at: { top: number; left: number }, cols: readonly string[], rowAt: (display: number) => DimensionRow | null): DimensionPlan {
  const problems: CellProblem[] = [];
  const cells: DimensionCellSave[] = [];
  const names = new Set<string>();
  grid.forEach((line, r) => {
    const row = rowAt(at.top + r);
    line.forEach((raw, c) => {
      const col = cols[at.left + c];
      const name = col ? dimensionOfColumn(col) : null;
      if (!col || name === null) return problems.push({ row: at.top + r, col: cols[cols.length - 1]!, text: 'the block runs past the last column' });
      if (!row) return problems.push({ row: at.top + r, col, text: `the block runs past the last account (row ${at.top + r + 1})` });
      const value = readDimensionValue(raw);
      if (!value.ok) return problems.push({ row: at.top + r, col, text: `row ${at.top + r + 1} (${row.account}), column ${name}: ${value.rule}` });
      cells.push({ index: row.index, account: row.account, name, value: value.value });
      names.add(name);
    });
  });
  return { cells, problems, names: [...names] };
}

/** Ctrl+D, Ctrl+R or the fill handle over dimension columns: the source's text repeated (text makes no series). */
export function planDimensionFill(request: FillRequest, cols: readonly string[], rowAt: (display: number) => DimensionRow | null): DimensionPlan {
  const { source, axis, through } = request;
  const down = axis === 'down';
  const first = (down ? source.bottom : source.right) + 1;
  const count = Math.max(0, through - first + 1);
  const problems: CellProblem[] = [];
  const cells: DimensionCellSave[] = [];
  const names = new Set<string>();
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
  const lines = down
    ? range(source.left, source.right).map((k) => ({ source: range(source.top, source.bottom).map((r) => [r, k] as const), targets: range(first, through).map((r) => [r, k] as const) }))
    : range(source.top, source.bottom).map((r) => ({ source: range(source.left, source.right).map((k) => [r, k] as const), targets: range(first, through).map((k) => [r, k] as const) }));
  for (const line of lines) {
    const values = line.source.map(([r, k]) => rowAt(r)?.value(dimensionOfColumn(cols[k] ?? '') ?? '') ?? null);
    const next = repeatSource(values, count);
    line.targets.forEach(([r, k], n) => {
      const row = rowAt(r);
      const name = dimensionOfColumn(cols[k] ?? '');
      if (name === null) return problems.push({ row: r, col: cols[cols.length - 1]!, text: 'the fill runs past the last column' });
      if (!row) return problems.push({ row: r, col: cols[k]!, text: `the fill runs past the last account (row ${r + 1})` });
      cells.push({ index: row.index, account: row.account, name, value: (next[n] as string | null) ?? null });
      names.add(name);
    });
  }
  return { cells, problems, names: [...names] };
}

/** Replace over matches that are all in dimension columns: each cell's text after the replace, checked as typed. */
export function planDimensionReplace(matches: readonly Match[], table: FindTable, opts: FindOptions, replacement: string): DimensionPlan {
  const problems: CellProblem[] = [];
  const cells: DimensionCellSave[] = [];
  const names = new Set<string>();
  const colOf = new Map(table.columns.map((c) => [c.id, c]));
  const rowOf = new Map(table.rows.map((r) => [r.source, r]));
  for (const m of matches) {
    const col = colOf.get(m.col);
    const row = rowOf.get(m.source);
    const name = dimensionOfColumn(m.col);
    if (!col || !row || name === null) continue;
    const text = replacedText(table.cell(row, col), opts, replacement);
    if (text === null) continue;
    const value = readDimensionValue(text);
    if (!value.ok) {
      problems.push({ row: m.row, col: m.col, text: `row ${m.row + 1} (${m.account}), column ${name}: "${text.slice(0, 40)}" ${value.rule}` });
      continue;
    }
    cells.push({ index: m.source, account: m.account, name, value: value.value });
    names.add(name);
  }
  return { cells, problems, names: [...names] };
}

import type { InputField } from '../../../../shared/schemas/fields';
import { AccountName, type SheetRow, type SheetRowPatch } from '../../../../shared/schemas/row';
import { readCell } from '../../../../shared/text/cells';
import { parseNumber } from '../../../../shared/text/numbers';
import { rowProblem, type CellProblem, type RowPatch } from './paste';

/**
 * Find and replace over the sheet, pure: which cells match a text (numbers
 * by their value however they are shown, text by its words), and what a
 * Replace all would save, checked whole as a pasted block is (each cell
 * read as typed, each row against the schema, account names kept unique).
 */

export interface FindOptions {
  text: string;
  matchCase: boolean;
  /** The whole cell must be the text (or the number), not only hold it. */
  wholeCell: boolean;
}

export interface FindColumn {
  id: string;
  header: string;
  /** An input column; computed ones are searched but never replaced. */
  replaceable: boolean;
}

/** A displayed row: its place on screen, its index among the period's rows, its account. */
export interface FindRow {
  display: number;
  source: number;
  account: string;
}

/** A cell's value, and the text it shows (asked only when the value does not decide). */
export interface FindCell {
  value: unknown;
  shown: () => string;
}

export interface FindTable {
  columns: readonly FindColumn[];
  /** In display order. */
  rows: readonly FindRow[];
  cell: (row: FindRow, col: FindColumn) => FindCell;
}

export interface Match {
  row: number;
  col: string;
  source: number;
  account: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A number as one types it: 1200, 0.25, never 1.2e3 for a plain amount. */
const plainNumber = (n: number) => (Number.isInteger(n) ? n.toFixed(0) : String(n));

/** The text of a cell's value: a number plainly, text as it is, nothing as "". */
function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? plainNumber(value) : String(value);
}

/** The number a find text means ("1200", "$1,200", "1.200" is not guessed), or null. */
function queryNumber(text: string): number | null {
  const n = parseNumber(text.trim());
  return n.ok && n.value !== null && !n.percent ? n.value : null;
}

const same = (a: string, b: string, matchCase: boolean) => (matchCase ? a === b : a.toLocaleLowerCase() === b.toLocaleLowerCase());
const holds = (a: string, b: string, matchCase: boolean) => (matchCase ? a.includes(b) : a.toLocaleLowerCase().includes(b.toLocaleLowerCase()));

/**
 * Which of a cell's texts holds the find text: its value's ('value': 1200 for
 * "$1,200"), else what it shows ('shown'), else null. A number matches whole
 * when the find text reads as the same number.
 */
export function matchIn(cell: FindCell, opts: FindOptions): 'value' | 'shown' | null {
  const text = opts.wholeCell ? opts.text.trim() : opts.text;
  if (text.trim() === '') return null;
  const plain = valueText(cell.value);
  if (plain === '') return null;
  if (opts.wholeCell) {
    if (typeof cell.value === 'number') {
      const n = queryNumber(text);
      if (n !== null && n === cell.value) return 'value';
    } else if (same(plain, text, opts.matchCase)) return 'value';
    return same(cell.shown(), text, opts.matchCase) ? 'shown' : null;
  }
  if (holds(plain, text, opts.matchCase)) return 'value';
  return holds(cell.shown(), text, opts.matchCase) ? 'shown' : null;
}

/** Every matching cell, row by row in display order, left to right within a row. */
export function findMatches(table: FindTable, opts: FindOptions): Match[] {
  const out: Match[] = [];
  if (opts.text.trim() === '') return out;
  for (const row of table.rows) {
    for (const col of table.columns) {
      if (matchIn(table.cell(row, col), opts)) out.push({ row: row.display, col: col.id, source: row.source, account: row.account });
    }
  }
  return out;
}

/**
 * The match to go to from a cell (the focused one, or the current match):
 * the first after it, or before it going back, wrapping around; -1 when
 * there is none. `order` is the columns' order on screen.
 */
export function stepMatch(matches: readonly Match[], from: { row: number; col: string } | null, order: readonly string[], backwards: boolean): number {
  if (matches.length === 0) return -1;
  if (!from) return backwards ? matches.length - 1 : 0;
  const at = (m: { row: number; col: string }) => m.row * (order.length + 1) + order.indexOf(m.col);
  const here = at(from);
  if (backwards) {
    for (let k = matches.length - 1; k >= 0; k--) if (at(matches[k]!) < here) return k;
    return matches.length - 1;
  }
  const k = matches.findIndex((m) => at(m) > here);
  return k === -1 ? 0 : k;
}

/** The cell's text after the replace, as one would type it: every occurrence replaced, or the whole cell. */
export function replacedText(cell: FindCell, opts: FindOptions, replacement: string): string | null {
  const where = matchIn(cell, opts);
  if (!where) return null;
  if (opts.wholeCell) return replacement;
  const text = where === 'value' ? valueText(cell.value) : cell.shown();
  const pattern = new RegExp(escapeRegExp(opts.text), opts.matchCase ? 'g' : 'gi');
  return text.replace(pattern, () => replacement);
}

export interface ReplacePlan {
  patches: RowPatch[];
  /** Cells replaced. */
  cells: number;
  /** Matches in computed columns, left as they are. */
  computed: number;
  problems: CellProblem[];
}

/** "accounts" by their lower-case, single-spaced name, as the workbook tells them apart. */
const nameKey = (name: string) => {
  const parsed = AccountName.safeParse(name);
  return (parsed.success ? parsed.data : name.trim()).toLocaleLowerCase();
};

/**
 * What replacing `matches` with `replacement` would save, one patch per row,
 * or every problem naming its cell: a value its field refuses (read as
 * typed), a row the schema refuses, or two accounts given one name.
 */
export function planReplace(
  matches: readonly Match[],
  table: FindTable,
  opts: FindOptions,
  replacement: string,
  rows: readonly SheetRow[],
): ReplacePlan {
  const problems: CellProblem[] = [];
  const byRow = new Map<number, { index: number; account: string; patch: Record<string, unknown>; display: number }>();
  const colOf = new Map(table.columns.map((c) => [c.id, c]));
  const rowOf = new Map(table.rows.map((r) => [r.source, r]));
  let cells = 0;
  let computed = 0;
  for (const m of matches) {
    const col = colOf.get(m.col);
    const row = rowOf.get(m.source);
    if (!col || !row) continue;
    if (!col.replaceable) {
      computed++;
      continue;
    }
    const where = `row ${m.row + 1} (${m.account}), column ${col.header}`;
    const text = replacedText(table.cell(row, col), opts, replacement);
    if (text === null) continue;
    const cell = readCell(col.id as InputField, text);
    if (!cell.ok) {
      problems.push({ row: m.row, col: m.col, text: `${where}: "${text}" ${cell.rule}` });
      continue;
    }
    const entry = byRow.get(m.source) ?? { index: m.source, account: m.account, patch: {}, display: m.row };
    entry.patch[m.col] = cell.value;
    byRow.set(m.source, entry);
    cells++;
  }
  for (const entry of byRow.values()) {
    const current = rows[entry.index];
    if (!current) continue;
    const problem = rowProblem({ ...current, ...entry.patch });
    if (problem) {
      const header = table.columns.find((c) => c.id === problem.field)?.header ?? problem.field;
      problems.push({ row: entry.display, col: problem.field, text: `row ${entry.display + 1} (${current.account}), column ${header}: ${problem.rule}` });
    }
  }
  problems.push(...nameClashes(byRow, rows));
  return { patches: [...byRow.values()].map(({ index, account, patch }) => ({ index, account, patch: patch as SheetRowPatch })), cells, computed, problems };
}

/** Renamed accounts that would share a name with another account of the period. */
function nameClashes(byRow: ReadonlyMap<number, { account: string; patch: Record<string, unknown>; display: number }>, rows: readonly SheetRow[]): CellProblem[] {
  const renamed = [...byRow.entries()].filter(([, e]) => typeof e.patch.account === 'string');
  if (renamed.length === 0) return [];
  const owners = new Map<string, string[]>();
  rows.forEach((r, i) => {
    const next = byRow.get(i)?.patch.account;
    const name = typeof next === 'string' ? next : r.account;
    const key = nameKey(name);
    owners.set(key, [...(owners.get(key) ?? []), r.account]);
  });
  const problems: CellProblem[] = [];
  for (const [index, e] of renamed) {
    const names = owners.get(nameKey(e.patch.account as string)) ?? [];
    if (names.length < 2) continue;
    const others = names.filter((n) => n !== rows[index]!.account);
    problems.push({
      row: e.display,
      col: 'account',
      text: `renaming ${e.account} to "${e.patch.account as string}" would give it the same name as ${others.join(', ')}`,
    });
  }
  return problems;
}

/** "3 of 12", "12 matches", "No matches". */
export function countText(current: number, total: number): string {
  if (total === 0) return 'No matches';
  if (current < 0) return `${total} match${total === 1 ? '' : 'es'}`;
  return `${current + 1} of ${total}`;
}

import type { PoolSetup } from '../../../../shared/schemas/pools';
import { parseNumber } from '../../../../shared/text/numbers';
import type { CellError } from '../../components/CellError';

/** One account's count of one activity, as the drivers grid changes it. */
export interface DriverCell {
  account: string;
  activity: string;
  count: number;
}

const ACTIVITY = 'driver:';
/** The activity a drivers grid column counts, or null for the account and allocated columns. */
export const activityOf = (colId: string): string | null => (colId.startsWith(ACTIVITY) ? colId.slice(ACTIVITY.length) : null);
export const activityColumn = (activity: string) => `${ACTIVITY}${activity}`;

/** A count as people type it ("1,200", "40"); a blank is none. */
export function readCount(raw: string): { ok: true; value: number } | { ok: false; rule: string } {
  const n = parseNumber(raw);
  if (!n.ok) return { ok: false, rule: n.rule };
  if (n.value === null) return { ok: true, value: 0 };
  if (n.percent) return { ok: false, rule: 'is a percentage, not a count' };
  if (!Number.isFinite(n.value) || n.value < 0) return { ok: false, rule: 'must be a count, 0 or more' };
  return { ok: true, value: n.value };
}

/**
 * What a block of text pasted at (top, left) of the drivers grid would set,
 * or every problem, each naming its row, account and column: the block is
 * checked whole before anything is saved, as the sheet's paste is.
 */
export function planDriverPaste(
  grid: readonly (readonly string[])[],
  at: { top: number; left: number },
  cols: readonly string[],
  accountAt: (row: number) => string | undefined,
  headerOf: (col: string) => string,
): { cells: DriverCell[]; problems: CellError[] } {
  const cells: DriverCell[] = [];
  const problems: CellError[] = [];
  grid.forEach((line, r) => {
    const row = at.top + r;
    const account = accountAt(row);
    line.forEach((raw, c) => {
      const col = cols[at.left + c];
      if (account === undefined) return void problems.push({ row, col: col ?? cols[at.left]!, text: `the block runs past the last account (row ${row + 1})` });
      if (!col) return void problems.push({ row, col: cols[cols.length - 1]!, text: 'the block runs past the last column' });
      const where = `row ${row + 1} (${account}), column ${headerOf(col)}`;
      const activity = activityOf(col);
      if (activity === null) return void problems.push({ row, col, text: `${where} is not a driver count and cannot be pasted into` });
      const count = readCount(raw);
      if (!count.ok) return void problems.push({ row, col, text: `${where}: value "${raw}" ${count.rule}` });
      cells.push({ account, activity, count: count.value });
    });
  });
  return { cells, problems };
}

/** One count's identity: names match whatever their case, as the backend matches them. */
export const countKey = (account: string, activity: string) => `${account.toLowerCase()}\u0000${activity.toLowerCase()}`;

/** The setup with these counts in place of the ones they name; a count of 0 is no count at all. */
export function withCounts(setup: PoolSetup, cells: readonly DriverCell[]): PoolSetup {
  const changed = new Set(cells.map((c) => countKey(c.account, c.activity)));
  const kept = setup.drivers.filter((d) => !changed.has(countKey(d.account, d.activity)));
  return { ...setup, drivers: [...kept, ...cells.filter((c) => c.count > 0)] };
}

import type { Sql } from '../sql';
import { CpwError } from '../../../../shared/ipc/errors';

/** A period as the history keeps it: enough to put it back where it was. */
export interface PeriodState {
  id: number;
  label: string;
  position: number;
}

/** What a period holds, table by table, as stored: kept for a period that exists on only one side of an action (created or deleted). */
export interface PeriodRows {
  periodId: number;
  tables: { table: string; columns: string[]; values: unknown[][] }[];
}

/** Every table holding a period's data, parents before children, with the condition that selects the period's part. */
const PERIOD_TABLES: readonly { table: string; where: string }[] = [
  { table: 'period_rows', where: 'period_id = ?' },
  { table: 'plan_rows', where: 'period_id = ?' },
  { table: 'cost_pools', where: 'period_id = ?' },
  { table: 'pool_activities', where: 'period_id = ?' },
  { table: 'activity_drivers', where: 'activity_id IN (SELECT id FROM pool_activities WHERE period_id = ?)' },
  { table: 'allocation_modes', where: 'period_id = ?' },
  { table: 'activity_terms', where: 'activity_id IN (SELECT id FROM pool_activities WHERE period_id = ?)' },
  { table: 'pool_feeds', where: 'from_pool_id IN (SELECT id FROM cost_pools WHERE period_id = ?)' },
  { table: 'activity_line_totals', where: 'activity_id IN (SELECT id FROM pool_activities WHERE period_id = ?)' },
];

/** A history entry for an action on periods: every period before and after, and the rows of one that came or went. */
export interface PeriodsChange {
  periods: { before: PeriodState[]; after: PeriodState[]; rows: PeriodRows | null };
}

export function isPeriodsChange(changes: unknown): changes is PeriodsChange {
  return typeof changes === 'object' && changes !== null && !Array.isArray(changes) && 'periods' in changes;
}

function periodStates(tx: Sql): Promise<PeriodState[]> {
  return tx.all<PeriodState>('SELECT id, label, position FROM periods ORDER BY position, id');
}

async function periodRows(tx: Sql, periodId: number): Promise<PeriodRows> {
  const tables: PeriodRows['tables'] = [];
  for (const { table, where } of PERIOD_TABLES) {
    const { columns, rows } = await tx.table(`SELECT * FROM ${table} WHERE ${where}`, [periodId]);
    tables.push({ table, columns, values: rows });
  }
  return { periodId, tables };
}

/**
 * Run `change`, an action on the periods themselves (add, rename, reorder,
 * delete), and return what the history needs to undo and redo it. `periodId`
 * names the period that may come or go: its rows are kept from whichever side
 * holds them, so undoing a delete brings every row back.
 */
export async function capturePeriods<T>(tx: Sql, periodId: () => Promise<number | null>, change: () => Promise<T>): Promise<{ result: T; entry: PeriodsChange }> {
  const before = await periodStates(tx);
  const idBefore = await periodId();
  const rowsBefore = idBefore === null ? null : await periodRows(tx, idBefore);
  const result = await change();
  const after = await periodStates(tx);
  const idAfter = await periodId();
  // A period that went keeps its rows from before; one that came, from after.
  const went = idBefore !== null && !after.some((p) => p.id === idBefore);
  const came = idAfter !== null && !before.some((p) => p.id === idAfter);
  const rows = went ? rowsBefore : came ? await periodRows(tx, idAfter) : null;
  return { result, entry: { periods: { before, after, rows } } };
}

/**
 * Make the workbook's periods exactly `target`: those missing are deleted
 * (their rows with them), those present get their label and place, and one
 * that had gone comes back with its rows. Labels go through a placeholder
 * first, so two periods can swap names without tripping the unique label.
 */
export async function applyPeriods(tx: Sql, target: readonly PeriodState[], rows: PeriodRows | null): Promise<void> {
  const wanted = new Set(target.map((p) => p.id));
  const current = new Set((await periodStates(tx)).map((p) => p.id));
  for (const id of current) if (!wanted.has(id)) await tx.run('DELETE FROM periods WHERE id = ?', [id]);
  // A label no period can have (it starts with a control character) while the others move.
  for (const p of target) if (current.has(p.id)) await tx.run('UPDATE periods SET label = ? || id WHERE id = ?', ['\u0001', p.id]);
  for (const p of target) {
    if (current.has(p.id)) {
      await tx.run('UPDATE periods SET label = ?, position = ? WHERE id = ?', [p.label, p.position, p.id]);
      continue;
    }
    await tx.run('INSERT INTO periods (id, label, position) VALUES (?, ?, ?)', [p.id, p.label, p.position]);
    if (rows && rows.periodId === p.id) {
      for (const t of rows.tables) {
        // The history is read from the workbook: a table or column name must be one of ours before it is written into SQL.
        if (!t.values.length || !PERIOD_TABLES.some((known) => known.table === t.table)) continue;
        const known = new Set(await tx.columnsOf(t.table));
        if (!t.columns.every((c) => known.has(c))) throw new CpwError('DAMAGED', `the undo history names a column ${t.table} does not have`);
        const put = `INSERT INTO ${t.table} (${t.columns.join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`;
        for (const v of t.values) await tx.run(put, v);
      }
    }
  }
}

import { CpwError } from '../../../../shared/ipc/errors';
import type { Sql } from '../sql';

/**
 * A change of one period's plan (copied from its actuals, filled, cleared)
 * as the history keeps it: the plan's rows as stored before and after, so
 * Undo puts back exactly what was there.
 */
export interface PlanChange {
  plan: { periodId: number; columns: string[]; before: unknown[][]; after: unknown[][] };
}

export function isPlanChange(changes: unknown): changes is PlanChange {
  return typeof changes === 'object' && changes !== null && !Array.isArray(changes) && 'plan' in changes;
}

const planRows = (tx: Sql, periodId: number) => tx.table('SELECT * FROM plan_rows WHERE period_id = ? ORDER BY position, account_id', [periodId]);

/** Run `change` on a period's plan; the entry that undoes and redoes it, or null when the plan is as it was. */
export async function capturePlan(tx: Sql, periodId: number, change: () => Promise<void>): Promise<PlanChange | null> {
  const before = await planRows(tx, periodId);
  await change();
  const after = await planRows(tx, periodId);
  if (JSON.stringify(before.rows) === JSON.stringify(after.rows)) return null;
  return { plan: { periodId, columns: after.columns.length ? after.columns : before.columns, before: before.rows, after: after.rows } };
}

/** Make the period's plan the rows of one side of a change; the period's label (null when it is gone). */
export async function applyPlan(tx: Sql, change: PlanChange, undoing: boolean): Promise<string | null> {
  const { periodId, columns, before, after } = change.plan;
  const label = (await tx.value<string>('SELECT label FROM periods WHERE id = ?', [periodId])) ?? null;
  if (label === null) throw new CpwError('CONFLICT', 'the period of this plan has been deleted since; nothing was changed');
  // The history is read from the workbook: its column names must be the table's before they are written into SQL.
  const known = new Set(await tx.columnsOf('plan_rows'));
  if (!columns.every((c) => known.has(c))) throw new CpwError('DAMAGED', 'the undo history names a column plan_rows does not have');
  await tx.run('DELETE FROM plan_rows WHERE period_id = ?', [periodId]);
  const put = `INSERT INTO plan_rows (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  for (const values of undoing ? before : after) await tx.run(put, values);
  return label;
}

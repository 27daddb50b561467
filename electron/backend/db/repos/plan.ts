import { ROW_COLUMNS_SQL } from '../columns';
import type { Sql } from '../sql';

/**
 * A period's plan (DOMAIN.md, "Plan, dimensions"): a second set of rows
 * beside its actuals, the same fields and rules, in `plan_rows`. Imported
 * with `--plan` (bulk-rows.ts, table plan_rows), copied from the actuals,
 * filled into empty cells (fill.ts), or cleared.
 */

/** How many rows the period's plan holds (0: it has none). */
export async function planRowCount(tx: Sql, periodId: number): Promise<number> {
  return Number(await tx.value('SELECT count(*) FROM plan_rows WHERE period_id = ?', [periodId]));
}

/** The period's plan made a copy of its actuals, replacing any plan it had: the number of rows copied. */
export async function copyActualsToPlan(tx: Sql, periodId: number): Promise<number> {
  await tx.run('DELETE FROM plan_rows WHERE period_id = ?', [periodId]);
  return tx.run(
    `INSERT INTO plan_rows (period_id, account_id, position, ${ROW_COLUMNS_SQL})
       SELECT period_id, account_id, position, ${ROW_COLUMNS_SQL} FROM period_rows WHERE period_id = ?`,
    [periodId],
  );
}

/** The period's plan removed: the number of rows it had. */
export function clearPlan(tx: Sql, periodId: number): Promise<number> {
  return tx.run('DELETE FROM plan_rows WHERE period_id = ?', [periodId]);
}

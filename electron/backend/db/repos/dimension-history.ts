import { CpwError } from '../../../../shared/ipc/errors';
import type { Sql } from '../sql';

/**
 * Accounts' dimension values changed in the sheet (typed, pasted, filled) as
 * the history keeps them: each cell before and after, so Undo puts back what
 * was there, and refuses when someone has changed a cell since.
 */
export interface DimensionCell {
  accountId: number;
  dimensionId: number;
  before: string | null;
  after: string | null;
}

export interface DimensionsChange {
  dimensionCells: { period: string | null; cells: DimensionCell[] };
}

export function isDimensionsChange(changes: unknown): changes is DimensionsChange {
  return typeof changes === 'object' && changes !== null && !Array.isArray(changes) && 'dimensionCells' in changes;
}

export const valueOf = async (tx: Sql, accountId: number, dimensionId: number): Promise<string | null> =>
  (await tx.value<string>('SELECT value FROM account_dimensions WHERE account_id = ? AND dimension_id = ?', [accountId, dimensionId])) ?? null;

export async function putValue(tx: Sql, accountId: number, dimensionId: number, value: string | null): Promise<void> {
  if (value === null) await tx.run('DELETE FROM account_dimensions WHERE account_id = ? AND dimension_id = ?', [accountId, dimensionId]);
  else {
    await tx.run('INSERT INTO account_dimensions (account_id, dimension_id, value) VALUES (?, ?, ?) ON CONFLICT (account_id, dimension_id) DO UPDATE SET value = excluded.value', [
      accountId,
      dimensionId,
      value,
    ]);
  }
}

/** Put one side of a change back; the period it was made in. */
export async function applyDimensionCells(tx: Sql, change: DimensionsChange, undoing: boolean, label: string): Promise<string | null> {
  const cells = undoing ? [...change.dimensionCells.cells].reverse() : change.dimensionCells.cells;
  for (const c of cells) {
    const from = undoing ? c.after : c.before;
    if ((await valueOf(tx, c.accountId, c.dimensionId)) !== from) {
      const account = (await tx.value<string>('SELECT name FROM accounts WHERE id = ?', [c.accountId])) ?? `#${c.accountId}`;
      throw new CpwError('CONFLICT', `cannot ${undoing ? 'undo' : 'redo'} "${label}": a dimension of "${account}" was changed since; nothing was changed`);
    }
    await putValue(tx, c.accountId, c.dimensionId, undoing ? c.before : c.after);
  }
  return change.dimensionCells.period;
}

import type { Sql } from '../sql';
import { CpwError } from '../../../../shared/ipc/errors';
import type { SheetRow } from '../../../../shared/schemas/row';
import { applyPeriods, capturePeriods, isPeriodsChange, type PeriodsChange } from './period-history';
import { applyPools, capturePools, isPoolsChange, type PoolsChange } from './pool-history';
import { applyPlan, capturePlan, isPlanChange, type PlanChange } from './plan-history';
import { applyDimensionCells, isDimensionsChange, type DimensionsChange } from './dimension-history';
import { ROW_FIELDS, SELECT_ROWS, UPSERT_ROW, rowValues, touchRow } from './rows';
import { actorName } from '../../actor';
import { auditRow } from './audit';
import { rowsChanged, workbookChanged } from '../../team/changes';

/** How many actions the history keeps; older ones can no longer be undone. */
export const HISTORY_LIMIT = 1000;

interface AccountState {
  name: string;
  owner: string | null;
  segmentOverride: string | null;
}

/** One account's state in one period: its account fields, and its row there (null when it has none). */
interface Snapshot {
  periodId: number;
  accountId: number;
  account: AccountState;
  row: (Pick<SheetRow, (typeof ROW_FIELDS)[number]> & { position: number }) | null;
}

export interface Change {
  before: Snapshot;
  after: Snapshot;
}

async function snapshot(tx: Sql, periodId: number, accountId: number): Promise<Snapshot> {
  const account = (await tx.get<AccountState>('SELECT name, owner, segment_override AS segmentOverride FROM accounts WHERE id = ?', [accountId]))!;
  const row = await tx.get<SheetRow & { position: number }>(`${SELECT_ROWS.replace('SELECT ', 'SELECT r.position AS position, ')} WHERE r.period_id = ? AND r.account_id = ?`, [
    periodId,
    accountId,
  ]);
  const values = row ? (Object.fromEntries([...ROW_FIELDS, 'position'].map((f) => [f, row[f as keyof typeof row]])) as Snapshot['row']) : null;
  return { periodId, accountId, account, row: values };
}

/** The row a snapshot holds, as the audit log names its fields; null when the account had no row there. */
function rowOf(s: Snapshot): SheetRow | null {
  if (!s.row) return null;
  const values: Record<string, unknown> = { ...s.row };
  delete values.position;
  return { account: s.account.name, owner: s.account.owner, segmentOverride: s.account.segmentOverride, ...values } as SheetRow;
}

const sameState = (a: Snapshot, b: Snapshot) => JSON.stringify([a.account, a.row]) === JSON.stringify([b.account, b.row]);

async function apply(tx: Sql, s: Snapshot): Promise<void> {
  await tx.run('UPDATE accounts SET name = ?, owner = ?, segment_override = ? WHERE id = ?', [s.account.name, s.account.owner, s.account.segmentOverride, s.accountId]);
  if (s.row === null) {
    await tx.run('DELETE FROM period_rows WHERE period_id = ? AND account_id = ?', [s.periodId, s.accountId]);
  } else {
    await tx.run(UPSERT_ROW, [s.periodId, s.accountId, s.row.position, ...rowValues(s.row)]);
    await tx.run('UPDATE period_rows SET position = ? WHERE period_id = ? AND account_id = ?', [s.row.position, s.periodId, s.accountId]);
    await touchRow(tx, s.periodId, s.accountId, actorName(), new Date().toISOString());
  }
}

/**
 * Run `change` as one undoable action over the given accounts of a period:
 * their state is kept before and after, a new action drops whatever had been
 * undone (the redo branch), and the history is trimmed to HISTORY_LIMIT.
 * The caller holds the transaction.
 */
export async function recorded<T>(tx: Sql, label: string, periodId: number, accountIds: readonly number[], change: () => Promise<T>): Promise<T> {
  const before: Snapshot[] = [];
  for (const id of accountIds) before.push(await snapshot(tx, periodId, id));
  const result = await change();
  const changes: Change[] = [];
  for (const [k, b] of before.entries()) changes.push({ before: b, after: await snapshot(tx, periodId, accountIds[k]!) });
  await keep(tx, label, changes);
  return result;
}

/** One row's change as the history keeps it, from the row as it was stored and as it is written: nothing read again. */
export function rowChange(periodId: number, accountId: number, position: number, before: SheetRow, after: SheetRow): Change {
  const state = (r: SheetRow): Snapshot => ({
    periodId,
    accountId,
    account: { name: r.account, owner: r.owner, segmentOverride: r.segmentOverride },
    row: { ...(Object.fromEntries(ROW_FIELDS.map((f) => [f, r[f]])) as Pick<SheetRow, (typeof ROW_FIELDS)[number]>), position },
  });
  return { before: state(before), after: state(after) };
}

/** Keep row changes already made as one undoable action; the caller holds the transaction. */
export function recordChanges(tx: Sql, label: string, changes: Change[]): Promise<void> {
  return keep(tx, label, changes);
}

/** A new action drops whatever had been undone (the redo branch), and the history is trimmed to HISTORY_LIMIT. */
async function keep(tx: Sql, label: string, changes: Change[] | PeriodsChange | PoolsChange | PlanChange | DimensionsChange): Promise<void> {
  const who = actorName();
  await tx.run(`DELETE FROM history WHERE undone = 1 AND ${MINE}`, [who]);
  await tx.run('INSERT INTO history (label, changes, at, person) VALUES (?, ?, ?, ?)', [label, JSON.stringify(changes), new Date().toISOString(), who]);
  await tx.run(`DELETE FROM history WHERE ${MINE} AND id NOT IN (SELECT id FROM history WHERE ${MINE} ORDER BY id DESC LIMIT ?)`, [who, who, HISTORY_LIMIT]);
}

/**
 * Each person undoes only their own actions (an entry from before people
 * were told apart, person '', is anyone's). On a file that is this
 * computer's user; on a team server, the signed-in person.
 */
const MINE = "(person = ? OR person = '')";

/**
 * Run `change`, an action on the periods themselves, as one undoable action.
 * `periodId` finds the period that may be created or deleted (null when it
 * does not exist), so its rows can come back. The caller holds the transaction.
 */
export async function recordedPeriods<T>(tx: Sql, label: string, periodId: () => Promise<number | null>, change: () => Promise<T>): Promise<T> {
  const { result, entry } = await capturePeriods(tx, periodId, change);
  await keep(tx, label, entry);
  return result;
}

/** Run `change`, a change of one period's cost pools, activities or driver counts, as one undoable action. The caller holds the transaction. */
export async function recordedPools(tx: Sql, label: string, periodId: number, change: () => Promise<void>): Promise<void> {
  const entry = await capturePools(tx, periodId, change);
  // Saving the setup as it was is no action: an Undo that changes nothing would only confuse.
  if (entry) await keep(tx, label, entry);
}

/** Keep dimension cells already changed as one undoable action; the caller holds the transaction. */
export async function recordDimensionCells(tx: Sql, label: string, change: DimensionsChange): Promise<void> {
  if (change.dimensionCells.cells.length > 0) await keep(tx, label, change);
}

/** Run `change`, a change of one period's plan, as one undoable action (none when the plan is as it was). The caller holds the transaction. */
export async function recordedPlan(tx: Sql, label: string, periodId: number, change: () => Promise<void>): Promise<void> {
  const entry = await capturePlan(tx, periodId, change);
  if (entry) await keep(tx, label, entry);
}

export interface HistoryState {
  undo: string | null;
  redo: string | null;
}

export async function historyState(tx: Sql): Promise<HistoryState> {
  const who = actorName();
  const [row] = await tx.rows(
    `SELECT (SELECT label FROM history WHERE undone = 0 AND ${MINE} ORDER BY id DESC LIMIT 1),
            (SELECT label FROM history WHERE undone = 1 AND ${MINE} ORDER BY id ASC LIMIT 1)`,
    [who, who],
  );
  const [undo, redo] = row as [string | null, string | null];
  return { undo, redo };
}

async function periodLabel(tx: Sql, changes: Change[]): Promise<string | null> {
  const id = changes[0]?.before.periodId;
  if (id === undefined) return null;
  return (await tx.value<string>('SELECT label FROM periods WHERE id = ?', [id])) ?? null;
}

/**
 * Undo the latest action not yet undone (its rows go back to their state
 * before, in reverse order), or redo the earliest undone one (their state
 * after). The caller holds the transaction.
 */
async function step(tx: Sql, direction: 'undo' | 'redo'): Promise<{ label: string; period: string | null }> {
  const undoing = direction === 'undo';
  const entry = await tx.get<{ id: number; label: string; changes: string }>(
    `SELECT id, label, changes FROM history WHERE undone = ? AND ${MINE} ORDER BY id ${undoing ? 'DESC' : 'ASC'} LIMIT 1`,
    [undoing ? 0 : 1, actorName()],
  );
  if (!entry) throw new CpwError('NOT_FOUND', `nothing to ${direction}`);
  const changes = JSON.parse(entry.changes) as Change[] | PeriodsChange | PoolsChange | PlanChange | DimensionsChange;
  await tx.run('UPDATE history SET undone = ? WHERE id = ?', [undoing ? 1 : 0, entry.id]);
  if (isDimensionsChange(changes)) {
    const period = await applyDimensionCells(tx, changes, undoing, entry.label);
    workbookChanged();
    return { label: entry.label, period };
  }
  if (isPlanChange(changes)) {
    const period = await applyPlan(tx, changes, undoing);
    workbookChanged();
    return { label: entry.label, period };
  }
  if (isPoolsChange(changes)) {
    const period = await applyPools(tx, changes, undoing, entry.label);
    workbookChanged();
    return { label: entry.label, period };
  }
  if (isPeriodsChange(changes)) {
    const { before, after, rows } = changes.periods;
    await applyPeriods(tx, undoing ? before : after, rows);
    const shown = rows ? (undoing ? before : after).find((p) => p.id === rows.periodId) : undefined;
    workbookChanged();
    return { label: entry.label, period: shown?.label ?? null };
  }
  const period = await periodLabel(tx, changes);
  const at = new Date().toISOString();
  for (const c of undoing ? [...changes].reverse() : changes) {
    const from = undoing ? c.after : c.before;
    const to = undoing ? c.before : c.after;
    // Taking back one's own change must not take back another person's made since: the row must still be as this action left it.
    const now = await snapshot(tx, from.periodId, from.accountId);
    if (!sameState(now, from)) {
      const by = await tx.get<{ changedBy: string | null; changedAt: string | null }>('SELECT changed_by AS changedBy, changed_at AS changedAt FROM period_rows WHERE period_id = ? AND account_id = ?', [from.periodId, from.accountId]);
      const who = by?.changedBy ? ` by ${by.changedBy}${by.changedAt ? ` at ${by.changedAt}` : ''}` : '';
      throw new CpwError('CONFLICT', `cannot ${direction} "${entry.label}": "${now.account.name}" was changed since${who}; nothing was changed`);
    }
    await apply(tx, to);
    await auditRow(tx, period, rowOf(from), rowOf(to), at);
  }
  if (period !== null) rowsChanged(period, changes.map((c) => (undoing ? c.before : c.after).account.name));
  else workbookChanged();
  return { label: entry.label, period };
}

export const undo = (tx: Sql) => step(tx, 'undo');
export const redo = (tx: Sql) => step(tx, 'redo');

import type Database from 'better-sqlite3';
import { CpwError } from '../../../../shared/ipc/errors';
import type { SheetRow } from '../../../../shared/schemas/row';
import { applyPeriods, capturePeriods, isPeriodsChange, type PeriodsChange } from './period-history';
import { ROW_FIELDS, SELECT_ROWS, UPSERT_ROW, rowValues } from './rows';

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

function snapshot(db: Database.Database, periodId: number, accountId: number): Snapshot {
  const account = db.prepare('SELECT name, owner, segment_override AS segmentOverride FROM accounts WHERE id = ?').get(accountId) as AccountState;
  const row = db
    .prepare(`${SELECT_ROWS.replace('SELECT ', 'SELECT r.position AS position, ')} WHERE r.period_id = ? AND r.account_id = ?`)
    .get(periodId, accountId) as (SheetRow & { position: number }) | undefined;
  const values = row ? (Object.fromEntries([...ROW_FIELDS, 'position'].map((f) => [f, row[f as keyof typeof row]])) as Snapshot['row']) : null;
  return { periodId, accountId, account, row: values };
}

function apply(db: Database.Database, s: Snapshot): void {
  db.prepare('UPDATE accounts SET name = ?, owner = ?, segment_override = ? WHERE id = ?').run(
    s.account.name,
    s.account.owner,
    s.account.segmentOverride,
    s.accountId,
  );
  if (s.row === null) {
    db.prepare('DELETE FROM period_rows WHERE period_id = ? AND account_id = ?').run(s.periodId, s.accountId);
  } else {
    db.prepare(UPSERT_ROW).run(s.periodId, s.accountId, s.row.position, ...rowValues(s.row));
    db.prepare('UPDATE period_rows SET position = ? WHERE period_id = ? AND account_id = ?').run(s.row.position, s.periodId, s.accountId);
  }
}

/**
 * Run `change` as one undoable action over the given accounts of a period:
 * their state is kept before and after, a new action drops whatever had been
 * undone (the redo branch), and the history is trimmed to HISTORY_LIMIT.
 * The caller holds the transaction.
 */
export function recorded<T>(
  db: Database.Database,
  label: string,
  periodId: number,
  accountIds: readonly number[],
  change: () => T,
): T {
  const before = accountIds.map((id) => snapshot(db, periodId, id));
  const result = change();
  const changes: Change[] = before.map((b, k) => ({ before: b, after: snapshot(db, periodId, accountIds[k]!) }));
  keep(db, label, changes);
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
export function recordChanges(db: Database.Database, label: string, changes: Change[]): void {
  keep(db, label, changes);
}

/** A new action drops whatever had been undone (the redo branch), and the history is trimmed to HISTORY_LIMIT. */
function keep(db: Database.Database, label: string, changes: Change[] | PeriodsChange): void {
  db.prepare('DELETE FROM history WHERE undone = 1').run();
  db.prepare('INSERT INTO history (label, changes, at) VALUES (?, ?, ?)').run(label, JSON.stringify(changes), new Date().toISOString());
  db.prepare('DELETE FROM history WHERE id <= (SELECT max(id) FROM history) - ?').run(HISTORY_LIMIT);
}

/**
 * Run `change`, an action on the periods themselves, as one undoable action.
 * `periodId` finds the period that may be created or deleted (null when it
 * does not exist), so its rows can come back. The caller holds the transaction.
 */
export function recordedPeriods<T>(db: Database.Database, label: string, periodId: () => number | null, change: () => T): T {
  const { result, entry } = capturePeriods(db, periodId, change);
  keep(db, label, entry);
  return result;
}

export interface HistoryState {
  undo: string | null;
  redo: string | null;
}

export function historyState(db: Database.Database): HistoryState {
  const [undo, redo] = db
    .prepare(
      `SELECT (SELECT label FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1),
              (SELECT label FROM history WHERE undone = 1 ORDER BY id ASC LIMIT 1)`,
    )
    .raw()
    .get() as [string | null, string | null];
  return { undo, redo };
}

function periodLabel(db: Database.Database, changes: Change[]): string | null {
  const id = changes[0]?.before.periodId;
  if (id === undefined) return null;
  return (db.prepare('SELECT label FROM periods WHERE id = ?').get(id) as { label: string } | undefined)?.label ?? null;
}

/**
 * Undo the latest action not yet undone (its rows go back to their state
 * before, in reverse order), or redo the earliest undone one (their state
 * after). The caller holds the transaction.
 */
function step(db: Database.Database, direction: 'undo' | 'redo'): { label: string; period: string | null } {
  const undoing = direction === 'undo';
  const entry = db
    .prepare(`SELECT id, label, changes FROM history WHERE undone = ? ORDER BY id ${undoing ? 'DESC' : 'ASC'} LIMIT 1`)
    .get(undoing ? 0 : 1) as { id: number; label: string; changes: string } | undefined;
  if (!entry) throw new CpwError('NOT_FOUND', `nothing to ${direction}`);
  const changes = JSON.parse(entry.changes) as Change[] | PeriodsChange;
  db.prepare('UPDATE history SET undone = ? WHERE id = ?').run(undoing ? 1 : 0, entry.id);
  if (isPeriodsChange(changes)) {
    const { before, after, rows } = changes.periods;
    applyPeriods(db, undoing ? before : after, rows);
    const shown = rows ? (undoing ? before : after).find((p) => p.id === rows.periodId) : undefined;
    return { label: entry.label, period: shown?.label ?? null };
  }
  for (const c of undoing ? [...changes].reverse() : changes) apply(db, undoing ? c.before : c.after);
  return { label: entry.label, period: periodLabel(db, changes) };
}

export const undo = (db: Database.Database) => step(db, 'undo');
export const redo = (db: Database.Database) => step(db, 'redo');

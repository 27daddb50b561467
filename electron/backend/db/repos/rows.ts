import type Database from 'better-sqlite3';
import { CpwError } from '../../../../shared/ipc/errors';
import { COLUMN, ROW_FIELDS } from '../columns';
import { nfc, SheetRow, SheetRowPatch } from '../../../../shared/schemas/row';
import { problemsMessage, zodProblems } from '../../validation';

export { ROW_FIELDS } from '../columns';

export const SELECT_ROWS = `SELECT a.name AS account, a.owner AS owner, a.segment_override AS segmentOverride,
  ${ROW_FIELDS.map((f) => `r.${COLUMN[f]} AS ${f}`).join(', ')}
  FROM period_rows r JOIN accounts a ON a.id = r.account_id`;

/** A row as stored, with the ids and place an edit needs: one read. */
export interface StoredRow {
  accountId: number;
  position: number;
  row: SheetRow;
}

const SELECT_STORED = `SELECT a.id AS accountId, r.position AS position, ${SELECT_ROWS.slice('SELECT '.length)} WHERE r.period_id = ? AND a.name = ? COLLATE NOCASE`;

export function findStoredRow(db: Database.Database, periodId: number, account: string): StoredRow | undefined {
  const found = db.prepare(SELECT_STORED).get(periodId, nfc(account)) as (SheetRow & { accountId: number; position: number }) | undefined;
  if (!found) return undefined;
  const { accountId, position, ...row } = found;
  return { accountId, position, row: row as SheetRow };
}

/**
 * Write a checked row over its stored self: the account's own fields only
 * when they changed (a rename, an owner, a pinned segment belong to the
 * account in every period), and the period's values.
 */
export function writeRowChange(db: Database.Database, periodId: number, stored: StoredRow, next: SheetRow): void {
  const was = stored.row;
  if (next.account !== was.account || next.owner !== was.owner || next.segmentOverride !== was.segmentOverride) {
    if (next.account !== was.account) {
      const clash = db.prepare('SELECT id FROM accounts WHERE name = ? COLLATE NOCASE').pluck().get(next.account) as number | undefined;
      if (clash !== undefined && clash !== stored.accountId) throw new CpwError('CONFLICT', `another account is already named "${next.account}"`);
    }
    db.prepare('UPDATE accounts SET name = ?, owner = ?, segment_override = ? WHERE id = ?').run(next.account, next.owner, next.segmentOverride, stored.accountId);
  }
  db.prepare(UPDATE_ROW).run(...rowValues(next), periodId, stored.accountId);
}

export function findRow(db: Database.Database, periodId: number, account: string): SheetRow | undefined {
  return db.prepare(`${SELECT_ROWS} WHERE r.period_id = ? AND a.name = ? COLLATE NOCASE`).get(periodId, nfc(account)) as
    | SheetRow
    | undefined;
}

function getRow(db: Database.Database, periodId: number, account: string): SheetRow {
  const row = findRow(db, periodId, account);
  if (!row) throw new CpwError('NOT_FOUND', `no account "${account}" in this period`);
  return row;
}

/** The account's id, found ignoring case; null when the workbook has no such account. */
export function findAccountId(db: Database.Database, name: string): number | null {
  const row = db.prepare('SELECT id FROM accounts WHERE name = ? COLLATE NOCASE').get(nfc(name)) as { id: number } | undefined;
  return row?.id ?? null;
}

/** A new account of that name, with nothing else yet: its id. */
export function createAccount(db: Database.Database, name: string): number {
  return Number(db.prepare('INSERT INTO accounts (name) VALUES (?)').run(name).lastInsertRowid);
}

/** The account's name as stored, found ignoring case; null when the workbook has no such account. */
export function findAccountName(db: Database.Database, name: string): string | null {
  const row = db.prepare('SELECT name FROM accounts WHERE name = ? COLLATE NOCASE').get(nfc(name)) as { name: string } | undefined;
  return row?.name ?? null;
}

/**
 * The account's id, creating it when new, with the row's owner and pinned
 * segment, which are the account's across periods. The name's unique index
 * compares without case, as every lookup of an account does.
 */
export function upsertAccount(db: Database.Database, row: SheetRow): number {
  return db
    .prepare(
      `INSERT INTO accounts (name, owner, segment_override) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, segment_override = excluded.segment_override
       RETURNING id`,
    )
    .pluck()
    .get(row.account, row.owner, row.segmentOverride) as number;
}

export const UPSERT_ROW = `INSERT INTO period_rows (period_id, account_id, position, ${ROW_FIELDS.map((f) => COLUMN[f]).join(', ')})
  VALUES (?, ?, ?, ${ROW_FIELDS.map(() => '?').join(', ')})
  ON CONFLICT (period_id, account_id) DO UPDATE SET ${ROW_FIELDS.map((f) => `${COLUMN[f]} = excluded.${COLUMN[f]}`).join(', ')}`;

const UPDATE_ROW = `UPDATE period_rows SET ${ROW_FIELDS.map((f) => `${COLUMN[f]} = ?`).join(', ')} WHERE period_id = ? AND account_id = ?`;

export function rowValues(row: Pick<SheetRow, (typeof ROW_FIELDS)[number]>): (number | string | null)[] {
  return ROW_FIELDS.map((f) => row[f]);
}

export function nextPosition(db: Database.Database, periodId: number): number {
  return (db.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM period_rows WHERE period_id = ?').get(periodId) as { p: number }).p;
}

export function insertRow(db: Database.Database, periodId: number, row: SheetRow): SheetRow {
  if (findRow(db, periodId, row.account)) throw new CpwError('CONFLICT', `account "${row.account}" is already in this period`);
  const accountId = upsertAccount(db, row);
  db.prepare(UPSERT_ROW).run(periodId, accountId, nextPosition(db, periodId), ...rowValues(row));
  return getRow(db, periodId, row.account);
}

/** The row a patch would make, validated whole; a refusal names the account, the field, the value and the rule. */
export function checkPatch(current: SheetRow, patch: SheetRowPatch): SheetRow {
  const fields = SheetRowPatch.safeParse(patch);
  const parsed = fields.success ? SheetRow.safeParse({ ...current, ...fields.data }) : fields;
  if (parsed.success) return parsed.data;
  const problems = zodProblems(parsed.error).map((p) => ({
    ...p,
    account: current.account,
    value: p.field !== undefined && p.field in patch ? String(patch[p.field as keyof SheetRowPatch]) : undefined,
  }));
  throw new CpwError('INVALID_INPUT', problemsMessage(`account "${current.account}"`, problems), { problems });
}

export function deleteRows(db: Database.Database, periodId: number, accounts: readonly string[]): number {
  const del = db.prepare(
    'DELETE FROM period_rows WHERE period_id = ? AND account_id = (SELECT id FROM accounts WHERE name = ? COLLATE NOCASE)',
  );
  let deleted = 0;
  for (const name of accounts) {
    const n = del.run(periodId, name).changes;
    if (n === 0) throw new CpwError('NOT_FOUND', `no account "${name}" in this period`);
    deleted += n;
  }
  return deleted;
}


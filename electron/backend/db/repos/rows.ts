import { CpwError } from '../../../../shared/ipc/errors';
import { nfc, SheetRow, SheetRowPatch, type VersionedRow } from '../../../../shared/schemas/row';
import { problemsMessage, zodProblems } from '../../validation';
import { COLUMN, ROW_FIELDS } from '../columns';
import type { Sql } from '../sql';

export { ROW_FIELDS } from '../columns';

export const SELECT_ROWS = `SELECT a.name AS account, a.owner AS owner, a.segment_override AS segmentOverride,
  ${ROW_FIELDS.map((f) => `r.${COLUMN[f]} AS ${f}`).join(', ')}
  FROM period_rows r JOIN accounts a ON a.id = r.account_id`;

/** A row's version and who changed it last, when (VersionedRow). */
export const VERSION_COLUMNS = 'r.version AS version, r.changed_by AS changedBy, r.changed_at AS changedAt';

/** A row as stored, with the ids, place and version an edit needs: one read. */
export interface StoredRow {
  accountId: number;
  position: number;
  row: SheetRow;
  version: number;
  changedBy: string | null;
  changedAt: string | null;
}

const SELECT_STORED = `SELECT a.id AS accountId, r.position AS position, ${VERSION_COLUMNS}, ${SELECT_ROWS.slice('SELECT '.length)} WHERE r.period_id = ? AND a.name = ? COLLATE NOCASE`;

export async function findStoredRow(tx: Sql, periodId: number, account: string): Promise<StoredRow | undefined> {
  const found = await tx.get<SheetRow & Omit<StoredRow, 'row'>>(SELECT_STORED, [periodId, nfc(account)]);
  if (!found) return undefined;
  const { accountId, position, version, changedBy, changedAt, ...row } = found;
  return { accountId, position, version, changedBy, changedAt, row: row as SheetRow };
}

// The version read is part of the condition: a second server (or anything else) that wrote the row meanwhile makes this write nothing, and the edit a CONFLICT.
const UPDATE_ROW = `UPDATE period_rows SET ${ROW_FIELDS.map((f) => `${COLUMN[f]} = ?`).join(', ')}, version = version + 1, changed_by = ?, changed_at = ?
  WHERE period_id = ? AND account_id = ? AND version = ?`;

/**
 * Write a checked row over its stored self: the account's own fields only
 * when they changed (a rename, an owner, a pinned segment belong to the
 * account in every period), and the period's values, moving its version on.
 */
export async function writeRowChange(tx: Sql, periodId: number, stored: StoredRow, next: SheetRow, by: string, at: string): Promise<number> {
  const was = stored.row;
  if (next.account !== was.account || next.owner !== was.owner || next.segmentOverride !== was.segmentOverride) {
    if (next.account !== was.account) {
      const clash = await findAccountId(tx, next.account);
      if (clash !== null && clash !== stored.accountId) throw new CpwError('CONFLICT', `another account is already named "${next.account}"`);
    }
    await tx.run('UPDATE accounts SET name = ?, owner = ?, segment_override = ? WHERE id = ?', [next.account, next.owner, next.segmentOverride, stored.accountId]);
  }
  const written = await tx.run(UPDATE_ROW, [...rowValues(next), by, at, periodId, stored.accountId, stored.version]);
  if (written === 0) throw new CpwError('CONFLICT', `the row of "${stored.row.account}" was changed by someone else while this edit was saved; nothing was changed: read it again and retry`);
  return stored.version + 1;
}

export function findRow(tx: Sql, periodId: number, account: string): Promise<VersionedRow | undefined> {
  return tx.get<VersionedRow>(`${SELECT_ROWS.replace('SELECT ', `SELECT ${VERSION_COLUMNS}, `)} WHERE r.period_id = ? AND a.name = ? COLLATE NOCASE`, [periodId, nfc(account)]);
}

/** Mark rows as changed by a person at a time, moving each version on: what undo, redo and other writers of whole rows do. */
export async function touchRow(tx: Sql, periodId: number, accountId: number, by: string, at: string): Promise<void> {
  await tx.run('UPDATE period_rows SET version = version + 1, changed_by = ?, changed_at = ? WHERE period_id = ? AND account_id = ?', [by, at, periodId, accountId]);
}

/** The account's id, found ignoring case; null when the workbook has no such account. */
export async function findAccountId(tx: Sql, name: string): Promise<number | null> {
  return (await tx.value<number>('SELECT id FROM accounts WHERE name = ? COLLATE NOCASE', [nfc(name)])) ?? null;
}

/** A new account of that name, with nothing else yet: its id. */
export async function createAccount(tx: Sql, name: string, owner: string | null = null): Promise<number> {
  return (await tx.value<number>('INSERT INTO accounts (name, owner) VALUES (?, ?) RETURNING id', [name, owner]))!;
}

/** The account's name as stored, found ignoring case; null when the workbook has no such account. */
export async function findAccountName(tx: Sql, name: string): Promise<string | null> {
  return (await tx.value<string>('SELECT name FROM accounts WHERE name = ? COLLATE NOCASE', [nfc(name)])) ?? null;
}

/**
 * The account's id, creating it when new, with the row's owner and pinned
 * segment, which are the account's across periods. Names compare without
 * case, as every lookup of an account does.
 */
export async function upsertAccount(tx: Sql, row: SheetRow): Promise<number> {
  const id = await findAccountId(tx, row.account);
  if (id === null) return (await tx.value<number>('INSERT INTO accounts (name, owner, segment_override) VALUES (?, ?, ?) RETURNING id', [row.account, row.owner, row.segmentOverride]))!;
  await tx.run('UPDATE accounts SET owner = ?, segment_override = ? WHERE id = ?', [row.owner, row.segmentOverride, id]);
  return id;
}

/** Insert a row, or overwrite an existing one's values (its place kept): into the actuals, whose version moves on, or into the plan, which has none. */
export function upsertRowInto(table: 'period_rows' | 'plan_rows'): string {
  return `INSERT INTO ${table} (period_id, account_id, position, ${ROW_FIELDS.map((f) => COLUMN[f]).join(', ')})
  VALUES (?, ?, ?, ${ROW_FIELDS.map(() => '?').join(', ')})
  ON CONFLICT (period_id, account_id) DO UPDATE SET ${ROW_FIELDS.map((f) => `${COLUMN[f]} = excluded.${COLUMN[f]}`).join(', ')}${table === 'period_rows' ? ', version = period_rows.version + 1' : ''}`;
}

export const UPSERT_ROW = upsertRowInto('period_rows');

export function rowValues(row: Pick<SheetRow, (typeof ROW_FIELDS)[number]>): (number | string | null)[] {
  return ROW_FIELDS.map((f) => row[f]);
}

export async function nextPosition(tx: Sql, periodId: number, table: 'period_rows' | 'plan_rows' = 'period_rows'): Promise<number> {
  return (await tx.value<number>(`SELECT coalesce(max(position), 0) + 1 FROM ${table} WHERE period_id = ?`, [periodId]))!;
}

export async function insertRow(tx: Sql, periodId: number, row: SheetRow, by: string, at: string): Promise<VersionedRow> {
  if (await findRow(tx, periodId, row.account)) throw new CpwError('CONFLICT', `account "${row.account}" is already in this period`);
  const accountId = await upsertAccount(tx, row);
  await tx.run(UPSERT_ROW, [periodId, accountId, await nextPosition(tx, periodId), ...rowValues(row)]);
  await touchRow(tx, periodId, accountId, by, at);
  const stored = await findRow(tx, periodId, row.account);
  if (!stored) throw new CpwError('NOT_FOUND', `no account "${row.account}" in this period`);
  return stored;
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

export async function deleteRows(tx: Sql, periodId: number, accounts: readonly string[]): Promise<number> {
  let deleted = 0;
  for (const name of accounts) {
    const n = await tx.run('DELETE FROM period_rows WHERE period_id = ? AND account_id = (SELECT id FROM accounts WHERE name = ? COLLATE NOCASE)', [periodId, nfc(name)]);
    if (n === 0) throw new CpwError('NOT_FOUND', `no account "${name}" in this period`);
    deleted += n;
  }
  return deleted;
}

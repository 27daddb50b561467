import type Database from 'better-sqlite3';
import { CpwError } from '../../../../shared/ipc/errors';
import { emptyColumns, ownerInterner, type SheetColumns } from '../../../../shared/engine/columns';
import { OPTIONAL_NUMBER_FIELDS, SEGMENTS, STATUSES, type SegmentName } from '../../../../shared/schemas/fields';
import { COLUMN, ROW_FIELDS } from '../columns';
import { nfc, SheetRow, SheetRowPatch } from '../../../../shared/schemas/row';
import { MAX_AMOUNT, TOO_LARGE } from '../../../../shared/text/numbers';
import { problemsMessage, zodProblems } from '../../validation';

export { ROW_FIELDS } from '../columns';

export const SELECT_ROWS = `SELECT a.name AS account, a.owner AS owner, a.segment_override AS segmentOverride,
  ${ROW_FIELDS.map((f) => `r.${COLUMN[f]} AS ${f}`).join(', ')}
  FROM period_rows r JOIN accounts a ON a.id = r.account_id`;

/**
 * What a stored value breaks, or null: the file's CHECK rules and STRICT
 * types keep these out, so one found here was put there by another tool
 * (a hand-edited file, a schema rewritten), and is refused where it is read
 * rather than shown as NaN or a dash.
 */
function storedValueProblem(field: (typeof ROW_FIELDS)[number], value: unknown): string | null {
  if (field === 'status') return STATUSES.includes(value as (typeof STATUSES)[number]) ? null : `holds ${JSON.stringify(value)}, not active, new or churned`;
  if (value === null) return (OPTIONAL_NUMBER_FIELDS as readonly string[]).includes(field) ? null : 'is empty';
  if (typeof value !== 'number') return `holds ${JSON.stringify(value)}, not a number`;
  if (!(value >= 0)) return `holds ${value}, below 0`;
  if (!(value <= MAX_AMOUNT)) return `holds ${value}, which ${TOO_LARGE}`;
  return null;
}

/** A period's rows that a reader must not read past: one whose account is gone, or a value no rule allows. */
function damagedRow(db: Database.Database, periodId: number, account: string | null, accountId: number, what: string): CpwError {
  const period = (db.prepare('SELECT label FROM periods WHERE id = ?').pluck().get(periodId) as string | undefined) ?? `#${periodId}`;
  const who = account === null ? `a row for account #${accountId}, which is missing from the accounts table` : `account "${account}"`;
  return new CpwError('DAMAGED', `period ${period}, ${who}${what ? `: ${what}` : ''}; the file was changed outside the workbench (cpw check lists every such value)`);
}

const SELECT_CHECKED = `SELECT a.name AS account, a.owner AS owner, a.segment_override AS segmentOverride, r.account_id AS accountId,
  ${ROW_FIELDS.map((f) => `r.${COLUMN[f]} AS ${f}`).join(', ')}
  FROM period_rows r LEFT JOIN accounts a ON a.id = r.account_id WHERE r.period_id = ? ORDER BY r.position, r.account_id`;

/** A period's rows as stored, unchecked, a missing account as null: for `cpw check` to judge each. */
export function listStoredRows(db: Database.Database, periodId: number): (Record<string, unknown> & { accountId: number; account: string | null })[] {
  return db.prepare(SELECT_CHECKED).all(periodId) as (Record<string, unknown> & { accountId: number; account: string | null })[];
}

/** A row whose account is missing from the accounts table, in words. */
export function orphanRowProblem(db: Database.Database, periodId: number, accountId: number): string {
  return damagedRow(db, periodId, null, accountId, '').message;
}

export function listRows(db: Database.Database, periodId: number): SheetRow[] {
  const rows = db.prepare(SELECT_CHECKED).all(periodId) as (SheetRow & { accountId: number; account: string | null })[];
  for (const row of rows) {
    if (row.account === null) throw damagedRow(db, periodId, null, row.accountId, '');
    for (const f of ROW_FIELDS) {
      const problem = storedValueProblem(f, row[f]);
      if (problem) throw damagedRow(db, periodId, row.account, row.accountId, `${f} ${problem}`);
    }
    delete (row as { accountId?: number }).accountId;
  }
  return rows;
}

const SELECT_COLUMNS = `SELECT a.name, a.owner, a.segment_override, ${ROW_FIELDS.map((f) => `r.${COLUMN[f]}`).join(', ')}, r.account_id
  FROM period_rows r LEFT JOIN accounts a ON a.id = r.account_id WHERE r.period_id = ? ORDER BY r.position, r.account_id`;

/**
 * A period's rows read straight into the engine's typed columns: one array
 * per row from SQLite and no object, which halves the time a 100,000-account
 * workbook takes to open. The same columns as `toColumns(listRows(...))`.
 */
export function listColumns(db: Database.Database, periodId: number): SheetColumns {
  const { n } = db.prepare('SELECT count(*) AS n FROM period_rows WHERE period_id = ?').get(periodId) as { n: number };
  const account = new Array<string>(n);
  const owners: string[] = [];
  const ownerId = ownerInterner(owners);
  const values: (readonly unknown[])[] = new Array(n);
  let i = 0;
  for (const r of db.prepare(SELECT_COLUMNS).raw(true).iterate(periodId) as IterableIterator<unknown[]>) {
    if (r[0] === null) throw damagedRow(db, periodId, null, r[3 + ROW_FIELDS.length] as number, '');
    account[i] = r[0] as string;
    values[i++] = r;
  }
  const cols = emptyColumns(i, i === n ? account : account.slice(0, i), owners);
  const status = 3 + ROW_FIELDS.indexOf('status');
  const floats = ROW_FIELDS.flatMap((f, k) => (f === 'status' ? [] : [{ array: cols[f], at: 3 + k }]));
  // Whether the value at each position of a raw row may be null.
  const optional = new Array<boolean>(3 + ROW_FIELDS.length).fill(false);
  for (const f of OPTIONAL_NUMBER_FIELDS) optional[3 + ROW_FIELDS.indexOf(f)] = true;
  for (let j = 0; j < i; j++) {
    const r = values[j]!;
    cols.ownerIds[j] = ownerId(r[1] as string | null);
    cols.segmentOverride[j] = r[2] === null ? -1 : SEGMENTS.indexOf(r[2] as SegmentName);
    cols.status[j] = STATUSES.indexOf(r[status] as (typeof STATUSES)[number]);
    for (const { array, at } of floats) {
      const v = r[at];
      // The commonest value, a number inside its rule, costs two comparisons.
      if (typeof v === 'number' && v >= 0 && v <= MAX_AMOUNT) array[j] = v;
      else if (v === null && optional[at]) array[j] = NaN;
      else throw damagedRow(db, periodId, r[0] as string, r[3 + ROW_FIELDS.length] as number, `${ROW_FIELDS[at - 3]} ${storedValueProblem(ROW_FIELDS[at - 3]!, v)}`);
    }
    if (cols.status[j] === 255) throw damagedRow(db, periodId, r[0] as string, r[3 + ROW_FIELDS.length] as number, `status ${storedValueProblem('status', r[status])}`);
  }
  return cols;
}

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

/** The account's name as stored, found ignoring case; null when the workbook has no such account. */
export function findAccountName(db: Database.Database, name: string): string | null {
  const row = db.prepare('SELECT name FROM accounts WHERE name = ? COLLATE NOCASE').get(nfc(name)) as { name: string } | undefined;
  return row?.name ?? null;
}

export interface AccountFields {
  /** Write owner and segmentOverride from the row (false keeps what the account already has). */
  owner: boolean;
  segmentOverride: boolean;
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

function nextPosition(db: Database.Database, periodId: number): number {
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

export interface WriteSummary {
  added: number;
  updated: number;
  removed: number;
}

/** Rows a bulk write sends to SQLite in one statement: fewer round trips, well inside its limit of parameters. */
const ROWS_PER_INSERT = 64;
const ROW_PARAMS = 3 + ROW_FIELDS.length;
const ROW_VALUES = `(${Array.from({ length: ROW_PARAMS }, () => '?').join(', ')})`;
const bulkUpserts = new WeakMap<Database.Database, Database.Statement>();

/** UPSERT_ROW for ROWS_PER_INSERT rows at once. */
function bulkUpsert(db: Database.Database): Database.Statement {
  let st = bulkUpserts.get(db);
  if (!st) {
    const [head, tail] = UPSERT_ROW.split(/VALUES \([^)]*\)/) as [string, string];
    st = db.prepare(`${head} VALUES ${Array.from({ length: ROWS_PER_INSERT }, () => ROW_VALUES).join(', ')} ${tail}`);
    bulkUpserts.set(db, st);
  }
  return st;
}

/**
 * An account name as the accounts table's NOCASE index compares it (ASCII
 * letters folded, nothing else), in one Unicode form: a name stored before
 * names were normalised still meets its NFC twin.
 */
const nocaseKey = (name: string): string => nfc(name).replace(/[A-Z]+/g, (m) => m.toLowerCase());

/**
 * The id of each row's account, creating the new ones ROWS_PER_INSERT to a
 * statement and writing owner and pinned segment of the known ones where
 * asked. SQLite numbers the rows of a block on from the largest id before
 * it; a table whose ids have been spent to the top would number them at
 * random, and is refused rather than guessed at.
 */
function accountIds(db: Database.Database, rows: readonly SheetRow[], write: AccountFields): number[] {
  const known = new Map<string, number>();
  for (const [id, name] of db.prepare('SELECT id, name FROM accounts').raw(true).iterate() as IterableIterator<[number, string]>) {
    known.set(nocaseKey(name), id);
  }
  const sets = [write.owner ? 'owner = ?' : null, write.segmentOverride ? 'segment_override = ?' : null].filter((x) => x !== null);
  const update = sets.length > 0 ? db.prepare(`UPDATE accounts SET ${sets.join(', ')} WHERE id = ?`) : null;
  const ids = new Array<number>(rows.length);
  const fresh: number[] = [];
  rows.forEach((row, k) => {
    const id = known.size === 0 ? undefined : known.get(nocaseKey(row.account));
    if (id === undefined) {
      fresh.push(k);
      return;
    }
    ids[k] = id;
    if (update) update.run(...(write.owner ? [row.owner] : []), ...(write.segmentOverride ? [row.segmentOverride] : []), id);
  });
  const insert = (count: number) =>
    db.prepare(`INSERT INTO accounts (name, owner, segment_override) VALUES ${Array.from({ length: count }, () => '(?, ?, ?)').join(', ')}`);
  const block = insert(ROWS_PER_INSERT);
  let top = Number(db.prepare('SELECT coalesce(max(id), 0) FROM accounts').pluck().get());
  const params = new Array<string | null>(3 * ROWS_PER_INSERT);
  for (let at = 0; at < fresh.length; at += ROWS_PER_INSERT) {
    const count = Math.min(ROWS_PER_INSERT, fresh.length - at);
    for (let j = 0; j < count; j++) {
      const row = rows[fresh[at + j]!]!;
      params[3 * j] = row.account;
      params[3 * j + 1] = row.owner;
      params[3 * j + 2] = row.segmentOverride;
    }
    const last = (count === ROWS_PER_INSERT ? block.run(params) : insert(count).run(params.slice(0, 3 * count))).lastInsertRowid;
    if (!Number.isSafeInteger(top + count) || BigInt(last) !== BigInt(top + count)) {
      throw new CpwError('DAMAGED', 'the accounts table has used up its ids (an id at the top of the range), so new accounts cannot be added; nothing was written');
    }
    for (let j = 0; j < count; j++) ids[fresh[at + j]!] = top + 1 + j;
    top += count;
  }
  return ids;
}

/** The names of a period's accounts, in lower case. */
export function periodAccountKeys(db: Database.Database, periodId: number): Set<string> {
  const names = db.prepare('SELECT a.name FROM period_rows r JOIN accounts a ON a.id = r.account_id WHERE r.period_id = ?').pluck().all(periodId) as string[];
  return new Set(names.map((n) => nfc(n).toLowerCase()));
}

/**
 * Write a whole sheet into a period: replace its rows, or merge (update the
 * accounts it names, add new ones, keep the rest). The caller runs this
 * inside one transaction. Rows go to SQLite ROWS_PER_INSERT at a time.
 */
export function writeRows(
  db: Database.Database,
  periodId: number,
  rows: readonly SheetRow[],
  options: { merge: boolean; accountFields: AccountFields },
): WriteSummary {
  const existing = periodAccountKeys(db, periodId);
  // Into an empty period (a first import) every row is added: no name needs comparing.
  const keys = existing.size === 0 ? null : rows.map((r) => r.account.toLowerCase());
  let removed = 0;
  if (!options.merge) {
    const incoming = new Set(keys);
    for (const a of existing) if (!incoming.has(a)) removed++;
    db.prepare('DELETE FROM period_rows WHERE period_id = ?').run(periodId);
  }
  const ids = accountIds(db, rows, options.accountFields);
  const one = db.prepare(UPSERT_ROW);
  const many = bulkUpsert(db);
  const params = new Array<number | string | null>(ROWS_PER_INSERT * ROW_PARAMS);
  let filled = 0;
  let position = options.merge ? nextPosition(db, periodId) : 1;
  let updated = 0;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    if (keys && existing.has(keys[k]!)) updated++;
    // A merged row that already exists keeps its place: the upsert does not touch position.
    params[filled++] = periodId;
    params[filled++] = ids[k]!;
    params[filled++] = position++;
    for (const f of ROW_FIELDS) params[filled++] = row[f];
    if (filled === params.length) {
      many.run(params);
      filled = 0;
    }
  }
  for (let at = 0; at < filled; at += ROW_PARAMS) one.run(params.slice(at, at + ROW_PARAMS));
  return { added: rows.length - updated, updated, removed };
}

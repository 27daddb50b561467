import type Database from 'better-sqlite3';
import { CpwError } from '../../../../shared/ipc/errors';
import { emptyColumns, type SheetColumns } from '../../../../shared/engine/columns';
import { NUMBER_FIELDS, OPTIONAL_NUMBER_FIELDS, SEGMENTS, STATUSES, type SegmentName } from '../../../../shared/schemas/fields';
import type { NumberField, OptionalNumberField } from '../../../../shared/schemas/fields';
import { SheetRow, SheetRowPatch } from '../../../../shared/schemas/row';
import { problemsMessage, zodProblems } from '../../validation';

/** DOMAIN.md field name to `period_rows` column. */
const COLUMN: Record<NumberField | OptionalNumberField | 'status', string> = {
  revenue: 'revenue',
  presale: 'presale',
  production: 'production',
  distribution: 'distribution',
  service: 'service',
  labour: 'labour',
  meetings: 'meetings',
  calls: 'calls',
  csat: 'csat',
  nps: 'nps',
  status: 'status',
  upsell: 'upsell',
  crossSell: 'cross_sell',
  referrals: 'referrals',
  valueDelivered: 'value_delivered',
  avgOrderValue: 'avg_order_value',
  purchasesPerYear: 'purchases_per_year',
  lifespanYears: 'lifespan_years',
};
export const ROW_FIELDS = [...NUMBER_FIELDS, 'status', ...OPTIONAL_NUMBER_FIELDS] as const;

export const SELECT_ROWS = `SELECT a.name AS account, a.owner AS owner, a.segment_override AS segmentOverride,
  ${ROW_FIELDS.map((f) => `r.${COLUMN[f]} AS ${f}`).join(', ')}
  FROM period_rows r JOIN accounts a ON a.id = r.account_id`;

export function listRows(db: Database.Database, periodId: number): SheetRow[] {
  return db.prepare(`${SELECT_ROWS} WHERE r.period_id = ? ORDER BY r.position, a.id`).all(periodId) as SheetRow[];
}

const SELECT_COLUMNS = `SELECT a.name, a.owner, a.segment_override, ${ROW_FIELDS.map((f) => `r.${COLUMN[f]}`).join(', ')}
  FROM period_rows r JOIN accounts a ON a.id = r.account_id WHERE r.period_id = ? ORDER BY r.position, a.id`;

/**
 * A period's rows read straight into the engine's typed columns: one array
 * per row from SQLite and no object, which halves the time a 100,000-account
 * workbook takes to open. The same columns as `toColumns(listRows(...))`.
 */
export function listColumns(db: Database.Database, periodId: number): SheetColumns {
  const { n } = db.prepare('SELECT count(*) AS n FROM period_rows WHERE period_id = ?').get(periodId) as { n: number };
  const account = new Array<string>(n);
  const owners: string[] = [];
  const ownerIndex = new Map<string, number>();
  const values: (readonly unknown[])[] = new Array(n);
  let i = 0;
  for (const r of db.prepare(SELECT_COLUMNS).raw(true).iterate(periodId) as IterableIterator<unknown[]>) {
    account[i] = r[0] as string;
    values[i++] = r;
  }
  const cols = emptyColumns(i, i === n ? account : account.slice(0, i), owners);
  const status = 3 + ROW_FIELDS.indexOf('status');
  const floats = ROW_FIELDS.flatMap((f, k) => (f === 'status' ? [] : [{ array: cols[f], at: 3 + k }]));
  for (let j = 0; j < i; j++) {
    const r = values[j]!;
    const owner = r[1] as string | null;
    if (owner !== null) {
      let id = ownerIndex.get(owner);
      if (id === undefined) {
        id = owners.length;
        owners.push(owner);
        ownerIndex.set(owner, id);
      }
      cols.ownerIds[j] = id;
    }
    cols.segmentOverride[j] = r[2] === null ? -1 : SEGMENTS.indexOf(r[2] as SegmentName);
    cols.status[j] = STATUSES.indexOf(r[status] as (typeof STATUSES)[number]);
    for (const { array, at } of floats) array[j] = (r[at] as number | null) ?? NaN;
  }
  return cols;
}

export function findRow(db: Database.Database, periodId: number, account: string): SheetRow | undefined {
  return db.prepare(`${SELECT_ROWS} WHERE r.period_id = ? AND a.name = ? COLLATE NOCASE`).get(periodId, account) as
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
  const row = db.prepare('SELECT id FROM accounts WHERE name = ? COLLATE NOCASE').get(name) as { id: number } | undefined;
  return row?.id ?? null;
}

/** The account's name as stored, found ignoring case; null when the workbook has no such account. */
export function findAccountName(db: Database.Database, name: string): string | null {
  const row = db.prepare('SELECT name FROM accounts WHERE name = ? COLLATE NOCASE').get(name) as { name: string } | undefined;
  return row?.name ?? null;
}

export interface AccountFields {
  /** Write owner and segmentOverride from the row (false keeps what the account already has). */
  owner: boolean;
  segmentOverride: boolean;
}

/** The statements an account upsert needs, prepared once per database: an import runs them 100,000 times. */
const accountStatements = new WeakMap<Database.Database, ReturnType<typeof prepareAccountStatements>>();

function prepareAccountStatements(db: Database.Database) {
  return {
    find: db.prepare('SELECT id FROM accounts WHERE name = ? COLLATE NOCASE'),
    insert: db.prepare('INSERT INTO accounts (name, owner, segment_override) VALUES (?, ?, ?)'),
    owner: db.prepare('UPDATE accounts SET owner = ? WHERE id = ?'),
    segment: db.prepare('UPDATE accounts SET segment_override = ? WHERE id = ?'),
  };
}

/** The account's id, creating it when new; owner and pinned segment are the account's, across periods. */
export function upsertAccount(db: Database.Database, row: SheetRow, write: AccountFields): number {
  let st = accountStatements.get(db);
  if (!st) accountStatements.set(db, (st = prepareAccountStatements(db)));
  const found = st.find.get(row.account) as { id: number } | undefined;
  if (!found) return Number(st.insert.run(row.account, row.owner, row.segmentOverride).lastInsertRowid);
  if (write.owner) st.owner.run(row.owner, found.id);
  if (write.segmentOverride) st.segment.run(row.segmentOverride, found.id);
  return found.id;
}

export const UPSERT_ROW = `INSERT INTO period_rows (period_id, account_id, position, ${ROW_FIELDS.map((f) => COLUMN[f]).join(', ')})
  VALUES (?, ?, ?, ${ROW_FIELDS.map(() => '?').join(', ')})
  ON CONFLICT (period_id, account_id) DO UPDATE SET ${ROW_FIELDS.map((f) => `${COLUMN[f]} = excluded.${COLUMN[f]}`).join(', ')}`;

export function rowValues(row: Pick<SheetRow, (typeof ROW_FIELDS)[number]>): (number | string | null)[] {
  return ROW_FIELDS.map((f) => row[f]);
}

function nextPosition(db: Database.Database, periodId: number): number {
  return (db.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM period_rows WHERE period_id = ?').get(periodId) as { p: number }).p;
}

export function insertRow(db: Database.Database, periodId: number, row: SheetRow): SheetRow {
  if (findRow(db, periodId, row.account)) throw new CpwError('CONFLICT', `account "${row.account}" is already in this period`);
  const accountId = upsertAccount(db, row, { owner: true, segmentOverride: true });
  db.prepare(UPSERT_ROW).run(periodId, accountId, nextPosition(db, periodId), ...rowValues(row));
  return getRow(db, periodId, row.account);
}

/**
 * Change one row. The merged row is validated whole before anything is
 * written; a rename, an owner or a pinned segment changes the account in
 * every period, since those belong to the account.
 */
export function updateRow(db: Database.Database, periodId: number, account: string, patch: SheetRowPatch): SheetRow {
  const current = getRow(db, periodId, account);
  const next = checkPatch(current, patch);
  const { id: accountId } = db.prepare('SELECT id FROM accounts WHERE name = ? COLLATE NOCASE').get(current.account) as { id: number };
  if (next.account !== current.account) {
    const clash = db.prepare('SELECT id FROM accounts WHERE name = ? COLLATE NOCASE').get(next.account) as { id: number } | undefined;
    if (clash && clash.id !== accountId) throw new CpwError('CONFLICT', `another account is already named "${next.account}"`);
  }
  db.prepare('UPDATE accounts SET name = ?, owner = ?, segment_override = ? WHERE id = ?').run(
    next.account,
    next.owner,
    next.segmentOverride,
    accountId,
  );
  db.prepare(`UPDATE period_rows SET ${ROW_FIELDS.map((f) => `${COLUMN[f]} = ?`).join(', ')} WHERE period_id = ? AND account_id = ?`).run(
    ...rowValues(next),
    periodId,
    accountId,
  );
  return getRow(db, periodId, next.account);
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

/**
 * Write a whole sheet into a period: replace its rows, or merge (update the
 * accounts it names, add new ones, keep the rest). The caller runs this
 * inside one transaction.
 */
export function writeRows(
  db: Database.Database,
  periodId: number,
  rows: readonly SheetRow[],
  options: { merge: boolean; accountFields: AccountFields },
): WriteSummary {
  const existing = new Set(listRows(db, periodId).map((r) => r.account.toLowerCase()));
  let removed = 0;
  if (!options.merge) {
    const incoming = new Set(rows.map((r) => r.account.toLowerCase()));
    removed = [...existing].filter((a) => !incoming.has(a)).length;
    db.prepare('DELETE FROM period_rows WHERE period_id = ?').run(periodId);
  }
  const upsert = db.prepare(UPSERT_ROW);
  let position = options.merge ? nextPosition(db, periodId) : 1;
  let added = 0;
  let updated = 0;
  for (const row of rows) {
    const accountId = upsertAccount(db, row, options.accountFields);
    if (existing.has(row.account.toLowerCase())) updated++;
    else added++;
    // A merged row that already exists keeps its place: the upsert does not touch position.
    upsert.run(periodId, accountId, position++, ...rowValues(row));
  }
  return { added, updated, removed };
}

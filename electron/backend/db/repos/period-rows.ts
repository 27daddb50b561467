import type { Sql } from '../sql';
import { CpwError } from '../../../../shared/ipc/errors';
import { emptyColumns, ownerInterner, type SheetColumns } from '../../../../shared/engine/columns';
import { OPTIONAL_NUMBER_FIELDS, SEGMENTS, STATUSES, type SegmentName } from '../../../../shared/schemas/fields';
import { nfc, type VersionedRow } from '../../../../shared/schemas/row';
import { VERSION_COLUMNS } from './rows';
import { MAX_AMOUNT, TOO_LARGE } from '../../../../shared/text/numbers';
import { COLUMN, ROW_FIELDS } from '../columns';
import type { RowTable } from './bulk-rows';
import { dimensionColumns } from './dimensions';

/**
 * A whole period's rows as readers read them: checked as they are read, so
 * a value another tool put there against the rules is refused naming its
 * period, account and field, never passed on as NaN.
 */

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
async function damagedRow(tx: Sql, periodId: number, account: string | null, accountId: number, what: string): Promise<CpwError> {
  const period = (await tx.value<string>('SELECT label FROM periods WHERE id = ?', [periodId])) ?? `#${periodId}`;
  const who = account === null ? `a row for account #${accountId}, which is missing from the accounts table` : `account "${account}"`;
  return new CpwError('DAMAGED', `period ${period}, ${who}${what ? `: ${what}` : ''}; the file was changed outside the workbench (cpw check lists every such value)`);
}

const SELECT_CHECKED = `SELECT a.name AS account, a.owner AS owner, a.segment_override AS segmentOverride, r.account_id AS accountId,
  ${ROW_FIELDS.map((f) => `r.${COLUMN[f]} AS ${f}`).join(', ')}, ${VERSION_COLUMNS}
  FROM period_rows r LEFT JOIN accounts a ON a.id = r.account_id WHERE r.period_id = ?`;
const IN_ORDER = ' ORDER BY r.position, r.account_id';

/** A period's rows as stored, unchecked, a missing account as null: for `cpw check` to judge each. */
export function listStoredRows(tx: Sql, periodId: number): Promise<(Record<string, unknown> & { accountId: number; account: string | null })[]> {
  return tx.all<Record<string, unknown> & { accountId: number; account: string | null }>(SELECT_CHECKED + IN_ORDER, [periodId]);
}

/** A row whose account is missing from the accounts table, in words. */
export async function orphanRowProblem(tx: Sql, periodId: number, accountId: number): Promise<string> {
  return (await damagedRow(tx, periodId, null, accountId, '')).message;
}

/** A period's rows, checked, with their versions; `accounts` reads only those (names compared without case), in the period's order. */
export async function listRows(tx: Sql, periodId: number, accounts?: readonly string[]): Promise<VersionedRow[]> {
  const only = !accounts
    ? ''
    : tx.dialect === 'sqlite'
      ? ' AND a.name COLLATE NOCASE IN (SELECT value FROM json_each(?))'
      : ' AND cpw_nocase(a.name) IN (SELECT cpw_nocase(value) FROM json_array_elements_text(?::json))';
  const rows = await tx.all<VersionedRow & { accountId: number; account: string | null }>(SELECT_CHECKED + only + IN_ORDER, accounts ? [periodId, JSON.stringify(accounts.map(nfc))] : [periodId]);
  for (const row of rows) {
    if (row.account === null) throw await damagedRow(tx, periodId, null, row.accountId, '');
    for (const f of ROW_FIELDS) {
      const problem = storedValueProblem(f, row[f]);
      if (problem) throw await damagedRow(tx, periodId, row.account, row.accountId, `${f} ${problem}`);
    }
    delete (row as { accountId?: number }).accountId;
  }
  return rows;
}

/** The raw rows of a period's actuals or of its plan (which has no versions: 0 stands in). */
const selectColumns = (table: RowTable) => `SELECT a.name, a.owner, a.segment_override, ${ROW_FIELDS.map((f) => `r.${COLUMN[f]}`).join(', ')}, r.account_id, ${table === 'period_rows' ? 'r.version' : '0'}
  FROM ${table} r LEFT JOIN accounts a ON a.id = r.account_id WHERE r.period_id = ? ORDER BY r.position, r.account_id`;
const SELECT_COLUMNS = { period_rows: selectColumns('period_rows'), plan_rows: selectColumns('plan_rows') };

/**
 * A period's rows read straight into the engine's typed columns: one array
 * per row from the database and no object, which halves the time a 100,000-account
 * workbook takes to open. The same columns as `toColumns(listRows(...))`. `table`: the period's plan instead of its actuals.
 */
export async function listColumns(tx: Sql, periodId: number, versions?: number[], table: RowTable = 'period_rows'): Promise<SheetColumns> {
  const values = await tx.rows(SELECT_COLUMNS[table], [periodId]);
  const i = values.length;
  if (versions) for (let j = 0; j < i; j++) versions.push(values[j]![4 + ROW_FIELDS.length] as number);
  const account = new Array<string>(i);
  const accountIds = new Array<number>(i);
  const owners: string[] = [];
  const ownerId = ownerInterner(owners);
  for (let j = 0; j < i; j++) {
    const r = values[j]!;
    accountIds[j] = Number(r[3 + ROW_FIELDS.length]);
    if (r[0] === null) throw await damagedRow(tx, periodId, null, accountIds[j]!, '');
    account[j] = r[0] as string;
  }
  const cols = emptyColumns(i, account, owners, undefined, await dimensionColumns(tx, accountIds));
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
      else throw await damagedRow(tx, periodId, r[0] as string, r[3 + ROW_FIELDS.length] as number, `${ROW_FIELDS[at - 3]} ${storedValueProblem(ROW_FIELDS[at - 3]!, v)}`);
    }
    if (cols.status[j] === 255) throw await damagedRow(tx, periodId, r[0] as string, r[3 + ROW_FIELDS.length] as number, `status ${storedValueProblem('status', r[status])}`);
  }
  return cols;
}


import { CpwError } from '../../../../shared/ipc/errors';
import { nfc, type SheetRow } from '../../../../shared/schemas/row';
import { COLUMN, ROW_FIELDS } from '../columns';
import { ROWS_PER_INSERT, idsWritten, valuesList, type Sql } from '../sql';
import { nextPosition, upsertRowInto } from './rows';
import { ensureDimensions, writeDimensionValues } from './dimensions';
import type { DimensionValues } from '../../../../shared/schemas/dimensions';

/** A whole sheet written into a period at once: what an import does, ROWS_PER_INSERT rows to a statement. */

export interface AccountFields {
  /** Write owner and segmentOverride from the row (false keeps what the account already has). */
  owner: boolean;
  segmentOverride: boolean;
}

export interface WriteSummary {
  added: number;
  updated: number;
  removed: number;
}

const ROW_PARAMS = 3 + ROW_FIELDS.length;
/**
 * The tables a period's rows live in: its actuals, and its plan (the same
 * columns and rules, no versions). Every function here takes one of them.
 */
export type RowTable = 'period_rows' | 'plan_rows';
/** UPSERT_ROW (into `table`) for `n` rows at once. */
function bulkUpsert(n: number, table: RowTable = 'period_rows'): string {
  const [head, tail] = upsertRowInto(table).split(/VALUES \([^)]*\)/) as [string, string];
  return `${head} VALUES ${valuesList(n, ROW_PARAMS)} ${tail}`;
}
const ROW_TABLE_COLUMNS = ['period_id', 'account_id', 'position', ...ROW_FIELDS.map((f) => COLUMN[f])];

/**
 * An account name as the accounts' case-insensitive index compares it
 * (ASCII letters folded, nothing else), in one Unicode form: a name stored
 * before names were normalised still meets its NFC twin.
 */
const nocaseKey = (name: string): string => nfc(name).replace(/[A-Z]+/g, (m) => m.toLowerCase());

/**
 * The id of each row's account, creating the new ones in one stream and writing owner and
 * pinned segment of the known ones where asked. A table whose ids have been
 * spent to the top could only number new accounts beyond what a number
 * holds exactly, and is refused rather than guessed at.
 */
async function accountIds(tx: Sql, rows: readonly SheetRow[], write: AccountFields): Promise<number[]> {
  const known = new Map<string, { id: number; owner: string | null; segmentOverride: string | null }>();
  for (const [id, name, owner, segmentOverride] of (await tx.rows('SELECT id, name, owner, segment_override FROM accounts')) as [number, string, string | null, string | null][]) {
    known.set(nocaseKey(name), { id, owner, segmentOverride });
  }
  const sets = [write.owner ? 'owner = ?' : null, write.segmentOverride ? 'segment_override = ?' : null].filter((x) => x !== null);
  const update = sets.length > 0 ? `UPDATE accounts SET ${sets.join(', ')} WHERE id = ?` : null;
  const ids = new Array<number>(rows.length);
  const fresh: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    const account = known.size === 0 ? undefined : known.get(nocaseKey(row.account));
    if (account === undefined) {
      fresh.push(k);
      continue;
    }
    ids[k] = account.id;
    // Only an account whose owner or pinned segment the sheet changes is written: next quarter's sheet of the
    // same accounts writes none (on PostgreSQL each would be a round trip).
    const changed = (write.owner && row.owner !== account.owner) || (write.segmentOverride && row.segmentOverride !== account.segmentOverride);
    if (update && changed) await tx.run(update, [...(write.owner ? [row.owner] : []), ...(write.segmentOverride ? [row.segmentOverride] : []), account.id]);
  }
  if (fresh.length === 0) return ids;
  const top = Number(await tx.value('SELECT coalesce(max(id), 0) FROM accounts'));
  if (!Number.isSafeInteger(top + fresh.length)) {
    throw new CpwError('DAMAGED', 'the accounts table has used up its ids (an id at the top of the range), so new accounts cannot be added; nothing was written');
  }
  // New accounts are numbered here, after the largest id, and streamed in whole (COPY on PostgreSQL).
  for (let j = 0; j < fresh.length; j++) ids[fresh[j]!] = top + 1 + j;
  await tx.bulkLoad('accounts', ['id', 'name', 'owner', 'segment_override'], fresh.length, (j) => {
    const row = rows[fresh[j]!]!;
    return [top + 1 + j, row.account, row.owner, row.segmentOverride];
  });
  await idsWritten(tx, 'accounts');
  return ids;
}

/** The names of a period's accounts (in its actuals, or its plan), in lower case. */
export async function periodAccountKeys(tx: Sql, periodId: number, table: RowTable = 'period_rows'): Promise<Set<string>> {
  const names = await tx.pluck<string>(`SELECT a.name FROM ${table} r JOIN accounts a ON a.id = r.account_id WHERE r.period_id = ?`, [periodId]);
  return new Set(names.map((n) => nfc(n).toLowerCase()));
}

/**
 * Write a whole sheet into a period: replace its rows, or merge (update the
 * accounts it names, add new ones, keep the rest). The caller runs this
 * inside one transaction. Rows go to the database ROWS_PER_INSERT at a time.
 */
export async function writeRows(
  tx: Sql,
  periodId: number,
  rows: readonly SheetRow[],
  options: { merge: boolean; accountFields: AccountFields; table?: RowTable; dimensions?: readonly DimensionValues[] },
): Promise<WriteSummary> {
  const table = options.table ?? 'period_rows';
  const existing = await periodAccountKeys(tx, periodId, table);
  // Into an empty period (a first import) every row is added: no name needs comparing.
  const keys = existing.size === 0 ? null : rows.map((r) => r.account.toLowerCase());
  let removed = 0;
  if (!options.merge) {
    const incoming = new Set(keys);
    for (const a of existing) if (!incoming.has(a)) removed++;
    await tx.run(`DELETE FROM ${table} WHERE period_id = ?`, [periodId]);
  }
  const ids = await accountIds(tx, rows, options.accountFields);
  await writeSheetDimensions(tx, ids, options.dimensions ?? []);
  let position = options.merge ? await nextPosition(tx, periodId, table) : 1;
  // A period with no rows now (a replace, or a first import) has nothing to update: the rows are streamed in whole.
  if (!options.merge || existing.size === 0) {
    const line = new Array<unknown>(ROW_TABLE_COLUMNS.length);
    await tx.bulkLoad(table, ROW_TABLE_COLUMNS, rows.length, (k) => {
      const row = rows[k]!;
      line[0] = periodId;
      line[1] = ids[k]!;
      line[2] = position + k;
      for (let f = 0; f < ROW_FIELDS.length; f++) line[3 + f] = row[ROW_FIELDS[f]!];
      return line;
    });
    const kept = keys === null ? 0 : keys.filter((key) => existing.has(key)).length;
    return { added: rows.length - kept, updated: kept, removed };
  }
  const many = bulkUpsert(ROWS_PER_INSERT, table);
  const params = new Array<number | string | null>(ROWS_PER_INSERT * ROW_PARAMS);
  let filled = 0;
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
      await tx.run(many, params);
      filled = 0;
    }
  }
  if (filled > 0) await tx.run(bulkUpsert(filled / ROW_PARAMS, table), params.slice(0, filled));
  return { added: rows.length - updated, updated, removed };
}

/** The sheet's dimension columns, written for the accounts it names (each account's other dimensions kept). */
async function writeSheetDimensions(tx: Sql, ids: readonly number[], dimensions: readonly DimensionValues[]): Promise<void> {
  const dimensionIds = await ensureDimensions(tx, dimensions.map((d) => d.name));
  for (const [k, d] of dimensions.entries()) await writeDimensionValues(tx, dimensionIds[k]!, ids, d.values);
}

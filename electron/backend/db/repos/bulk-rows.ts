import type Database from 'better-sqlite3';
import { CpwError } from '../../../../shared/ipc/errors';
import { nfc, type SheetRow } from '../../../../shared/schemas/row';
import { ROW_FIELDS } from '../columns';
import { nextPosition, UPSERT_ROW } from './rows';

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

import type Database from 'better-sqlite3';
import { CpwError } from '../../../shared/ipc/errors';
import { listBackups, restoreLastGood, type Backup } from './backups';
import { canonicalPath, checkHeader, integrity, readConnection, refuseForeignCode } from './connection';
import { rollBackInPlace, ROLLED_BACK } from './journal';
import { acquireWriterLock } from './lock';
import { SCHEMA_VERSION } from './migrate';
import { sqlite } from './sqlite';
import { sqliteSql } from './sqlite-sql';
import type { Sql } from './sql';

export interface CheckResult {
  ok: boolean;
  schemaVersion: number | null;
  problems: string[];
  /** Each period and its count of rows, as far as the file can be read (none before the first migration). */
  periods: { label: string; rows: number }[];
  /** What the check did or found that is not a problem: an interrupted save rolled back. */
  notes: string[];
}

/**
 * `cpw check`: the header checks, SQLite's full integrity and foreign-key
 * checks, the schema version and, through `validate`, every stored value,
 * on the file's last committed state. An interrupted save is rolled back as
 * any reader would (in place when nobody holds the file, else in a copy) and
 * is a note, not a problem. Problems are listed, not thrown.
 */
export async function checkWorkbookFile(given: string, validate?: (tx: Sql) => Promise<string[]>): Promise<CheckResult> {
  let schemaVersion: number | null = null;
  const path = canonicalPath(given);
  try {
    schemaVersion = checkHeader(path).schemaVersion;
  } catch (e) {
    if (e instanceof CpwError) return { ok: false, schemaVersion, problems: [e.message], periods: [], notes: [] };
    throw e;
  }
  let conn;
  try {
    conn = readConnection(path);
  } catch (e) {
    if (e instanceof CpwError) return { ok: false, schemaVersion, problems: [e.message], periods: [], notes: [] };
    throw e;
  }
  const { db, notes } = conn;
  try {
    // The committed state's version: an upgrade cut short and rolled back leaves the older one, whatever the
    // header said before the journal was played back.
    schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const problems = integrity(db, 'integrity_check').map((p) => `${path} is damaged: ${p}`);
    if (problems.length === 0) {
      try {
        refuseForeignCode(db, path);
        const fk = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
        problems.push(...fk.map((f) => `table ${f.table}, row ${f.rowid}: refers to a missing ${f.parent} row`));
        if (validate && schemaVersion === SCHEMA_VERSION) problems.push(...(await validate(sqliteSql(db))));
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
    return { ok: problems.length === 0, schemaVersion, problems, periods: problems.length === 0 ? periodsOf(db) : [], notes };
  } finally {
    db.close();
  }
}

function periodsOf(db: Database.Database): { label: string; rows: number }[] {
  const has = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'periods'").get();
  if (!has) return [];
  return db
    .prepare('SELECT p.label AS label, (SELECT count(*) FROM period_rows r WHERE r.period_id = p.id) AS rows FROM periods p ORDER BY p.position, p.id')
    .all() as { label: string; rows: number }[];
}

export interface RepairResult extends CheckResult {
  restoredFrom?: string;
  damagedKeptAs?: string;
}

/**
 * `cpw check --repair`. Under the writer's lock (refused, naming the holder,
 * while another process edits the file): an interrupted save is rolled back
 * first, which loses nothing committed; only a file still damaged after that
 * is replaced by its newest good copy, and the result says what that copy
 * lacks.
 */
export async function repairWorkbookFile(given: string, validate: (tx: Sql) => Promise<string[]>, now: Date = new Date()): Promise<RepairResult> {
  const path = canonicalPath(given);
  const lock = acquireWriterLock(path);
  try {
    const notes: string[] = [];
    try {
      checkHeader(path);
      if (rollBackInPlace(path)) notes.push(ROLLED_BACK);
    } catch {
      // A file SQLite cannot open at all is what the copies are for: the check below says what is wrong.
    }
    const before = await checkWorkbookFile(path, validate);
    if (before.ok) return { ...before, notes: [...notes, ...before.notes, 'nothing to repair'] };
    const lost = describeNewerThan(path);
    const good = new Set<string>();
    for (const b of listBackups(path)) if ((await checkWorkbookFile(b.file, validate)).ok) good.add(b.file);
    const { restored, damagedKeptAs } = restoreLastGood(path, (file) => good.has(file), now);
    const after = await checkWorkbookFile(path, validate);
    return {
      ...after,
      notes: [...before.problems.map((p) => `found: ${p}`), lost(restored), ...after.notes],
      restoredFrom: restored.file,
      damagedKeptAs,
    };
  } finally {
    lock.release();
  }
}

/**
 * Each period's label, and its row count and revenue total where those can
 * be read (null where the damage hides them); null when not even the
 * periods can be read.
 */
type PeriodSummary = { label: string; rows: number | null; revenue: number | null };

function periodSummary(file: string): Map<string, PeriodSummary> | null {
  try {
    const db = sqlite(file, { readonly: true, fileMustExist: true });
    try {
      const periods = db.prepare('SELECT id, label FROM periods ORDER BY position').raw().all() as [number, string][];
      const totals = db.prepare('SELECT count(*), total(revenue) FROM period_rows WHERE period_id = ?').raw();
      return new Map(
        periods.map(([id, label]): [string, PeriodSummary] => {
          try {
            const [rows, revenue] = totals.get(id) as [number, number];
            return [label.toLowerCase(), { label, rows, revenue }];
          } catch {
            return [label.toLowerCase(), { label, rows: null, revenue: null }];
          }
        }),
      );
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

function historyOf(file: string): { label: string; at: string }[] | null {
  try {
    const db = sqlite(file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT label, at FROM history ORDER BY id').all() as { label: string; at: string }[];
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * What a copy lacks that the damaged file still shows: the periods it does
 * not have or holds differently, and the actions recorded in the history
 * after it was taken. Read from the damaged file (before it is moved aside)
 * as far as it can be read, and said when it cannot.
 */
function describeNewerThan(path: string): (copy: Backup) => string {
  const damaged = periodSummary(path);
  const history = historyOf(path);
  return (copy) => {
    const taken = copy.taken.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
    const parts: string[] = [];
    const mine = periodSummary(copy.file) ?? new Map<string, PeriodSummary>();
    if (damaged === null) parts.push(`the damaged file could not be read to list what changed after ${taken}`);
    else {
      const missing = [...damaged.values()].filter((p) => !mine.has(p.label.toLowerCase())).map((p) => p.label);
      const differing = [...damaged.values()]
        .filter((p) => {
          const there = mine.get(p.label.toLowerCase());
          return there !== undefined && (p.rows === null || there.rows !== p.rows || there.revenue !== p.revenue);
        })
        .map((p) => p.label);
      if (missing.length) parts.push(`it lacks the period${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`);
      if (differing.length) parts.push(`its rows of ${differing.join(', ')} may be older (they differ from the damaged file's, or could not be read there)`);
      if (!missing.length && !differing.length) parts.push('it holds the periods and rows the damaged file still shows');
    }
    const after = history?.filter((a) => a.at > copy.taken.toISOString());
    if (after?.length) {
      const shown = after.slice(-10).map((a) => `${a.label} (${a.at.replace('T', ' ').slice(0, 16)})`);
      parts.push(`${after.length} edit${after.length === 1 ? '' : 's'} made after it are not in it: ${shown.join('; ')}${after.length > 10 ? '; ...' : ''}`);
    }
    return `restored the copy of ${taken} (${copy.reason}): ${parts.join('; ')}`;
  };
}

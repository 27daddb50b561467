import Database from 'better-sqlite3';
import { closeSync, existsSync, linkSync, openSync, readSync, statSync, unlinkSync } from 'node:fs';
import { basename } from 'node:path';
import { CpwError } from '../../../shared/ipc/errors';
import { dailyBackupDue, takeBackup } from './backups';
import { acquireWriterLock, type WriterLock } from './lock';
import { SCHEMA_VERSION, migrate } from './migrate';

/** `PRAGMA application_id` of every workbook: "CPWB" in ASCII. */
export const APPLICATION_ID = 0x43505742;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

let nativeBinding: string | undefined;

/**
 * The desktop app loads better-sqlite3 built for Electron's ABI from a folder
 * of its own (DESIGN.md, "Packaging"), so the Node build that the CLI and the
 * tests load is never touched.
 */
export function setNativeBinding(path: string): void {
  nativeBinding = path;
}

function sqlite(filename: string | Buffer, options: Database.Options = {}): Database.Database {
  return new Database(filename, nativeBinding === undefined ? options : { ...options, nativeBinding });
}

export interface OpenWorkbook {
  readonly db: Database.Database;
  readonly path: string;
  readonly name: string;
  readonly readOnly: boolean;
  close(): void;
}

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = readSync(fd, buf, 0, 100, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Everything that can be said of a file from its 100-byte SQLite header,
 * without handing it to SQLite: not there, not SQLite, not ours, too new.
 * Each refusal has its own code and message.
 */
export function checkHeader(path: string): { schemaVersion: number } {
  if (!existsSync(path)) throw new CpwError('FILE_NOT_FOUND', `${path} does not exist`, { file: path });
  const stat = statSync(path);
  if (stat.isDirectory()) throw new CpwError('NOT_SQLITE', `${path} is a folder, not a workbook file`, { file: path });
  if (stat.size === 0) throw new CpwError('NOT_SQLITE', `${path} is empty: it is not a workbook`, { file: path });
  const header = readHeader(path);
  if (header.length < SQLITE_MAGIC.length || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new CpwError('NOT_SQLITE', `${path} is not a workbook: it is not a SQLite database file`, { file: path });
  }
  if (header.length < 100) {
    throw new CpwError('DAMAGED', `${path} is damaged: its SQLite header is cut short (${header.length} of 100 bytes)`, { file: path });
  }
  const applicationId = header.readInt32BE(68);
  if (applicationId !== APPLICATION_ID) {
    throw new CpwError(
      'NOT_WORKBOOK',
      `${path} is a SQLite database but not a Customer Profitability workbook (application_id ${applicationId})`,
      { file: path },
    );
  }
  const schemaVersion = header.readInt32BE(60);
  if (schemaVersion > SCHEMA_VERSION) {
    throw new CpwError(
      'NEWER_SCHEMA',
      `${path} was saved by a newer version of the workbench (schema ${schemaVersion}; this version reads up to ${SCHEMA_VERSION}): update the app to open it`,
      { file: path },
    );
  }
  return { schemaVersion };
}

/** Run an SQLite integrity pragma; a corrupt file may also throw, which says the same. */
function integrity(db: Database.Database, pragma: 'quick_check' | 'integrity_check'): string[] {
  try {
    const rows = db.pragma(pragma) as Record<string, string>[];
    const lines = rows.map((r) => Object.values(r)[0]!);
    return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
  } catch (e) {
    return [(e as Error).message];
  }
}

/**
 * Triggers and views: the workbench makes none, so a file that has them was
 * made or changed by something else, and a trigger would run its own SQL on
 * the next edit (changing or copying data behind the user's back).
 */
function refuseForeignCode(db: Database.Database, path: string): void {
  const found = db.prepare("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view') ORDER BY type, name").all() as { type: string; name: string }[];
  if (found.length === 0) return;
  const what = found.slice(0, 3).map((f) => `${f.type} "${f.name}"`).join(', ');
  throw new CpwError(
    'NOT_WORKBOOK',
    `${path} holds ${what}${found.length > 3 ? ` and ${found.length - 3} more` : ''}, which the workbench never makes: it is not opened, as it could run its own SQL on your edits`,
    { file: path },
  );
}

function damaged(path: string, problems: string[]): CpwError {
  return new CpwError('DAMAGED', `${path} is damaged: ${problems.slice(0, 3).join('; ')}`, { file: path });
}

/** Open SQLite on a file that passed the header check, mapping SQLite's own refusals to ours. */
function connect(path: string, readonly: boolean): Database.Database {
  try {
    const db = sqlite(path, { readonly, fileMustExist: true });
    // A workbook from someone else may carry triggers or views: never let them call unsafe functions.
    db.pragma('trusted_schema = OFF');
    db.pragma('foreign_keys = ON');
    if (!readonly) {
      db.pragma('journal_mode = DELETE');
      db.pragma('synchronous = FULL');
    }
    return db;
  } catch (e) {
    throw damaged(path, [(e as Error).message]);
  }
}

/**
 * SQLite rolls a hot journal back at the first read of a connection that may
 * write (the quick check above). A journal still there after that is one
 * SQLite judged not hot: a save killed before the journal's header was
 * written, which holds nothing to restore. It is removed, under an
 * exclusive lock, so that the file is not taken for an interrupted save ever
 * after (the crash harness found these).
 */
function dropDeadJournal(db: Database.Database, path: string): void {
  if (!hasHotJournal(path)) return;
  db.exec('BEGIN EXCLUSIVE');
  try {
    if (existsSync(`${path}-journal`)) unlinkSync(`${path}-journal`);
  } finally {
    db.exec('COMMIT');
  }
}

function hasHotJournal(path: string): boolean {
  const journal = `${path}-journal`;
  return existsSync(journal) && statSync(journal).size > 0;
}

export interface OpenOptions {
  readOnly?: boolean;
}

/**
 * Open a workbook (DESIGN.md, "The workbook file"). Refuses, without writing
 * a byte, a missing file, a non-SQLite file, a SQLite file that is not a
 * workbook, a newer schema and a file that fails `PRAGMA quick_check`. A
 * writer takes the one-writer lock and brings an older schema up to date;
 * a reader of an older schema migrates a copy in memory instead.
 */
export function openWorkbook(path: string, options: OpenOptions = {}): OpenWorkbook {
  const readOnly = options.readOnly ?? false;
  const { schemaVersion } = checkHeader(path);
  // With a hot journal SQLite must roll back an interrupted save first, which only a writer can do.
  if (!hasHotJournal(path)) {
    const probe = connect(path, true);
    try {
      const problems = integrity(probe, 'quick_check');
      if (problems.length > 0) throw damaged(path, problems);
      refuseForeignCode(probe, path);
    } finally {
      probe.close();
    }
  } else if (readOnly) {
    throw new CpwError('DAMAGED', `${path} was interrupted while saving: open it for editing once to recover it`, { file: path });
  }
  if (readOnly) {
    let db = connect(path, true);
    if (schemaVersion < SCHEMA_VERSION) {
      const copy = sqlite(db.serialize());
      db.close();
      copy.pragma('foreign_keys = ON');
      migrate(copy);
      db = copy;
    }
    db.pragma('query_only = ON');
    return { db, path, name: basename(path), readOnly, close: () => db.close() };
  }
  const lock: WriterLock = acquireWriterLock(path);
  let db: Database.Database | undefined;
  try {
    db = connect(path, false);
    const problems = integrity(db, 'quick_check');
    if (problems.length > 0) throw damaged(path, problems);
    dropDeadJournal(db, path);
    refuseForeignCode(db, path);
    // A copy beside the file before an upgrade changes it, and the first time it is opened each day.
    if (schemaVersion < SCHEMA_VERSION && schemaVersion > 0) takeBackup(db, path, `before-schema-${SCHEMA_VERSION}`);
    migrate(db);
    if (dailyBackupDue(db, path)) takeBackup(db, path, 'daily');
  } catch (e) {
    db?.close();
    lock.release();
    throw e;
  }
  const conn = db;
  return {
    db: conn,
    path,
    name: basename(path),
    readOnly,
    close: () => {
      conn.close();
      lock.release();
    },
  };
}

/**
 * Create a new workbook at `path`, seeded by `seed` in one transaction. It is
 * built under a temporary name and linked into place whole, so a crash never
 * leaves a half-made workbook and an existing file is never overwritten.
 */
export function createWorkbook(path: string, seed?: (db: Database.Database) => void): void {
  if (existsSync(path)) {
    throw new CpwError('FILE_EXISTS', `${path} already exists: choose another name, or delete it first`, { file: path });
  }
  const tmp = `${path}.creating-${process.pid}`;
  const db = sqlite(tmp);
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('foreign_keys = ON');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db);
    if (seed) db.transaction(() => seed(db))();
    db.close();
    try {
      linkSync(tmp, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new CpwError('FILE_EXISTS', `${path} already exists: choose another name, or delete it first`, { file: path });
      }
      throw new CpwError('IO_ERROR', `cannot write ${path}: ${(e as Error).message}`, { file: path });
    }
  } finally {
    if (db.open) db.close();
    for (const f of [tmp, `${tmp}-journal`]) if (existsSync(f)) unlinkSync(f);
  }
}

/** "Save as": a compact copy of the open workbook written with VACUUM INTO, then linked into place whole. */
export function copyWorkbook(wb: OpenWorkbook, dest: string): void {
  if (existsSync(dest)) throw new CpwError('FILE_EXISTS', `${dest} already exists: choose another name`, { file: dest });
  const tmp = `${dest}.saving-${process.pid}`;
  try {
    wb.db.prepare('VACUUM INTO ?').run(tmp);
    linkSync(tmp, dest);
  } catch (e) {
    if (e instanceof CpwError) throw e;
    throw new CpwError('IO_ERROR', `cannot save ${dest}: ${(e as Error).message}`, { file: dest });
  } finally {
    if (existsSync(tmp)) unlinkSync(tmp);
  }
}

/**
 * `cpw check`: the header checks, SQLite's full integrity and foreign-key
 * checks, and the schema version, all read-only. Problems are listed, not thrown.
 */
export function checkWorkbookFile(path: string, validate?: (db: Database.Database) => string[]): {
  ok: boolean;
  schemaVersion: number | null;
  problems: string[];
} {
  let schemaVersion: number | null = null;
  try {
    schemaVersion = checkHeader(path).schemaVersion;
  } catch (e) {
    if (e instanceof CpwError) return { ok: false, schemaVersion, problems: [e.message] };
    throw e;
  }
  if (hasHotJournal(path)) {
    return { ok: false, schemaVersion, problems: [`${path} was interrupted while saving: open it for editing once to recover it`] };
  }
  const db = connect(path, true);
  try {
    const problems = integrity(db, 'integrity_check').map((p) => `${path} is damaged: ${p}`);
    if (problems.length === 0) {
      try {
        refuseForeignCode(db, path);
        const fk = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
        problems.push(...fk.map((f) => `table ${f.table}, row ${f.rowid}: refers to a missing ${f.parent} row`));
        if (validate && schemaVersion === SCHEMA_VERSION) problems.push(...validate(db));
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
    return { ok: problems.length === 0, schemaVersion, problems };
  } finally {
    db.close();
  }
}

import type Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { CpwError } from '../../../shared/ipc/errors';
import { dailyBackupDue, takeBackup } from './backups';
import { dropDeadJournal, needsRollback, recoveredCopy, ROLLED_BACK, tryRecoverInPlace } from './journal';
import { acquireWriterLock, type WriterLock } from './lock';
import { SCHEMA_VERSION, migrate } from './migrate';
import { assertFileWritable, knownPlaceFailure } from './place';
import { isSqliteError, sqlite } from './sqlite';


/** `PRAGMA application_id` of every workbook: "CPWB" in ASCII. */
export const APPLICATION_ID = 0x43505742;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenWorkbook {
  readonly db: Database.Database;
  readonly path: string;
  readonly name: string;
  readonly readOnly: boolean;
  /** What opening it had to do that the user should hear of (an interrupted save rolled back). */
  readonly notes: readonly string[];
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
export function integrity(db: Database.Database, pragma: 'quick_check' | 'integrity_check'): string[] {
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
export function refuseForeignCode(db: Database.Database, path: string): void {
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
    return db;
  } catch (e) {
    throw damaged(path, [(e as Error).message]);
  }
}

/** Another process is in the middle of saving and did not finish within the busy timeout. */
function busy(path: string): CpwError {
  return new CpwError('LOCKED', `${path} is being saved by another process and stayed busy: try again in a moment`, { file: path });
}

export interface ReadConnection {
  db: Database.Database;
  notes: string[];
}

/**
 * A read-only connection to the file's last committed state, whatever an
 * interrupted save left beside it (journal.ts): the file recovered in place
 * when it can be, else a recovered copy in memory with the file untouched.
 * Nothing is checked here beyond what SQLite must read to open it.
 */
export function readConnection(path: string): ReadConnection {
  for (let attempt = 0; attempt < 3; attempt++) {
    const db = connect(path, true);
    let hot: boolean;
    try {
      hot = needsRollback(db);
    } catch (e) {
      db.close();
      if (isSqliteError(e, 'SQLITE_BUSY')) throw busy(path);
      throw damaged(path, [(e as Error).message]);
    }
    if (!hot) return { db, notes: [] };
    db.close();
    const recovery = tryRecoverInPlace(path);
    if (recovery.recovered === 'in place') return { db: connect(path, true), notes: [ROLLED_BACK] };
    const copy = recoveredCopy(path);
    if (copy) {
      copy.pragma('foreign_keys = ON');
      return { db: copy, notes: [`${ROLLED_BACK} (in a copy read into memory, as ${recovery.why}: the file itself is unchanged until it is opened for editing)`] };
    }
  }
  throw busy(path);
}

/** What opening for reading refuses: damage SQLite finds, and SQL the workbench never makes. */
function refuseUnreadable(db: Database.Database, path: string): void {
  const problems = integrity(db, 'quick_check');
  if (problems.length > 0) throw damaged(path, problems);
  refuseForeignCode(db, path);
}

export interface OpenOptions {
  readOnly?: boolean;
}

/**
 * Open a workbook (DESIGN.md, "The workbook file"). Refuses, without writing
 * a byte, a missing file, a non-SQLite file, a SQLite file that is not a
 * workbook, a newer schema and a file that fails `PRAGMA quick_check`. A
 * writer takes the one-writer lock and brings an older schema up to date;
 * a reader of an older schema migrates a copy in memory instead. Either
 * gets the last committed state after an interrupted save.
 */
export function openWorkbook(given: string, options: OpenOptions = {}): OpenWorkbook {
  checkHeader(given);
  const path = canonicalPath(given);
  return options.readOnly ? openReader(path) : openWriter(path);
}

/**
 * The file itself, through any symbolic links: its lock, journal and copies
 * sit beside it under one name, so two links to one workbook are one
 * workbook to the one-writer rule (SQLite names the journal the same way).
 */
export function canonicalPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * The schema version of the committed state a connection reads: after an
 * interrupted upgrade is rolled back it is the older one, whatever the
 * file's header said before.
 */
function committedVersion(db: Database.Database, path: string): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new CpwError('NEWER_SCHEMA', `${path} was saved by a newer version of the workbench (schema ${version}; this version reads up to ${SCHEMA_VERSION}): update the app to open it`, { file: path });
  }
  return version;
}

function openReader(path: string): OpenWorkbook {
  const conn = readConnection(path);
  let db = conn.db;
  try {
    refuseUnreadable(db, path);
    const schemaVersion = committedVersion(db, path);
    if (schemaVersion < SCHEMA_VERSION) {
      const copy = sqlite(db.serialize());
      db.close();
      db = copy;
      db.pragma('foreign_keys = ON');
      migrate(db);
    }
    db.pragma('query_only = ON');
  } catch (e) {
    db.close();
    throw e;
  }
  const open = db;
  return { db: open, path, name: basename(path), readOnly: true, notes: conn.notes, close: () => open.close() };
}

function openWriter(path: string): OpenWorkbook {
  // Asked before the lock, so that a read-only file is named as such and nothing is made beside it.
  assertFileWritable(path);
  const lock: WriterLock = acquireWriterLock(path);
  const notes: string[] = [];
  let db: Database.Database | undefined;
  try {
    // Checked read-only first, so that a file the app refuses is not written by the checking; a hot journal
    // needs the writer's connection, which rolls it back at its first read below.
    const probe = connect(path, true);
    try {
      if (needsRollback(probe)) notes.push(ROLLED_BACK);
      else refuseUnreadable(probe, path);
    } catch (e) {
      if (e instanceof CpwError) throw e;
      if (isSqliteError(e, 'SQLITE_BUSY')) throw busy(path);
      throw damaged(path, [(e as Error).message]);
    } finally {
      probe.close();
    }
    db = connect(path, false);
    refuseUnreadable(db, path);
    dropDeadJournal(db, path);
    const schemaVersion = committedVersion(db, path);
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = FULL');
    // A copy beside the file before an upgrade changes it, and the first time it is opened each day.
    if (schemaVersion < SCHEMA_VERSION && schemaVersion > 0) takeBackup(db, path, `before-schema-${SCHEMA_VERSION}`);
    migrate(db);
    if (dailyBackupDue(db, path)) takeBackup(db, path, 'daily');
  } catch (e) {
    db?.close();
    lock.release();
    throw knownPlaceFailure(e, path, 'opening it for editing') ?? e;
  }
  const conn = db;
  return {
    db: conn,
    path,
    name: basename(path),
    readOnly: false,
    notes,
    close: () => {
      conn.close();
      lock.release();
    },
  };
}


import type Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CpwError } from '../../../shared/ipc/errors';
import { acquireWriterLock, type WriterLock } from './lock';
import { errnoOf } from './place';
import { isSqliteError, sqlite } from './sqlite';

/**
 * A save cut short (a crash, a kill, a power cut) leaves SQLite's rollback
 * journal beside the workbook. SQLite decides whether it is "hot" (no live
 * writer holds the file and its header is whole) and rolls it back at the
 * first read of a connection that may write, which restores the last
 * committed state. A live writer's journal is not hot: readers then see the
 * last committed state with no help. This module is what a reader does when
 * SQLite says it needs a writer to roll back: recover in place when it can,
 * else read a recovered copy and leave the file alone.
 */

export const ROLLED_BACK = 'an interrupted save was rolled back; nothing committed was lost';

/** The first read of a connection, where SQLite meets a hot journal; true when a read-only one could not roll it back. */
export function needsRollback(db: Database.Database): boolean {
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return false;
  } catch (e) {
    if (isSqliteError(e, 'SQLITE_READONLY_ROLLBACK')) return true;
    throw e;
  }
}

const journalOf = (path: string) => `${path}-journal`;

/**
 * A journal still there once SQLite has had its say is one it judged not hot:
 * a save killed before the journal's header was written, holding nothing to
 * restore. The caller holds the writer's lock; the journal is removed under
 * SQLite's exclusive lock, so the file is not taken for an interrupted save
 * ever after.
 */
export function dropDeadJournal(db: Database.Database, path: string): void {
  if (!existsSync(journalOf(path))) return;
  db.exec('BEGIN EXCLUSIVE');
  try {
    if (existsSync(journalOf(path))) unlinkSync(journalOf(path));
  } finally {
    db.exec('COMMIT');
  }
}

/** Roll a hot journal back in the file itself; the caller holds the writer's lock. True when there was one. */
export function rollBackInPlace(path: string): boolean {
  const probe = sqlite(path, { readonly: true, fileMustExist: true });
  let hot: boolean;
  try {
    hot = needsRollback(probe);
  } finally {
    probe.close();
  }
  const db = sqlite(path, { fileMustExist: true });
  try {
    db.pragma('trusted_schema = OFF');
    needsRollback(db);
    dropDeadJournal(db, path);
  } finally {
    db.close();
  }
  return hot;
}

export type Recovery = { recovered: 'in place' } | { recovered: 'copy'; why: string };

/**
 * Recover in place when the file can be written and no process holds it for
 * editing; otherwise say why not (the caller reads a recovered copy).
 */
export function tryRecoverInPlace(path: string): Recovery {
  let lock: WriterLock;
  try {
    lock = acquireWriterLock(path);
  } catch (e) {
    if (e instanceof CpwError && (e.code === 'LOCKED' || e.code === 'UNWRITABLE' || e.code === 'DISK_FULL')) {
      return { recovered: 'copy', why: e.code === 'LOCKED' ? 'it is open for editing elsewhere' : 'it cannot be written here' };
    }
    throw e;
  }
  try {
    rollBackInPlace(path);
    return { recovered: 'in place' };
  } catch (e) {
    if (isSqliteError(e, 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_FULL', 'SQLITE_IOERR') || ['EACCES', 'EPERM', 'EROFS'].includes(errnoOf(e) ?? '')) {
      return { recovered: 'copy', why: 'it cannot be written here' };
    }
    throw e;
  } finally {
    lock.release();
  }
}

/**
 * A copy of a file another process may be shrinking (a rollback truncates the
 * workbook; a recovery empties the journal): read to its end as it is then.
 * Not copyFileSync: on Node 20 its copy loop spins forever once the source
 * ends before the size it read at the start, and a reader hung for good.
 */
export function copyAsItIs(from: string, to: string): void {
  writeFileSync(to, readFileSync(from));
}

/**
 * The file's last committed state as an in-memory database: the file and its
 * journal copied to a private folder, rolled back there, and read into
 * memory; the original is not touched. Null when the journal went away while
 * copying (another process recovered it): the file then reads as it is.
 */
export function recoveredCopy(path: string): Database.Database | null {
  const dir = mkdtempSync(join(tmpdir(), 'cpw-recover-'));
  const copy = join(dir, 'workbook.cpw');
  try {
    // The workbook first, then its journal: every page a rollback needs is in the journal before the file changes.
    copyAsItIs(path, copy);
    if (!existsSync(journalOf(path)) || statSync(journalOf(path)).size === 0) return null;
    try {
      copyAsItIs(journalOf(path), journalOf(copy));
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') return null;
      throw e;
    }
    const db = sqlite(copy, { fileMustExist: true });
    let image: Buffer;
    try {
      db.pragma('trusted_schema = OFF');
      needsRollback(db);
      image = db.serialize();
    } finally {
      db.close();
    }
    return sqlite(image);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

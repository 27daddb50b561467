import type Database from 'better-sqlite3';
import { existsSync, linkSync, renameSync, rmSync } from 'node:fs';
import { CpwError } from '../../../shared/ipc/errors';
import { APPLICATION_ID, openWorkbook } from './connection';
import { FileStore } from './file-store';
import { sqliteSql } from './sqlite-sql';
import type { Sql } from './sql';
import type { WorkbookStore } from './store';
import { migrate } from './migrate';
import { errnoOf, placeFailure } from './place';
import { sqlite } from './sqlite';

/**
 * Create a new workbook at `path`, seeded by `seed` in one transaction. It is
 * built under a temporary name and linked into place whole, so a crash never
 * leaves a half-made workbook and an existing file is never overwritten.
 */
export async function createWorkbook(path: string, seed?: (tx: Sql) => Promise<void>, options: { replace?: boolean } = {}): Promise<void> {
  // Replacing: the old workbook is opened for editing first, so it is ours (never any other file), nobody else
  // holds it, its interrupted save is rolled back and its daily copy taken; the new one takes its place whole.
  const old = options.replace && existsSync(path) ? openWorkbook(path) : undefined;
  if (!old && existsSync(path)) {
    throw new CpwError('FILE_EXISTS', `${path} already exists: choose another name, or delete it first`, { file: path });
  }
  const tmp = `${path}.creating-${process.pid}`;
  let db: Database.Database | undefined;
  try {
    db = sqlite(tmp);
    db.pragma('journal_mode = DELETE');
    db.pragma('foreign_keys = ON');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db);
    if (seed) {
      const made = db;
      made.exec('BEGIN IMMEDIATE');
      try {
        await seed(sqliteSql(made));
        made.exec('COMMIT');
      } catch (e) {
        if (made.inTransaction) made.exec('ROLLBACK');
        throw e;
      }
    }
    db.close();
    if (old) renameSync(tmp, path);
    else linkSync(tmp, path);
  } catch (e) {
    if (errnoOf(e) === 'EEXIST') throw new CpwError('FILE_EXISTS', `${path} already exists: choose another name, or delete it first`, { file: path });
    throw placeFailure(e, path, 'creating it');
  } finally {
    if (db?.open) db.close();
    old?.close();
    for (const f of [tmp, `${tmp}-journal`]) rmSync(f, { force: true });
  }
}

/** "Save as": a compact copy of the open workbook written with VACUUM INTO, then linked into place whole. */
export async function copyWorkbook(store: WorkbookStore, dest: string): Promise<void> {
  if (!(store instanceof FileStore)) throw new CpwError('INVALID_INPUT', `Save as copies a workbook file; ${store.location} is not one (cpw copy takes a workbook anywhere)`);
  const wb = store.workbook;
  if (existsSync(dest)) throw new CpwError('FILE_EXISTS', `${dest} already exists: choose another name`, { file: dest });
  const tmp = `${dest}.saving-${process.pid}`;
  try {
    wb.db.prepare('VACUUM INTO ?').run(tmp);
    linkSync(tmp, dest);
  } catch (e) {
    if (errnoOf(e) === 'EEXIST') throw new CpwError('FILE_EXISTS', `${dest} already exists: choose another name`, { file: dest });
    throw placeFailure(e, dest, 'saving a copy');
  } finally {
    rmSync(tmp, { force: true });
  }
}

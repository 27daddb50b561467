import type Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CpwError } from '../../../shared/ipc/errors';

/** How many copies are kept beside a workbook: the newest, whatever their reason. */
export const KEEP_BACKUPS = 5;
const DAY_MS = 24 * 60 * 60 * 1000;
const NAME = /^(\d{8}T\d{6}Z)-([a-z0-9-]+)\.cpw$/;

/** The folder of a workbook's copies, beside it: `.NAME.cpw.backups`. */
export const backupFolder = (path: string): string => join(dirname(path), `.${basename(path)}.backups`);

export interface Backup {
  file: string;
  taken: Date;
  reason: string;
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
const fromStamp = (s: string) => new Date(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`);

/** A workbook's copies, newest first. */
export function listBackups(path: string): Backup[] {
  const folder = backupFolder(path);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .flatMap((f) => {
      const m = NAME.exec(f);
      return m ? [{ file: join(folder, f), taken: fromStamp(m[1]!), reason: m[2]! }] : [];
    })
    .sort((a, b) => b.taken.getTime() - a.taken.getTime() || b.file.localeCompare(a.file));
}

/**
 * A consistent copy of the open workbook beside it (SQLite's VACUUM INTO,
 * under a temporary name until whole), then only the newest KEEP_BACKUPS kept.
 */
export function takeBackup(db: Database.Database, path: string, reason: string, now: Date = new Date()): string {
  const folder = backupFolder(path);
  mkdirSync(folder, { recursive: true });
  const dest = join(folder, `${stamp(now)}-${reason}.cpw`);
  const tmp = `${dest}.partial`;
  rmSync(tmp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    renameSync(tmp, dest);
  } catch (e) {
    // A copy cut short (a full disk) is not left behind to be taken for one, nor a folder made only for it.
    rmSync(tmp, { force: true });
    if (readdirSync(folder).length === 0) rmSync(folder, { recursive: true, force: true });
    throw e;
  }
  for (const old of listBackups(path).slice(KEEP_BACKUPS)) rmSync(old.file, { force: true });
  return dest;
}

/** The daily copy is due when the newest copy is a day old, or there is none of a workbook that holds something. */
export function dailyBackupDue(db: Database.Database, path: string, now: Date = new Date()): boolean {
  const newest = listBackups(path)[0];
  if (newest) return now.getTime() - newest.taken.getTime() >= DAY_MS;
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'periods'").get();
  return hasTable !== undefined && db.prepare('SELECT 1 FROM periods LIMIT 1').get() !== undefined;
}

/**
 * `cpw check --repair`: put the newest copy that passes `check` in place of
 * a damaged workbook, keeping the damaged file beside it. Refused when no
 * copy is good.
 */
export function restoreLastGood(path: string, isGood: (file: string) => boolean, now: Date = new Date()): { restored: Backup; damagedKeptAs: string } {
  const good = listBackups(path).find((b) => isGood(b.file));
  if (!good) {
    throw new CpwError('NOT_FOUND', `${path} has no good copy to restore (copies are kept in ${backupFolder(path)}, taken daily and before upgrades)`, { file: path });
  }
  const damagedKeptAs = `${path}.damaged-${stamp(now)}`;
  const incoming = `${path}.restoring`;
  copyFileSync(good.file, incoming);
  // The damaged file's journal goes with it first: left beside the copy, SQLite would roll it into the copy.
  for (const side of ['-journal', '-wal', '-shm']) if (existsSync(`${path}${side}`)) renameSync(`${path}${side}`, `${damagedKeptAs}${side}`);
  if (existsSync(path) && statSync(path).isFile()) renameSync(path, damagedKeptAs);
  renameSync(incoming, path);
  return { restored: good, damagedKeptAs };
}

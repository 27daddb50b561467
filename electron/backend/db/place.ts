import { closeSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { CpwError } from '../../../shared/ipc/errors';

/** The errno codes that mean "this place cannot be written", whoever asks. */
const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS']);
const FULL = new Set(['ENOSPC', 'EDQUOT']);

export const errnoOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

export function unwritable(path: string, where: 'file' | 'folder'): CpwError {
  const why = where === 'file' ? '(read-only)' : `(its folder ${dirname(path)} is read-only, and saving keeps a journal and a lock beside the file)`;
  return new CpwError('UNWRITABLE', `${path} can't be written ${why}: open it with --read-only, or copy it to a folder you can write`, { file: path });
}

export function diskFull(path: string, doing: string): CpwError {
  return new CpwError('DISK_FULL', `the disk holding ${path} is full: ${doing} failed and nothing was changed; free some space and try again`, { file: path });
}

/**
 * A read-only place or a full disk met while working on the workbook
 * `path`, in the user's words (never an internal temporary name); null for
 * any other failure. SQLite's own codes for the same count as the same.
 */
export function knownPlaceFailure(e: unknown, path: string, doing: string, where: 'file' | 'folder' = 'folder'): CpwError | null {
  const code = errnoOf(e);
  if (code === undefined) return null;
  if (UNWRITABLE.has(code) || code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') return unwritable(path, where);
  if (FULL.has(code) || code === 'SQLITE_FULL') return diskFull(path, doing);
  return null;
}

/** knownPlaceFailure, or else an I/O error naming the workbook and what was being done. */
export function placeFailure(e: unknown, path: string, doing: string, where: 'file' | 'folder' = 'folder'): CpwError {
  if (e instanceof CpwError) return e;
  return knownPlaceFailure(e, path, doing, where) ?? new CpwError('IO_ERROR', `${doing} failed for ${path}: ${(e as Error).message}`, { file: path });
}

/**
 * Whether the workbook file itself can be opened for writing (permissions, a
 * read-only mount, an immutable file), asked of the system without changing
 * a byte; the folder is asked when the lock is taken.
 */
export function assertFileWritable(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r+');
  } catch (e) {
    throw placeFailure(e, path, 'opening it for editing', 'file');
  }
  closeSync(fd);
}


/** A file the workbench writes for the user (an export, a report) could not be written: why, in their words. */
export function outputFailure(e: unknown, path: string): CpwError {
  if (e instanceof CpwError) return e;
  const code = errnoOf(e);
  if (code !== undefined && UNWRITABLE.has(code)) return new CpwError('UNWRITABLE', `cannot write ${path}: that place is read-only for you; choose another folder`, { file: path });
  if (code !== undefined && FULL.has(code)) return new CpwError('DISK_FULL', `cannot write ${path}: the disk is full, and nothing was written; free some space and try again`, { file: path });
  if (code === 'ENOENT') return new CpwError('IO_ERROR', `cannot write ${path}: its folder does not exist`, { file: path });
  return new CpwError('IO_ERROR', `cannot write ${path}: ${(e as Error).message}`, { file: path });
}

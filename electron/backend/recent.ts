import { join, resolve } from 'node:path';
import { isPgLocation } from './db/pg/location';
import { isTeamAddress } from './team/address';
import { readStateFile, writeStateFile } from './state-file';

export const MAX_RECENT = 10;
/** In the user's data folder; scripts/launch.mjs reads `last` from the same file for browser mode. */
export const STATE_FILE = 'recent.json';

export interface WorkbookState {
  /** Most recent first, absolute paths, no repeats, at most MAX_RECENT. */
  recent: string[];
  /** The workbook to reopen at start; kept when the recent list is cleared. */
  last: string | null;
}

const isAddress = (entry: string) => isPgLocation(entry) || isTeamAddress(entry);

/** `path` at the front, its older entry dropped, the oldest beyond the cap forgotten. */
export function withRecent(recent: readonly string[], path: string): string[] {
  // A workbook's address in PostgreSQL or on a team server is no path to resolve against this folder.
  const full = isAddress(path) ? path : resolve(path);
  return [full, ...recent.filter((p) => p !== full)].slice(0, MAX_RECENT);
}

/**
 * The state as stored, cleaned: the file is the user's to edit or damage,
 * so anything unreadable counts as no history rather than stopping the app.
 */
export function readState(dir: string): WorkbookState {
  const obj = readStateFile(join(dir, STATE_FILE));
  const listed = Array.isArray(obj.recent) ? obj.recent.filter((p): p is string => typeof p === 'string' && p !== '') : [];
  const recent = listed.reverse().reduce<string[]>((acc, p) => withRecent(acc, p), []);
  const last = typeof obj.last === 'string' && obj.last !== '' ? (isAddress(obj.last) ? obj.last : resolve(obj.last)) : null;
  return { recent, last };
}

export function writeState(dir: string, state: WorkbookState): void {
  writeStateFile(join(dir, STATE_FILE), state);
}

export interface RecentFiles {
  list(): string[];
  last(): string | null;
  /** A workbook was opened, created or saved as: it goes to the top and becomes the one reopened next time. */
  remember(path: string): string[];
  clear(): void;
}

/** Read through to the file every time: two windows or browser mode may have changed it meanwhile. */
export function recentFiles(dir: string): RecentFiles {
  return {
    list: () => readState(dir).recent,
    last: () => readState(dir).last,
    remember(path) {
      const state = readState(dir);
      const recent = withRecent(state.recent, path);
      try {
        writeState(dir, { recent, last: recent[0]! });
      } catch {
        // The list is a convenience: a profile folder that cannot be written never stops a workbook opening.
      }
      return recent;
    },
    clear() {
      writeState(dir, { ...readState(dir), recent: [] });
    },
  };
}

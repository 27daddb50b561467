import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const MAX_RECENT = 10;
/** In the user's data folder; electron/launch.mjs reads `last` from the same file for browser mode. */
export const STATE_FILE = 'recent.json';

export interface WorkbookState {
  /** Most recent first, absolute paths, no repeats, at most MAX_RECENT. */
  recent: string[];
  /** The workbook to reopen at start; kept when the recent list is cleared. */
  last: string | null;
}

/** `path` at the front, its older entry dropped, the oldest beyond the cap forgotten. */
export function withRecent(recent: readonly string[], path: string): string[] {
  const full = resolve(path);
  return [full, ...recent.filter((p) => p !== full)].slice(0, MAX_RECENT);
}

/**
 * The state as stored, cleaned: the file is the user's to edit or damage,
 * so anything unreadable counts as no history rather than stopping the app.
 */
export function readState(dir: string): WorkbookState {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8'));
  } catch {
    return { recent: [], last: null };
  }
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const listed = Array.isArray(obj.recent) ? obj.recent.filter((p): p is string => typeof p === 'string' && p !== '') : [];
  const recent = listed.reverse().reduce<string[]>((acc, p) => withRecent(acc, p), []);
  const last = typeof obj.last === 'string' && obj.last !== '' ? resolve(obj.last) : null;
  return { recent, last };
}

/** Written under a temporary name and renamed, so a crash mid-write never leaves half a file. */
export function writeState(dir: string, state: WorkbookState): void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, STATE_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(tmp, file);
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
      writeState(dir, { recent, last: recent[0]! });
      return recent;
    },
    clear() {
      writeState(dir, { ...readState(dir), recent: [] });
    },
  };
}

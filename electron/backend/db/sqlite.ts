import Database from 'better-sqlite3';

let nativeBinding: string | undefined;

/**
 * The desktop app loads better-sqlite3 built for Electron's ABI from a folder
 * of its own (DESIGN.md, "Packaging"), so the Node build that the CLI and the
 * tests load is never touched.
 */
export function setNativeBinding(path: string): void {
  nativeBinding = path;
}

/** How long a reader waits for another process's save to finish before saying so. */
export const BUSY_TIMEOUT_MS = 15_000;

let trace: ((sql: string) => void) | undefined;

/**
 * Hear every SQL statement the connections opened from now on execute (SQLite's
 * own trace, through better-sqlite3's `verbose`): how the statements one
 * action costs are counted (tests/unit/backend/edit-path.test.ts). Null stops it.
 */
export function traceStatements(fn: ((sql: string) => void) | null): void {
  trace = fn ?? undefined;
}

/** A better-sqlite3 connection, through the app's own native build when it has one. */
export function sqlite(filename: string | Buffer, options: Database.Options = {}): Database.Database {
  const withTimeout = { timeout: BUSY_TIMEOUT_MS, ...options, ...(trace ? { verbose: (sql?: unknown) => trace?.(String(sql)) } : {}) };
  return new Database(filename, nativeBinding === undefined ? withTimeout : { ...withTimeout, nativeBinding });
}

export function isSqliteError(e: unknown, ...codes: string[]): e is InstanceType<typeof Database.SqliteError> {
  return e instanceof Database.SqliteError && (codes.length === 0 || codes.includes(e.code));
}

/**
 * The store contract's one door to a database: every repository reads and
 * writes through these few calls, so the same repository code (and every
 * rule in it) runs on a workbook file (SQLite) and on a team workbook
 * (PostgreSQL). Queries are written once, with `?` for each parameter; the
 * PostgreSQL side turns them into its own form (numbered parameters,
 * case-insensitive comparisons by lower()), see pg/translate.ts.
 *
 * Async throughout: PostgreSQL answers over the network, and a window's or
 * a team's calls must not wait behind one another's I/O. The file's side is
 * synchronous underneath (better-sqlite3) and answers at once.
 */
export interface Sql {
  readonly dialect: 'sqlite' | 'postgres';
  /** Rows as objects, by the names the query gives its columns. */
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** The first row, or undefined. */
  get<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Rows as arrays of values in the query's column order: what a reader of 100,000 rows wants. */
  rows(sql: string, params?: readonly unknown[]): Promise<unknown[][]>;
  /** Rows as arrays with the names of their columns. */
  table(sql: string, params?: readonly unknown[]): Promise<{ columns: string[]; rows: unknown[][] }>;
  /** The first column of each row. */
  pluck<T = unknown>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** The first column of the first row, or undefined. */
  value<T = unknown>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** A statement that changes rows: how many it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /**
   * Many rows into one table at once, row `k` given by `row(k)`: multi-row
   * INSERTs on the file, COPY streamed on PostgreSQL (what a million
   * transaction lines want). Each row's array is read before the next is
   * asked for, so `row` may fill and return the same array every time.
   */
  bulkLoad(table: string, columns: readonly string[], count: number, row: (k: number) => readonly unknown[]): Promise<void>;
  /** The names of a table's columns, in order. */
  columnsOf(table: string): Promise<string[]>;
}

/** How many rows a multi-row INSERT carries: fewer round trips, well inside both engines' limits of parameters. */
export const ROWS_PER_INSERT = 64;

/** `(?, ?, ?), (?, ?, ?)`: the VALUES of a multi-row insert of `rows` rows of `width` values. */
export function valuesList(rows: number, width: number): string {
  const one = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  return Array.from({ length: rows }, () => one).join(', ');
}

/**
 * After rows were written with ids of their own (numbered by the caller, or
 * copied): PostgreSQL's sequence for the table moved past them, as SQLite
 * numbers from the largest id anyway.
 */
export async function idsWritten(tx: Sql, table: string): Promise<void> {
  if (tx.dialect === 'postgres') await tx.value(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT coalesce(max(id), 1) FROM ${table}))`);
}

import type { Sql } from './sql';

/**
 * An open workbook, wherever it is kept: a file (SQLite) or a schema of a
 * PostgreSQL database. Every action of the backend is one transaction on it,
 * through the same repositories (db/repos) whatever the engine.
 */
export interface WorkbookStore {
  readonly engine: 'file' | 'postgres';
  /** The path, or the address without its password: what messages and the recent list name. */
  readonly location: string;
  /** What the window's title and the report call it. */
  readonly name: string;
  readonly readOnly: boolean;
  /** What opening it had to do that its user should hear of. */
  readonly notes: readonly string[];
  /** A read in one transaction: it never sees half of another's write. */
  read<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** A write in one transaction: all of it lands, or none. */
  write<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * One transaction at a time on one connection: an action's awaits must not
 * let another action's statements into its transaction (a window's calls
 * arrive concurrently). Each runs after the one before it has ended.
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  run<T>(fn: () => Promise<T>): Promise<T> {
    this.pending++;
    const next = this.tail.then(fn, fn).finally(() => this.pending--);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** How many are queued or under way. */
  get queued(): number {
    return this.pending;
  }

  /** Nothing queued or under way. */
  get idle(): boolean {
    return this.pending === 0;
  }

  /** Once everything queued has ended. */
  drained(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}

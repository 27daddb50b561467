import type Database from 'better-sqlite3';
import type { OpenWorkbook } from './connection';
import { sqliteSql } from './sqlite-sql';
import type { Sql } from './sql';
import { Serial, type WorkbookStore } from './store';

/** A workbook file as a store: its connection's transactions, one at a time, through the SQLite door. */
export class FileStore implements WorkbookStore {
  readonly engine = 'file' as const;
  private readonly sql: Sql;
  private readonly serial = new Serial();

  constructor(readonly workbook: OpenWorkbook) {
    this.sql = sqliteSql(workbook.db);
  }

  get location(): string {
    return this.workbook.path;
  }
  get name(): string {
    return this.workbook.name;
  }
  get readOnly(): boolean {
    return this.workbook.readOnly;
  }
  get notes(): readonly string[] {
    return this.workbook.notes;
  }
  /** The connection itself, for what only a file does (a copy with VACUUM INTO). */
  get db(): Database.Database {
    return this.workbook.db;
  }

  read<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN', fn);
  }

  write<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN IMMEDIATE', fn);
  }

  private transaction<T>(begin: string, fn: (tx: Sql) => Promise<T>): Promise<T> {
    const db = this.workbook.db;
    return this.serial.run(async () => {
      db.exec(begin);
      try {
        const result = await fn(this.sql);
        db.exec('COMMIT');
        return result;
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      }
    });
  }

  /** Closed at once when idle (the lock released before the caller goes on); else once what is under way has ended. */
  close(): Promise<void> {
    if (this.serial.idle) {
      this.workbook.close();
      return Promise.resolve();
    }
    return this.serial.drained().then(() => this.workbook.close());
  }
}

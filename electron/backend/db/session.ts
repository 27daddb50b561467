import type Database from 'better-sqlite3';
import { CpwError } from '../../../shared/ipc/errors';
import { openWorkbook, type OpenWorkbook } from './connection';

/** The workbook a window (or a CLI run) has open: at most one at a time. */
export class Session {
  private current: OpenWorkbook | null = null;

  get workbook(): OpenWorkbook {
    if (!this.current) throw new CpwError('NO_WORKBOOK', 'no workbook is open: open or create one first');
    return this.current;
  }

  /** The open workbook's path, or null: for messages that name it. */
  get path(): string | null {
    return this.current?.path ?? null;
  }

  open(path: string, readOnly: boolean): OpenWorkbook {
    const next = openWorkbook(path, { readOnly });
    this.close();
    this.current = next;
    return next;
  }

  close(): void {
    this.current?.close();
    this.current = null;
  }

  /** Read in one transaction, so a read never sees half of another process's write. */
  read<T>(fn: (db: Database.Database) => T): T {
    const { db } = this.workbook;
    return db.transaction(fn)(db);
  }

  /** Every user action is one transaction: all of it lands, or none. */
  write<T>(fn: (db: Database.Database) => T): T {
    const wb = this.workbook;
    if (wb.readOnly) throw new CpwError('READ_ONLY', `${wb.name} is open read-only: open it for editing to change it`);
    return wb.db.transaction(fn).immediate(wb.db);
  }
}

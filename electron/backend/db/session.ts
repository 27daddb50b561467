import { CpwError } from '../../../shared/ipc/errors';
import { openWorkbook } from './connection';
import { FileStore } from './file-store';
import type { Sql } from './sql';
import type { WorkbookStore } from './store';

/** Opens a workbook at a location (a path, or a PostgreSQL address): the one place that knows the kinds. */
export type StoreOpener = (location: string, readOnly: boolean) => Promise<WorkbookStore>;

/** A file's store; other kinds come through the opener the backend is given. */
export const openFileStore: StoreOpener = async (location, readOnly) => new FileStore(openWorkbook(location, { readOnly }));

/** The workbook a window (or a CLI run) has open: at most one at a time. */
export class Session {
  private current: WorkbookStore | null = null;

  constructor(private readonly opener: StoreOpener = openFileStore) {}

  get store(): WorkbookStore {
    if (!this.current) throw new CpwError('NO_WORKBOOK', 'no workbook is open: open or create one first');
    return this.current;
  }

  /** The open workbook's location, or null: for messages that name it. */
  get path(): string | null {
    return this.current?.location ?? null;
  }

  async open(location: string, readOnly: boolean): Promise<WorkbookStore> {
    const next = await this.opener(location, readOnly);
    await this.close();
    this.current = next;
    return next;
  }

  close(): Promise<void> {
    const was = this.current;
    this.current = null;
    return was ? was.close() : Promise.resolve();
  }

  /** Read in one transaction, so a read never sees half of another's write. */
  read<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.store.read(fn);
  }

  /** Every user action is one transaction: all of it lands, or none. */
  write<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    const store = this.store;
    if (store.readOnly) return Promise.reject(new CpwError('READ_ONLY', `${store.name} is open read-only: open it for editing to change it`));
    return store.write(fn);
  }
}

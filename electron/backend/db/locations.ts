import { CpwError } from '../../../shared/ipc/errors';
import { checkWorkbookFile, type CheckResult } from './check';
import { createWorkbook } from './create';
import { SCHEMA_VERSION } from './migrate';
import { isPgLocation } from './pg/location';
import { createPgWorkbook, openPgStore } from './pg/pg-store';
import { listPeriods } from './repos/periods';
import { openFileStore, type StoreOpener } from './session';
import type { Sql } from './sql';

/**
 * Where a workbook lives, told from its location: a `postgresql://` address
 * is a schema of a PostgreSQL database, anything else a file. The one place
 * that knows the kinds; everything after it works on a WorkbookStore.
 */
export const openStore: StoreOpener = (location, readOnly) => (isPgLocation(location) ? openPgStore(location, readOnly) : openFileStore(location, readOnly));

/** A new workbook at a location, seeded in the transaction that makes it: it appears whole or not at all. */
export function createStore(location: string, seed?: (tx: Sql) => Promise<void>, options: { replace?: boolean } = {}): Promise<void> {
  if (isPgLocation(location)) return createPgWorkbook(location, seed, options.replace ?? false);
  return createWorkbook(location, seed, options);
}

/** `cpw check` of a location: the file's own checks, or for PostgreSQL (which keeps its own pages whole) the schema and every stored value. */
export async function checkLocation(location: string, validate: (tx: Sql) => Promise<string[]>): Promise<CheckResult> {
  if (!isPgLocation(location)) return checkWorkbookFile(location, validate);
  let store;
  try {
    store = await openPgStore(location, true);
  } catch (e) {
    if (e instanceof CpwError && e.code !== 'UNREACHABLE' && e.code !== 'DENIED') return { ok: false, schemaVersion: null, problems: [e.message], periods: [], notes: [] };
    throw e;
  }
  try {
    return await store.read(async (tx) => {
      const problems = await validate(tx);
      const periods = (await listPeriods(tx)).map((p) => ({ label: p.label, rows: p.rows }));
      return { ok: problems.length === 0, schemaVersion: SCHEMA_VERSION, problems, periods, notes: [] };
    });
  } finally {
    await store.close();
  }
}

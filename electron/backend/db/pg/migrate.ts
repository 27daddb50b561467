import type { ClientBase } from 'pg';
import { MIGRATIONS as FILE_MIGRATIONS, assertOrdered, type Migration } from '../migrate';
import init from './migrations/001-init.sql';
import history from './migrations/002-history.sql';
import costPools from './migrations/003-cost-pools.sql';
import versions from './migrations/004-versions-and-audit.sql';
import costing from './migrations/005-costing.sql';
import dimensionsAndPlan from './migrations/006-dimensions-and-plan.sql';

/** The file's migrations in PostgreSQL's words: the same ids and names, one file each in pg/migrations/. */
export const PG_MIGRATIONS: readonly Migration[] = [
  { id: 1, name: '001-init', sql: init },
  { id: 2, name: '002-history', sql: history },
  { id: 3, name: '003-cost-pools', sql: costPools },
  { id: 4, name: '004-versions-and-audit', sql: versions },
  { id: 5, name: '005-costing', sql: costing },
  { id: 6, name: '006-dimensions-and-plan', sql: dimensionsAndPlan },
];
assertOrdered(PG_MIGRATIONS);
if (PG_MIGRATIONS.map((m) => m.name).join() !== FILE_MIGRATIONS.map((m) => m.name).join()) {
  throw new Error('the PostgreSQL migrations must be the file migrations, one for one');
}

/**
 * Apply the migrations after `version` on a connection whose search_path is
 * the workbook's schema, recording each and moving the schema version. The
 * caller holds the transaction (a new workbook is made whole in one; an
 * upgrade runs one migration per transaction, as the file does).
 */
export async function applyPgMigration(client: ClientBase, m: Migration, now: string): Promise<void> {
  await client.query(m.sql);
  await client.query('INSERT INTO schema_migrations (id, name, applied_at) VALUES ($1, $2, $3)', [m.id, m.name, now]);
  await client.query('UPDATE cpw_workbook SET schema_version = $1', [m.id]);
}

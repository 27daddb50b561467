import type Database from 'better-sqlite3';
import { CpwError } from '../../../shared/ipc/errors';
import init from './migrations/001-init.sql';
import history from './migrations/002-history.sql';
import costPools from './migrations/003-cost-pools.sql';
import versions from './migrations/004-versions-and-audit.sql';
import costing from './migrations/005-costing.sql';
import dimensionsAndPlan from './migrations/006-dimensions-and-plan.sql';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** One entry per file in migrations/, in order. A new schema change is a new file and a new line here. */
export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: '001-init', sql: init },
  { id: 2, name: '002-history', sql: history },
  { id: 3, name: '003-cost-pools', sql: costPools },
  { id: 4, name: '004-versions-and-audit', sql: versions },
  { id: 5, name: '005-costing', sql: costing },
  { id: 6, name: '006-dimensions-and-plan', sql: dimensionsAndPlan },
];

/** The schema version this build writes: the id of the last migration. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Ids must run 1, 2, 3... with no gap or repeat, or a workbook's history could not be trusted. */
export function assertOrdered(list: readonly Migration[]): void {
  list.forEach((m, k) => {
    if (m.id !== k + 1) throw new Error(`migration ${m.name} has id ${m.id}, expected ${k + 1}: migrations must be numbered in order`);
  });
}
assertOrdered(MIGRATIONS);

/** The migrations a workbook recorded, checked against this build's list so that out-of-order history is caught. */
function appliedIds(db: Database.Database): number[] {
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!exists) return [];
  return (db.prepare('SELECT id FROM schema_migrations ORDER BY id').all() as { id: number }[]).map((r) => r.id);
}

/**
 * Apply the pending migrations, each in its own transaction that also
 * records it and moves `user_version` (DESIGN.md): a crash leaves the
 * workbook at one version or the next, never between, and what was applied
 * before it stays applied.
 */
export function migrate(db: Database.Database, now: () => string = () => new Date().toISOString()): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  const applied = appliedIds(db);
  const expected = MIGRATIONS.slice(0, version).map((m) => m.id);
  if (applied.length !== expected.length || applied.some((id, k) => id !== expected[k])) {
    throw new CpwError(
      'DAMAGED',
      `the workbook's recorded migrations (${applied.join(', ') || 'none'}) do not match its schema version ${version}`,
    );
  }
  for (const m of MIGRATIONS.slice(version)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, now());
      db.pragma(`user_version = ${m.id}`);
    })();
  }
  return MIGRATIONS.length - version;
}

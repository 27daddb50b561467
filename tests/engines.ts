import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { psqlAdmin, type PgServer } from './pg-server';
import { TABLES as COPIED_TABLES } from '../electron/backend/db/copy-workbook';

/** The two engines a workbook is kept in: every store and handler test runs on both. */
export const ENGINES = ['file', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

/** The tests' own PostgreSQL server, started by tests/global-setup.ts. */
export function testPg(): string {
  const url = process.env.CPW_TEST_PG;
  if (!url) throw new Error('CPW_TEST_PG is not set: the tests start their PostgreSQL server in tests/global-setup.ts (vitest)');
  return url;
}

/** The server's superuser, over its socket, for what a test must do outside the workbench (kill a connection, plant a schema). */
export function pgAdmin(sql: string, database = 'cpw'): string {
  const admin = JSON.parse(process.env.CPW_TEST_PG_ADMIN ?? 'null') as Pick<PgServer, 'bin' | 'dir' | 'port'> | null;
  if (!admin) throw new Error('CPW_TEST_PG_ADMIN is not set (tests/global-setup.ts)');
  return psqlAdmin(admin, sql, database);
}

/** A new, unused workbook location on an engine: a file in `dir`, or a fresh workbook name in the test database. */
export function newLocation(engine: Engine, dir: string, name = 'w'): string {
  if (engine === 'file') return join(dir, `${name}.cpw`);
  return `${testPg()}?workbook=${name}_${randomBytes(5).toString('hex')}`;
}

/** The workbook's schema name in the test database. */
export function schemaOf(location: string): string {
  return new URL(location).searchParams.get('workbook')!.toLowerCase();
}

const TABLES = COPIED_TABLES.map((t) => t.name);

/** What a workbook holds, as one digest: a file's bytes, or every table of a PostgreSQL workbook read by the server's superuser. */
export function contentOf(location: string): string {
  if (!location.startsWith('postgresql:')) return createHash('sha256').update(readFileSync(location)).digest('hex');
  const schema = schemaOf(location);
  return pgAdmin(TABLES.map((t) => `SELECT '${t}', md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM "${schema}".${t} x`).join(' UNION ALL '));
}

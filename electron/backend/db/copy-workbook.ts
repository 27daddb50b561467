import { CpwError } from '../../../shared/ipc/errors';
import { createStore, openStore } from './locations';
import { idsWritten, type Sql } from './sql';

/**
 * Every table a workbook holds, parents before children, each read in the
 * order of its key: what `cpw copy` carries (schema_migrations is the
 * target's own, made as it is created; a team's people are its server's own,
 * never carried: their tokens sign in to that server only).
 */
export const TABLES: readonly { name: string; order: string; ids?: true }[] = [
  { name: 'meta', order: 'key' },
  { name: 'assumptions', order: 'key' },
  { name: 'periods', order: 'id', ids: true },
  { name: 'accounts', order: 'id', ids: true },
  { name: 'period_rows', order: 'period_id, account_id' },
  { name: 'dimensions', order: 'id', ids: true },
  { name: 'account_dimensions', order: 'account_id, dimension_id' },
  { name: 'plan_rows', order: 'period_id, account_id' },
  { name: 'interactions', order: 'id', ids: true },
  { name: 'scenarios', order: 'id', ids: true },
  { name: 'history', order: 'id', ids: true },
  { name: 'cost_pools', order: 'id', ids: true },
  { name: 'pool_activities', order: 'id', ids: true },
  { name: 'activity_drivers', order: 'activity_id, account_id' },
  { name: 'allocation_modes', order: 'period_id, bucket' },
  { name: 'activity_terms', order: 'activity_id, position' },
  { name: 'pool_feeds', order: 'from_pool_id, to_pool_id' },
  { name: 'activity_line_totals', order: 'activity_id, account_id, attribute, value' },
  { name: 'audit_log', order: 'id', ids: true },
];

type Dump = Map<string, { columns: string[]; rows: unknown[][] }>;

async function dump(tx: Sql): Promise<Dump> {
  const out: Dump = new Map();
  for (const t of TABLES) {
    const columns = await tx.columnsOf(t.name);
    out.set(t.name, { columns, rows: await tx.rows(`SELECT ${columns.map(quote).join(', ')} FROM ${t.name} ORDER BY ${t.order}`) });
  }
  return out;
}

async function load(tx: Sql, data: Dump): Promise<void> {
  for (const t of TABLES) {
    const { columns, rows } = data.get(t.name)!;
    const target = await tx.columnsOf(t.name);
    const missing = columns.filter((c) => !target.includes(c));
    if (missing.length) throw new CpwError('INTERNAL', `the target's ${t.name} table lacks ${missing.join(', ')}: the two workbooks are not at one schema`);
    await tx.bulkLoad(t.name, columns.map(quote), rows.length, (k) => rows[k]!);
    if (t.ids && rows.length > 0) await idsWritten(tx, t.name);
  }
}

const quote = (column: string) => `"${column}"`;

/**
 * `cpw copy FROM TO`: the whole workbook, read in one transaction of the
 * source and written in the one that creates the target, so the copy appears
 * whole or not at all, and an existing target is replaced only when asked
 * (and then in that same transaction, or by the new file taking its place).
 */
export async function copyWorkbookBetween(from: string, to: string, replace: boolean): Promise<Record<string, number>> {
  const source = await openStore(from, true);
  let data: Dump;
  try {
    data = await source.read(dump);
  } finally {
    await source.close();
  }
  await createStore(to, (tx) => load(tx, data), { replace });
  return Object.fromEntries([...data].map(([name, t]) => [name, t.rows.length]));
}

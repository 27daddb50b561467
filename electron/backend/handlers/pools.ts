import { auditWorkbook } from '../db/repos/audit';
import { recordedPools } from '../db/repos/history';
import type { Sql } from '../db/sql';
import { allocate, overCapacity } from '../../../shared/engine/allocation';
import type { PoolsState } from '../../../shared/ipc/contract';
import type { DriverCount, PoolSetup } from '../../../shared/schemas/pools';
import { getPeriod, periodOrLatest } from '../db/repos/periods';
import { countLines } from '../db/repos/lines';
import { getPoolSetup, replacePoolSetup } from '../db/repos/pools';
import { sourceFile } from '../io/import';
import type { StagedFiles } from '../io/staged-files';
import { readActivities, readDrivers, readLines, readPools } from '../io/pools';
import { readTable, type Table } from '../io/table';
import { defineHandlers } from './types';

async function state(tx: Sql, periodId: number): Promise<PoolsState> {
  const setup = await getPoolSetup(tx, periodId);
  const allocation = allocate(setup.pools, setup.drivers);
  return { setup, allocation, overCapacity: allocation.pools.filter(overCapacity).map((p) => p.pool) };
}

type Loaded = { file: string; table: Table };
const load = async (source: Parameters<typeof sourceFile>[0] | undefined, staged: StagedFiles): Promise<Loaded | undefined> => {
  if (!source) return undefined;
  const src = sourceFile(source, staged);
  return { file: src.name, table: await readTable(src, source.sheet) };
};

export const poolHandlers = defineHandlers({
  'pools.get': ({ period }, { session }) => session.read(async (tx) => state(tx, (await getPeriod(tx, period)).id)),
  'pools.save': ({ period, setup }, { session }) =>
    session.write(async (tx) => {
      const id = (await getPeriod(tx, period)).id;
      await recordedPools(tx, `cost pools of ${period}`, id, () => replacePoolSetup(tx, id, setup));
      await auditWorkbook(tx, period, 'cost pools', null, `${setup.pools.length} pools, ${setup.drivers.length} driver counts saved`);
      return state(tx, id);
    }),
  'pools.allocate': ({ period }, { session }) =>
    session.read(async (tx) => {
      const p = await periodOrLatest(tx, period);
      const setup = await getPoolSetup(tx, p.id);
      return { period: p.label, ...allocate(setup.pools, setup.drivers) };
    }),
  // Every file is read and checked before the one write: a problem anywhere leaves the workbook as it was.
  'pools.import': async (input, { session, staged }) => {
    const [pools, activities, drivers, lines] = await Promise.all([input.pools, input.activities, input.drivers, input.lines?.source].map((s) => load(s, staged)));
    return session.write(async (tx) => {
      const id = (await getPeriod(tx, input.period)).id;
      const current = await getPoolSetup(tx, id);
      const next: PoolSetup = { ...current };
      if (pools) {
        const rows = readPools(pools.file, pools.table);
        next.pools = rows.map((p) => ({ ...p, activities: current.pools.find((c) => c.name.toLowerCase() === p.name.toLowerCase())?.activities ?? [] }));
      }
      if (activities) {
        const rows = readActivities(activities.file, activities.table, next.pools.map((p) => p.name));
        next.pools = next.pools.map((p) => ({ ...p, activities: rows.filter((a) => a.pool === p.name).map(({ name, minutesPerUnit }) => ({ name, minutesPerUnit })) }));
      }
      const names = next.pools.flatMap((p) => p.activities.map((a) => a.name));
      if (drivers) next.drivers = readDrivers(drivers.file, drivers.table, names);
      let lineCount = 0;
      if (lines && input.lines) {
        const activity = names.find((n) => n.toLowerCase() === input.lines!.activity.toLowerCase()) ?? input.lines.activity;
        const read = readLines(lines.file, lines.table, { ...input.lines, activity });
        lineCount = read.accounts.length;
        const others: DriverCount[] = next.drivers.filter((d) => d.activity.toLowerCase() !== activity.toLowerCase());
        next.drivers = [...others, ...(await countLines(tx, read)).map(({ account, count }) => ({ account, activity, count }))];
      }
      await recordedPools(tx, `cost pools import into ${input.period}`, id, () => replacePoolSetup(tx, id, next));
      const files = [pools, activities, drivers, lines].flatMap((f) => (f ? [f.file] : []));
      await auditWorkbook(tx, input.period, 'cost pools', null, `imported from ${files.join(', ')}`);
      return {
        pools: next.pools.length,
        activities: names.length,
        drivers: next.drivers.filter((d) => d.count > 0).length,
        lines: lineCount,
      };
    });
  },
});

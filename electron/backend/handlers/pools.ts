import { auditWorkbook } from '../db/repos/audit';
import { recordedPools } from '../db/repos/history';
import type { Sql } from '../db/sql';
import { allocate, overCapacity } from '../../../shared/engine/allocation';
import { balance, traceAccount } from '../../../shared/engine/tie-out';
import { CpwError } from '../../../shared/ipc/errors';
import { listColumns } from '../db/repos/period-rows';
import type { PoolsState } from '../../../shared/ipc/contract';
import type { DriverCount, PoolSetup } from '../../../shared/schemas/pools';
import { getPeriod, periodOrLatest } from '../db/repos/periods';
import { countLines } from '../db/repos/lines';
import { getPoolSetup, replacePoolSetup } from '../db/repos/pools';
import { sourceFile } from '../io/import';
import type { StagedFiles } from '../io/staged-files';
import { readEquations, readFeeds } from '../io/costing';
import { readActivities, readDrivers, readLines, readPools } from '../io/pools';
import { readTable, type Table } from '../io/table';
import { defineHandlers } from './types';

async function state(tx: Sql, periodId: number): Promise<PoolsState> {
  const setup = await getPoolSetup(tx, periodId);
  const allocation = allocate(setup.pools, setup.drivers, setup.lines);
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
      return { period: p.label, ...allocate(setup.pools, setup.drivers, setup.lines) };
    }),
  'pools.balance': ({ period }, { session }) =>
    session.read(async (tx) => {
      const p = await periodOrLatest(tx, period);
      return { period: p.label, ...balance(await getPoolSetup(tx, p.id), await listColumns(tx, p.id)) };
    }),
  'pools.trace': ({ period, account }, { session }) =>
    session.read(async (tx) => {
      const p = await periodOrLatest(tx, period);
      const columns = await listColumns(tx, p.id);
      const i = columns.accountKey.indexOf(account.normalize('NFC').toLowerCase());
      if (i < 0) throw new CpwError('NOT_FOUND', `no account "${account}" in ${p.label}`);
      return { period: p.label, account: columns.account[i]!, lines: traceAccount(await getPoolSetup(tx, p.id), account) };
    }),
  // Every file is read and checked before the one write: a problem anywhere leaves the workbook as it was.
  'pools.import': async (input, { session, staged }) => {
    const [pools, activities, drivers, equations, feeds, lines] = await Promise.all(
      [input.pools, input.activities, input.drivers, input.equations, input.feeds, input.lines?.source].map((s) => load(s, staged)),
    );
    return session.write(async (tx) => {
      const id = (await getPeriod(tx, input.period)).id;
      const current = await getPoolSetup(tx, id);
      const next: PoolSetup = { ...current };
      if (pools) {
        const rows = readPools(pools.file, pools.table);
        const was = (name: string) => current.pools.find((c) => c.name.toLowerCase() === name.toLowerCase());
        next.pools = rows.map((p) => ({ ...p, activities: was(p.name)?.activities ?? [], feeds: was(p.name)?.feeds ?? [], feedBy: was(p.name)?.feedBy ?? 'split' }));
      }
      if (activities) {
        const rows = readActivities(activities.file, activities.table, next.pools.map((p) => p.name));
        const terms = (name: string) => current.pools.flatMap((p) => p.activities).find((a) => a.name.toLowerCase() === name.toLowerCase())?.equation ?? [];
        next.pools = next.pools.map((p) => ({
          ...p,
          activities: rows.filter((a) => a.pool === p.name).map(({ pool: _pool, ...a }) => ({ ...a, equation: a.costPerUnit === undefined ? terms(a.name) : [] })),
        }));
      }
      if (equations) {
        const all = next.pools.flatMap((p) => p.activities.map((a) => ({ pool: p.name, name: a.name, rated: a.costPerUnit !== undefined })));
        const read = readEquations(equations.file, equations.table, all);
        next.pools = next.pools.map((p) => ({ ...p, activities: p.activities.map((a) => ({ ...a, equation: read.get(a.name.toLowerCase()) ?? [] })) }));
      }
      if (feeds) {
        const read = readFeeds(feeds.file, feeds.table, next.pools.map((p) => p.name));
        next.pools = next.pools.map((p) => ({ ...p, feeds: read.get(p.name.toLowerCase())?.feeds ?? [], feedBy: read.get(p.name.toLowerCase())?.feedBy ?? 'split' }));
      }
      const names = next.pools.flatMap((p) => p.activities.map((a) => a.name));
      if (drivers) next.drivers = readDrivers(drivers.file, drivers.table, names);
      let lineCount = 0;
      if (lines && input.lines) {
        const activity = names.find((n) => n.toLowerCase() === input.lines!.activity.toLowerCase()) ?? input.lines.activity;
        const equation = next.pools.flatMap((p) => p.activities).find((a) => a.name === activity)?.equation ?? [];
        const read = readLines(lines.file, lines.table, { ...input.lines, activity, equation });
        lineCount = read.accounts.length;
        const others: DriverCount[] = next.drivers.filter((d) => d.activity.toLowerCase() !== activity.toLowerCase());
        const counted = await countLines(tx, read);
        next.drivers = [...others, ...counted.map(({ account, count }) => ({ account, activity, count }))];
        // The equation's attributes in total per account, under the spelling the counts keep.
        const spelled = new Map(counted.map((c) => [c.account.toLowerCase(), c.account]));
        next.lines = [
          ...next.lines.filter((t) => t.activity.toLowerCase() !== activity.toLowerCase()),
          ...[...read.totals].flatMap(([key, totals]) => [...totals.values()].map((t) => ({ account: spelled.get(key) ?? key, activity, ...t }))),
        ];
      }
      await recordedPools(tx, `cost pools import into ${input.period}`, id, () => replacePoolSetup(tx, id, next));
      const files = [pools, activities, drivers, equations, feeds, lines].flatMap((f) => (f ? [f.file] : []));
      await auditWorkbook(tx, input.period, 'cost pools', null, `imported from ${files.join(', ')}`);
      return {
        pools: next.pools.length,
        activities: names.length,
        drivers: next.drivers.filter((d) => d.count > 0).length,
        lines: lineCount,
        equations: next.pools.flatMap((p) => p.activities).filter((a) => a.equation.length > 0).length,
        feeds: next.pools.reduce((n, p) => n + p.feeds.length, 0),
      };
    });
  },
});

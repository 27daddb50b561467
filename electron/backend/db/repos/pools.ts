import type { Sql } from '../sql';
import { allocate, applyAllocation, fedBuckets } from '../../../../shared/engine/allocation';
import type { SheetColumns } from '../../../../shared/engine/columns';
import { CpwError, type Problem } from '../../../../shared/ipc/errors';
import { BUCKETS } from '../../../../shared/schemas/fields';
import { AllocationModes, type CostPool, type DriverCount, type PoolSetup } from '../../../../shared/schemas/pools';
import { problemsMessage } from '../../validation';
import { listColumns } from './period-rows';

/** A period's pools with their activities, its driver counts by account name, and the bucket modes. */
export async function getPoolSetup(tx: Sql, periodId: number): Promise<PoolSetup> {
  const pools = await tx.all<Omit<CostPool, 'activities'> & { id: number }>(
    'SELECT id, name, cost, capacity_minutes AS capacityMinutes, bucket FROM cost_pools WHERE period_id = ? ORDER BY position, id',
    [periodId],
  );
  const activities = await tx.all<{ poolId: number; name: string; minutesPerUnit: number }>(
    'SELECT pool_id AS poolId, name, minutes_per_unit AS minutesPerUnit FROM pool_activities WHERE period_id = ? ORDER BY position, id',
    [periodId],
  );
  const drivers = await tx.all<DriverCount>(
    `SELECT a.name AS account, pa.name AS activity, d.count FROM activity_drivers d
     JOIN pool_activities pa ON pa.id = d.activity_id JOIN accounts a ON a.id = d.account_id
     WHERE pa.period_id = ? ORDER BY pa.position, pa.id, a.name`,
    [periodId],
  );
  const modes = Object.fromEntries((await tx.all<{ bucket: string; mode: string }>('SELECT bucket, mode FROM allocation_modes WHERE period_id = ?', [periodId])).map((m) => [m.bucket, m.mode]));
  return {
    pools: pools.map(({ id, ...p }) => ({ ...p, activities: activities.filter((a) => a.poolId === id).map(({ name, minutesPerUnit }) => ({ name, minutesPerUnit })) })),
    drivers,
    modes: AllocationModes.parse(modes),
  };
}

/**
 * What is wrong with a setup for this period, each problem naming the pool,
 * activity or account: names unique (activities across the period, since a
 * drivers sheet names them as columns), every driver of a known activity and
 * of an account the period has.
 */
export function setupProblems(setup: PoolSetup, accountsInPeriod: ReadonlyMap<string, number>): Problem[] {
  const problems: Problem[] = [];
  const pools = new Set<string>();
  const activities = new Set<string>();
  for (const p of setup.pools) {
    if (pools.has(p.name.toLowerCase())) problems.push({ field: 'pool', value: p.name, rule: `pool "${p.name}" is named twice` });
    pools.add(p.name.toLowerCase());
    for (const a of p.activities) {
      if (activities.has(a.name.toLowerCase())) problems.push({ field: 'activity', value: a.name, rule: `activity "${a.name}" is named twice in the period; each needs its own name` });
      activities.add(a.name.toLowerCase());
    }
  }
  const seen = new Set<string>();
  for (const d of setup.drivers) {
    if (!activities.has(d.activity.toLowerCase())) problems.push({ account: d.account, field: 'activity', value: d.activity, rule: `no pool has an activity "${d.activity}"` });
    if (!accountsInPeriod.has(d.account.toLowerCase())) problems.push({ account: d.account, field: 'account', value: d.account, rule: `account "${d.account}" is not in this period` });
    const key = `${d.account.toLowerCase()}\u0000${d.activity.toLowerCase()}`;
    if (seen.has(key)) problems.push({ account: d.account, field: d.activity, rule: `the count of "${d.activity}" for "${d.account}" is given twice` });
    seen.add(key);
  }
  return problems;
}

/**
 * The period's accounts by name folded as the engine folds it (JavaScript's
 * lower case). SQLite's lower() and NOCASE fold ASCII only, so "Élan" would
 * pass the check and then miss the lookup: one fold serves both.
 */
const periodAccounts = async (tx: Sql, periodId: number) =>
  new Map(
    (await tx.all<{ id: number; name: string }>('SELECT a.id, a.name FROM period_rows r JOIN accounts a ON a.id = r.account_id WHERE r.period_id = ?', [periodId])).map((a) => [
      a.name.toLowerCase(),
      a.id,
    ]),
  );

/** Replace the period's whole setup with `setup`, after checking it; the caller holds the transaction, so it is all or nothing. */
export async function replacePoolSetup(tx: Sql, periodId: number, setup: PoolSetup): Promise<void> {
  const accounts = await periodAccounts(tx, periodId);
  const problems = setupProblems(setup, accounts);
  if (problems.length) throw new CpwError('INVALID_INPUT', problemsMessage('the cost pools were not saved', problems), { problems });
  await tx.run('DELETE FROM cost_pools WHERE period_id = ?', [periodId]);
  const activityIds = new Map<string, number>();
  let position = 0;
  for (const [k, p] of setup.pools.entries()) {
    const poolId = (await tx.value<number>('INSERT INTO cost_pools (period_id, position, name, cost, capacity_minutes, bucket) VALUES (?, ?, ?, ?, ?, ?) RETURNING id', [
      periodId,
      k + 1,
      p.name,
      p.cost,
      p.capacityMinutes,
      p.bucket,
    ]))!;
    for (const a of p.activities) {
      const id = (await tx.value<number>('INSERT INTO pool_activities (pool_id, period_id, position, name, minutes_per_unit) VALUES (?, ?, ?, ?, ?) RETURNING id', [
        poolId,
        periodId,
        ++position,
        a.name,
        a.minutesPerUnit,
      ]))!;
      activityIds.set(a.name.toLowerCase(), id);
    }
  }
  const counted = setup.drivers.filter((d) => d.count !== 0);
  await tx.bulkLoad('activity_drivers', ['activity_id', 'account_id', 'count'], counted.length, (k) => {
    const d = counted[k]!;
    return [activityIds.get(d.activity.toLowerCase())!, accounts.get(d.account.toLowerCase())!, d.count];
  });
  for (const b of BUCKETS) {
    await tx.run('INSERT INTO allocation_modes (period_id, bucket, mode) VALUES (?, ?, ?) ON CONFLICT (period_id, bucket) DO UPDATE SET mode = excluded.mode', [periodId, b, setup.modes[b]]);
  }
}

/** Copy a period's setup to a new period (a period copied forward keeps its costing). */
export async function copyPoolSetup(tx: Sql, fromPeriodId: number, toPeriodId: number): Promise<void> {
  const setup = await getPoolSetup(tx, fromPeriodId);
  if (setup.pools.length) await replacePoolSetup(tx, toPeriodId, setup);
}

/** The period's columns as the engine computes them: the typed rows with the time-driven allocation in their buckets. */
export async function periodColumns(tx: Sql, periodId: number): Promise<SheetColumns> {
  const columns = await listColumns(tx, periodId);
  const setup = await getPoolSetup(tx, periodId);
  if (setup.pools.length === 0) return columns;
  return applyAllocation(columns, allocate(setup.pools, setup.drivers).allocations, setup.modes, fedBuckets(setup.pools));
}

import type Database from 'better-sqlite3';
import { allocate, applyAllocation, fedBuckets } from '../../../../shared/engine/allocation';
import type { SheetColumns } from '../../../../shared/engine/columns';
import { CpwError, type Problem } from '../../../../shared/ipc/errors';
import { BUCKETS } from '../../../../shared/schemas/fields';
import { AllocationModes, type CostPool, type DriverCount, type PoolSetup } from '../../../../shared/schemas/pools';
import { problemsMessage } from '../../validation';
import { listColumns } from './period-rows';

/** A period's pools with their activities, its driver counts by account name, and the bucket modes. */
export function getPoolSetup(db: Database.Database, periodId: number): PoolSetup {
  const pools = db
    .prepare('SELECT id, name, cost, capacity_minutes AS capacityMinutes, bucket FROM cost_pools WHERE period_id = ? ORDER BY position, id')
    .all(periodId) as (Omit<CostPool, 'activities'> & { id: number })[];
  const activities = db
    .prepare('SELECT pool_id AS poolId, name, minutes_per_unit AS minutesPerUnit FROM pool_activities WHERE period_id = ? ORDER BY position, id')
    .all(periodId) as { poolId: number; name: string; minutesPerUnit: number }[];
  const drivers = db
    .prepare(
      `SELECT a.name AS account, pa.name AS activity, d.count FROM activity_drivers d
       JOIN pool_activities pa ON pa.id = d.activity_id JOIN accounts a ON a.id = d.account_id
       WHERE pa.period_id = ? ORDER BY pa.position, pa.id, a.name`,
    )
    .all(periodId) as DriverCount[];
  const modes = Object.fromEntries(
    (db.prepare('SELECT bucket, mode FROM allocation_modes WHERE period_id = ?').all(periodId) as { bucket: string; mode: string }[]).map((m) => [m.bucket, m.mode]),
  );
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
const periodAccounts = (db: Database.Database, periodId: number) =>
  new Map(
    (db.prepare('SELECT a.id, a.name FROM period_rows r JOIN accounts a ON a.id = r.account_id WHERE r.period_id = ?').all(periodId) as { id: number; name: string }[]).map((a) => [
      a.name.toLowerCase(),
      a.id,
    ]),
  );

/** Replace the period's whole setup with `setup`, after checking it; the caller holds the transaction, so it is all or nothing. */
export function replacePoolSetup(db: Database.Database, periodId: number, setup: PoolSetup): void {
  const accounts = periodAccounts(db, periodId);
  const problems = setupProblems(setup, accounts);
  if (problems.length) throw new CpwError('INVALID_INPUT', problemsMessage('the cost pools were not saved', problems), { problems });
  db.prepare('DELETE FROM cost_pools WHERE period_id = ?').run(periodId);
  const addPool = db.prepare('INSERT INTO cost_pools (period_id, position, name, cost, capacity_minutes, bucket) VALUES (?, ?, ?, ?, ?, ?)');
  const addActivity = db.prepare('INSERT INTO pool_activities (pool_id, period_id, position, name, minutes_per_unit) VALUES (?, ?, ?, ?, ?)');
  const activityIds = new Map<string, number>();
  let position = 0;
  setup.pools.forEach((p, k) => {
    const poolId = Number(addPool.run(periodId, k + 1, p.name, p.cost, p.capacityMinutes, p.bucket).lastInsertRowid);
    for (const a of p.activities) activityIds.set(a.name.toLowerCase(), Number(addActivity.run(poolId, periodId, ++position, a.name, a.minutesPerUnit).lastInsertRowid));
  });
  const addDriver = db.prepare('INSERT INTO activity_drivers (activity_id, account_id, count) VALUES (?, ?, ?)');
  for (const d of setup.drivers) {
    if (d.count === 0) continue;
    addDriver.run(activityIds.get(d.activity.toLowerCase())!, accounts.get(d.account.toLowerCase())!, d.count);
  }
  const setMode = db.prepare('INSERT INTO allocation_modes (period_id, bucket, mode) VALUES (?, ?, ?) ON CONFLICT (period_id, bucket) DO UPDATE SET mode = excluded.mode');
  for (const b of BUCKETS) setMode.run(periodId, b, setup.modes[b]);
}

/** Copy a period's setup to a new period (a period copied forward keeps its costing). */
export function copyPoolSetup(db: Database.Database, fromPeriodId: number, toPeriodId: number): void {
  const setup = getPoolSetup(db, fromPeriodId);
  if (setup.pools.length) replacePoolSetup(db, toPeriodId, setup);
}

/** The period's columns as the engine computes them: the typed rows with the time-driven allocation in their buckets. */
export function periodColumns(db: Database.Database, periodId: number): SheetColumns {
  const columns = listColumns(db, periodId);
  const setup = getPoolSetup(db, periodId);
  if (setup.pools.length === 0) return columns;
  return applyAllocation(columns, allocate(setup.pools, setup.drivers).allocations, setup.modes, fedBuckets(setup.pools));
}

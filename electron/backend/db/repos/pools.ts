import type { Sql } from '../sql';
import { allocate, applyAllocation, fedBuckets, feedProblems } from '../../../../shared/engine/allocation';
import { balance } from '../../../../shared/engine/tie-out';
import { equationAttributes } from '../../../../shared/engine/equations';
import type { SheetColumns } from '../../../../shared/engine/columns';
import { CpwError, type Problem } from '../../../../shared/ipc/errors';
import { BUCKETS } from '../../../../shared/schemas/fields';
import { AllocationModes, type ActivityLevel, type AllocationLine, type Balance, type CostPool, type DriverCount, type LineTotal, type PoolSetup } from '../../../../shared/schemas/pools';
import { problemsMessage } from '../../validation';
import { listColumns } from './period-rows';

/** A period's pools with their activities (terms, rates, levels) and feeds, its driver counts and line totals by account name, and the bucket modes. */
export async function getPoolSetup(tx: Sql, periodId: number): Promise<PoolSetup> {
  const pools = await tx.all<{ id: number; name: string; cost: number; capacityMinutes: number; bucket: CostPool['bucket']; feedBy: CostPool['feedBy'] }>(
    'SELECT id, name, cost, capacity_minutes AS capacityMinutes, bucket, feed_by AS feedBy FROM cost_pools WHERE period_id = ? ORDER BY position, id',
    [periodId],
  );
  const activities = await tx.all<{ id: number; poolId: number; name: string; minutesPerUnit: number; costPerUnit: number | null; level: ActivityLevel | null }>(
    'SELECT id, pool_id AS poolId, name, minutes_per_unit AS minutesPerUnit, cost_per_unit AS costPerUnit, level FROM pool_activities WHERE period_id = ? ORDER BY position, id',
    [periodId],
  );
  const terms = await tx.all<{ activityId: number; minutes: number; attribute: string | null; equals: string | null }>(
    `SELECT t.activity_id AS activityId, t.minutes, t.attribute, t.equals FROM activity_terms t JOIN pool_activities pa ON pa.id = t.activity_id
     WHERE pa.period_id = ? ORDER BY t.activity_id, t.position`,
    [periodId],
  );
  const feeds = await tx.all<{ fromId: number; pool: string; share: number }>(
    `SELECT f.from_pool_id AS fromId, p.name AS pool, f.share FROM pool_feeds f JOIN cost_pools p ON p.id = f.to_pool_id
     WHERE p.period_id = ? ORDER BY f.from_pool_id, f.position`,
    [periodId],
  );
  const drivers = await tx.all<DriverCount>(
    `SELECT a.name AS account, pa.name AS activity, d.count FROM activity_drivers d
     JOIN pool_activities pa ON pa.id = d.activity_id JOIN accounts a ON a.id = d.account_id
     WHERE pa.period_id = ? ORDER BY pa.position, pa.id, a.name`,
    [periodId],
  );
  const lines = await tx.all<LineTotal>(
    `SELECT a.name AS account, pa.name AS activity, t.attribute, t.value, t.amount FROM activity_line_totals t
     JOIN pool_activities pa ON pa.id = t.activity_id JOIN accounts a ON a.id = t.account_id
     WHERE pa.period_id = ? ORDER BY pa.position, pa.id, a.name, t.attribute, t.value`,
    [periodId],
  );
  const modes = Object.fromEntries((await tx.all<{ bucket: string; mode: string }>('SELECT bucket, mode FROM allocation_modes WHERE period_id = ?', [periodId])).map((m) => [m.bucket, m.mode]));
  const termsOf = groupBy(terms, (t) => t.activityId);
  const activitiesOf = groupBy(activities, (a) => a.poolId);
  const feedsOf = groupBy(feeds, (f) => f.fromId);
  return {
    // In the schema's key order, so a setup read back compares equal to one parsed (the history compares them as JSON).
    pools: pools.map(({ id, name, cost, capacityMinutes, bucket, feedBy }) => ({
      name,
      cost,
      capacityMinutes,
      bucket,
      activities: (activitiesOf.get(id) ?? []).map((a) => ({
        name: a.name,
        minutesPerUnit: a.minutesPerUnit,
        ...(a.costPerUnit === null ? {} : { costPerUnit: a.costPerUnit }),
        ...(a.level === null ? {} : { level: a.level }),
        equation: (termsOf.get(a.id) ?? []).map((t) => ({ minutes: t.minutes, ...(t.attribute === null ? {} : { attribute: t.attribute }), ...(t.equals === null ? {} : { equals: t.equals }) })),
      })),
      feeds: (feedsOf.get(id) ?? []).map(({ pool, share }) => ({ pool, share })),
      feedBy,
    })),
    drivers,
    modes: AllocationModes.parse(modes),
    lines,
  };
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * What the kept line totals cannot answer: an equation naming an attribute
 * the activity's lines were imported without (or kept as text where the term
 * needs a number), and totals of an activity the setup no longer has.
 */
export function lineProblems(setup: PoolSetup): Problem[] {
  const problems: Problem[] = [];
  const kept = new Map<string, Set<string>>(); // activity -> attribute\u0000(number|text)
  for (const t of setup.lines) {
    const k = t.activity.toLowerCase();
    if (!kept.has(k)) kept.set(k, new Set());
    kept.get(k)!.add(`${t.attribute.toLowerCase()}\u0000${t.value === '' ? 'number' : 'text'}`);
  }
  const activities = new Set<string>();
  for (const p of setup.pools) {
    for (const a of p.activities) {
      activities.add(a.name.toLowerCase());
      const has = kept.get(a.name.toLowerCase());
      if (!has) continue; // no lines yet: the equation waits for them
      const { numeric, text } = equationAttributes(a.equation);
      for (const [attribute, as] of [...numeric.map((n) => [n, 'number'] as const), ...text.map((n) => [n, 'text'] as const)]) {
        if (has.has(`${attribute.toLowerCase()}\u0000${as}`)) continue;
        problems.push({
          field: 'equation',
          value: attribute,
          rule: `the equation of "${a.name}" names "${attribute}" ${as === 'number' ? 'as a number' : 'as a text'}, which its transaction lines were imported without: import the lines again with that column, together with the equation`,
        });
      }
    }
  }
  for (const k of kept.keys()) if (!activities.has(k)) problems.push({ field: 'activity', value: k, rule: `transaction lines are kept for an activity "${k}" that no pool has` });
  return problems;
}

/**
 * What is wrong with a setup for this period, each problem naming the pool,
 * activity or account: names unique (activities across the period, since a
 * drivers sheet names them as columns), every driver of a known activity and
 * of an account the period has.
 */
export function setupProblems(setup: PoolSetup, accountsInPeriod: ReadonlyMap<string, number>): Problem[] {
  const problems: Problem[] = [...feedProblems(setup.pools), ...lineProblems(setup)];
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
  for (const t of setup.lines) {
    if (!accountsInPeriod.has(t.account.toLowerCase())) problems.push({ account: t.account, field: 'account', value: t.account, rule: `account "${t.account}" is not in this period` });
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
  const poolIds = new Map<string, number>();
  let position = 0;
  for (const [k, p] of setup.pools.entries()) {
    const poolId = (await tx.value<number>('INSERT INTO cost_pools (period_id, position, name, cost, capacity_minutes, bucket, feed_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id', [
      periodId,
      k + 1,
      p.name,
      p.cost,
      p.capacityMinutes,
      p.bucket,
      p.feedBy,
    ]))!;
    poolIds.set(p.name.toLowerCase(), poolId);
    for (const a of p.activities) {
      const id = (await tx.value<number>('INSERT INTO pool_activities (pool_id, period_id, position, name, minutes_per_unit, cost_per_unit, level) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id', [
        poolId,
        periodId,
        ++position,
        a.name,
        a.minutesPerUnit,
        a.costPerUnit ?? null,
        a.level ?? null,
      ]))!;
      activityIds.set(a.name.toLowerCase(), id);
      for (const [n, t] of a.equation.entries()) {
        await tx.run('INSERT INTO activity_terms (activity_id, position, minutes, attribute, equals) VALUES (?, ?, ?, ?, ?)', [id, n + 1, t.minutes, t.attribute ?? null, t.equals ?? null]);
      }
    }
  }
  for (const p of setup.pools) {
    for (const [n, f] of p.feeds.entries()) {
      await tx.run('INSERT INTO pool_feeds (from_pool_id, to_pool_id, position, share) VALUES (?, ?, ?, ?)', [poolIds.get(p.name.toLowerCase())!, poolIds.get(f.pool.toLowerCase())!, n + 1, f.share]);
    }
  }
  const counted = setup.drivers.filter((d) => d.count !== 0);
  await tx.bulkLoad('activity_drivers', ['activity_id', 'account_id', 'count'], counted.length, (k) => {
    const d = counted[k]!;
    return [activityIds.get(d.activity.toLowerCase())!, accounts.get(d.account.toLowerCase())!, d.count];
  });
  await tx.bulkLoad('activity_line_totals', ['activity_id', 'account_id', 'attribute', 'value', 'amount'], setup.lines.length, (k) => {
    const t = setup.lines[k]!;
    return [activityIds.get(t.activity.toLowerCase())!, accounts.get(t.account.toLowerCase())!, t.attribute, t.value, t.amount];
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

/** What the period's cost pools did, when it has any: the tie-out against its typed columns and every allocated line (the report and the export show both). */
export async function periodCosting(tx: Sql, periodId: number): Promise<{ balance: Balance; allocations: AllocationLine[] } | undefined> {
  const setup = await getPoolSetup(tx, periodId);
  if (setup.pools.length === 0) return undefined;
  const allocation = allocate(setup.pools, setup.drivers, setup.lines);
  return { balance: balance(setup, await listColumns(tx, periodId), allocation), allocations: allocation.allocations };
}

/** The period's columns as the engine computes them: the typed rows with the time-driven allocation in their buckets. */
export async function periodColumns(tx: Sql, periodId: number): Promise<SheetColumns> {
  const columns = await listColumns(tx, periodId);
  const setup = await getPoolSetup(tx, periodId);
  if (setup.pools.length === 0) return columns;
  return applyAllocation(columns, allocate(setup.pools, setup.drivers, setup.lines).allocations, setup.modes, fedBuckets(setup.pools));
}

import { BUCKETS, type Bucket } from '../schemas/fields';
import type { Allocation, AllocationLine, AllocationModes, CostPool, DriverCount, PoolFigures } from '../schemas/pools';
import type { SheetColumns } from './columns';

/**
 * DOMAIN.md, "Cost pools (time-driven allocation)": rate = cost /
 * capacityMinutes; an account's share of an activity = count *
 * minutesPerUnit * rate, into the pool's bucket; usedMinutes, allocated and
 * unused per pool. Unused capacity stays with the pool, never spread over
 * accounts. Driver counts of an activity no pool has are ignored (the
 * loader refuses them); counts of one account and activity add up.
 */
export function allocate(pools: readonly CostPool[], drivers: readonly DriverCount[]): Allocation {
  const byActivity = new Map<string, { pool: CostPool; minutesPerUnit: number; name: string; index: number }>();
  const used = new Float64Array(pools.length);
  pools.forEach((pool, index) => {
    for (const a of pool.activities) byActivity.set(a.name.toLowerCase(), { pool, minutesPerUnit: a.minutesPerUnit, name: a.name, index });
  });
  const lines = new Map<string, AllocationLine>();
  for (const d of drivers) {
    const act = byActivity.get(d.activity.toLowerCase());
    if (!act) continue;
    const minutes = d.count * act.minutesPerUnit;
    used[act.index] = used[act.index]! + minutes;
    const key = `${d.account.toLowerCase()}\u0000${act.name.toLowerCase()}`;
    const amount = minutes * (act.pool.cost / act.pool.capacityMinutes);
    const line = lines.get(key);
    if (line) line.amount += amount;
    else lines.set(key, { account: d.account, pool: act.pool.name, activity: act.name, bucket: act.pool.bucket, amount });
  }
  const figures: PoolFigures[] = pools.map((p, k) => {
    const rate = p.cost / p.capacityMinutes;
    const allocated = used[k]! * rate;
    return { pool: p.name, cost: p.cost, capacityMinutes: p.capacityMinutes, rate, usedMinutes: used[k]!, allocated, unused: p.cost - allocated };
  });
  return { pools: figures, allocations: [...lines.values()] };
}

/** A pool whose activities use more minutes than it has: its rate understates the cost of the time. */
export const overCapacity = (p: PoolFigures): boolean => p.usedMinutes > p.capacityMinutes * (1 + 1e-12);

/** Each bucket's allocated amount per account of the columns, aligned with them; null for a bucket no pool feeds. */
export function allocatedByAccount(columns: SheetColumns, allocations: readonly AllocationLine[]): Record<Bucket, Float64Array | null> {
  const index = new Map<string, number>();
  columns.accountKey.forEach((k, i) => index.set(k, i));
  const out = Object.fromEntries(BUCKETS.map((b) => [b, null])) as Record<Bucket, Float64Array | null>;
  for (const line of allocations) {
    const amounts = (out[line.bucket] ??= new Float64Array(columns.n));
    const i = index.get(line.account.toLowerCase());
    if (i !== undefined) amounts[i] = amounts[i]! + line.amount;
  }
  return out;
}

/** The buckets a pool feeds, even where no account has a driver yet: "replace" then sets them to 0. */
export function fedBuckets(pools: readonly CostPool[]): Set<Bucket> {
  return new Set(pools.map((p) => p.bucket));
}

/**
 * The columns with the allocation in their buckets: added to what was typed,
 * or replacing it, per bucket. A new columns object: the typed arrays of the
 * buckets it changes are copies, the rest are shared, so the typed rows stay
 * as they are.
 */
export function applyAllocation(
  columns: SheetColumns,
  allocations: readonly AllocationLine[],
  modes: AllocationModes,
  fed: ReadonlySet<Bucket> = new Set(allocations.map((l) => l.bucket)),
): SheetColumns {
  if (fed.size === 0) return columns;
  return withAllocated(columns, allocatedByAccount(columns, allocations), modes, fed);
}

/**
 * applyAllocation with the amounts already aligned with the columns
 * (allocatedByAccount): the sheet works them out once per load, so a
 * recompute after an edit does not index 100,000 accounts again.
 */
export function withAllocated(
  columns: SheetColumns,
  amountsByBucket: Readonly<Record<Bucket, Float64Array | null>>,
  modes: AllocationModes,
  fed: ReadonlySet<Bucket>,
): SheetColumns {
  const next: Record<string, unknown> = { ...columns };
  for (const b of fed) {
    const out = new Float64Array(columns.n);
    for (let i = 0; i < columns.n; i++) out[i] = allocatedAt(columns, amountsByBucket, modes, b, i);
    next[b] = out;
  }
  return next as SheetColumns;
}

/** Bucket b of account i with its allocation: what was typed plus the allocated amount, or the amount alone. */
export function allocatedAt(
  columns: SheetColumns,
  amountsByBucket: Readonly<Record<Bucket, Float64Array | null>>,
  modes: AllocationModes,
  b: Bucket,
  i: number,
): number {
  const amount = amountsByBucket[b]?.[i] ?? 0;
  return modes[b] === 'replace' ? amount : columns[b][i]! + amount;
}

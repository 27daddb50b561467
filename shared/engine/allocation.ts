import { CpwError, type Problem } from '../ipc/errors';
import { BUCKETS, type Bucket } from '../schemas/fields';
import type { Activity, Allocation, AllocationLine, AllocationModes, CostPool, DriverCount, LineTotal, PoolFigures } from '../schemas/pools';
import type { SheetColumns } from './columns';
import { accountMinutes } from './equations';

const key = (name: string) => name.toLowerCase();
const pair = (account: string, activity: string) => `${key(account)}\u0000${key(activity)}`;

/** Neumaier's sum: the tie-out compares sums of many amounts to the cent, so their rounding must not drift. */
export function sum(values: Iterable<number>): number {
  let s = 0;
  let c = 0;
  for (const x of values) {
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

/**
 * What is wrong with how the pools pass cost to each other, each problem
 * naming the pools: a feed to a pool that does not exist or to itself, a
 * split that does not add to 100%, a pool that passes its cost on and has
 * activities too, and every cycle (A feeds B feeds A), which has no order to
 * run in.
 */
export function feedProblems(pools: readonly CostPool[]): Problem[] {
  const problems: Problem[] = [];
  const at = new Map(pools.map((p, k) => [key(p.name), k]));
  pools.forEach((p) => {
    if (p.feeds.length === 0) return;
    if (p.activities.length) problems.push({ field: 'pool', value: p.name, rule: `pool "${p.name}" passes its cost to other pools, so it cannot also have activities (${p.activities.map((a) => a.name).join(', ')})` });
    const seen = new Set<string>();
    for (const f of p.feeds) {
      if (!at.has(key(f.pool))) problems.push({ field: 'feeds', value: f.pool, rule: `pool "${p.name}" passes cost to "${f.pool}", which is not a pool of this period` });
      if (key(f.pool) === key(p.name)) problems.push({ field: 'feeds', value: f.pool, rule: `pool "${p.name}" cannot pass cost to itself` });
      if (seen.has(key(f.pool))) problems.push({ field: 'feeds', value: f.pool, rule: `pool "${p.name}" passes cost to "${f.pool}" twice` });
      seen.add(key(f.pool));
    }
    if (p.feedBy === 'split') {
      const total = sum(p.feeds.map((f) => f.share));
      if (Math.abs(total - 1) > 1e-9) problems.push({ field: 'feeds', value: p.name, rule: `the split of pool "${p.name}" adds to ${+(total * 100).toFixed(6)}%, not 100%` });
    }
  });
  if (problems.length) return problems;
  const order = stageOrder(pools);
  if (order.cycle.length) problems.push({ field: 'feeds', value: order.cycle.join(', '), rule: `pools pass cost round in a cycle: ${[...order.cycle, order.cycle[0]].join(' -> ')}` });
  return problems;
}

/**
 * The pools in an order where each comes after every pool that passes cost
 * to it, with its stage (1 when nothing feeds it, else one more than the
 * latest pool feeding it); or a cycle, named by its pools, when there is none.
 */
function stageOrder(pools: readonly CostPool[]): { order: number[]; stage: number[]; cycle: string[] } {
  const at = new Map(pools.map((p, k) => [key(p.name), k]));
  const targets = pools.map((p) => p.feeds.flatMap((f) => (at.has(key(f.pool)) ? [at.get(key(f.pool))!] : [])));
  const state = new Uint8Array(pools.length); // 0 unseen, 1 on the path, 2 done
  const stage = new Array<number>(pools.length).fill(1);
  const done: number[] = [];
  const path: number[] = [];
  let cycle: string[] = [];
  const visit = (k: number): boolean => {
    if (state[k] === 2) return true;
    if (state[k] === 1) {
      cycle = path.slice(path.indexOf(k)).map((i) => pools[i]!.name);
      return false;
    }
    state[k] = 1;
    path.push(k);
    for (const t of targets[k]!) if (!visit(t)) return false;
    path.pop();
    state[k] = 2;
    done.push(k);
    return true;
  };
  for (let k = 0; k < pools.length; k++) if (!visit(k)) return { order: [], stage, cycle };
  const order = done.reverse(); // a pool before every pool it feeds
  for (const k of order) for (const t of targets[k]!) stage[t] = Math.max(stage[t]!, stage[k]! + 1);
  return { order, stage, cycle };
}

/** The whole run of an allocation: the figures, the lines, and where each pool's money came from (for a trace). */
export interface Run extends Allocation {
  /** Per pool, the share of its cost plus what it received that came from each pool (itself included). */
  origins: Map<string, number>[];
  stages: number[];
}

export function run(pools: readonly CostPool[], drivers: readonly DriverCount[], lineTotals: readonly LineTotal[]): Run {
  const problems = feedProblems(pools);
  if (problems.length) throw new CpwError('INVALID_INPUT', problems.map((p) => p.rule).join('; '), { problems });
  const byActivity = new Map<string, { index: number; activity: Activity }>();
  pools.forEach((pool, index) => {
    for (const a of pool.activities) byActivity.set(key(a.name), { index, activity: a });
  });
  // Counts of one account and activity add up; the first spelling of the account is kept.
  const counted = new Map<string, { account: string; activity: string; count: number }>();
  for (const d of drivers) {
    if (!byActivity.has(key(d.activity))) continue;
    const k = pair(d.account, d.activity);
    const c = counted.get(k);
    if (c) c.count += d.count;
    else counted.set(k, { account: d.account, activity: d.activity, count: d.count });
  }
  const totals = new Map<string, number>();
  for (const t of lineTotals) {
    const k = `${pair(t.account, t.activity)}\u0000${key(t.attribute)}\u0000${t.value}`;
    totals.set(k, (totals.get(k) ?? 0) + t.amount);
  }
  const used = new Float64Array(pools.length);
  const pending: { index: number; line: AllocationLine }[] = [];
  for (const [k, c] of counted) {
    const { index, activity: a } = byActivity.get(key(c.activity))!;
    const pool = pools[index]!;
    const kind = a.costPerUnit !== undefined ? 'rate' : a.equation.length ? 'equation' : 'time';
    const minutes = kind === 'rate' ? null : kind === 'equation' ? accountMinutes(a.equation, c.count, (attr, value) => totals.get(`${k}\u0000${key(attr)}\u0000${value}`) ?? 0) : c.count * a.minutesPerUnit;
    if (minutes !== null) used[index] = used[index]! + minutes;
    const line: AllocationLine = { account: c.account, pool: pool.name, activity: a.name, bucket: pool.bucket, amount: 0, kind, level: a.level ?? null, count: c.count, minutes, rate: a.costPerUnit ?? 0 };
    pending.push({ index, line });
  }
  const { order, stage } = stageOrder(pools);
  const at = new Map(pools.map((p, k) => [key(p.name), k]));
  const received = new Float64Array(pools.length);
  const passed = new Float64Array(pools.length);
  const origins = pools.map((p) => new Map<string, number>([[p.name, p.cost]]));
  for (const k of order) {
    const p = pools[k]!;
    if (p.feeds.length === 0) continue;
    const total = p.cost + received[k]!;
    const targets = p.feeds.map((f) => at.get(key(f.pool))!);
    const weights = p.feedBy === 'minutes' ? targets.map((t) => used[t]!) : p.feeds.map((f) => f.share);
    const whole = p.feedBy === 'split' ? 1 : sum(weights);
    if (whole <= 0) continue; // nothing to pass by: the cost stays with the pool, unused
    targets.forEach((t, j) => {
      const share = weights[j]! / whole;
      received[t] = received[t]! + total * share;
      passed[k] = passed[k]! + total * share;
      for (const [from, amount] of origins[k]!) origins[t]!.set(from, (origins[t]!.get(from) ?? 0) + amount * share);
    });
  }
  const rates = pools.map((p, k) => (p.cost + received[k]!) / p.capacityMinutes);
  // Each pool's lines summed by its index as they are priced: one pass over the lines, not one per pool.
  const amounts = pools.map((): number[] => []);
  const allocations = pending.map(({ index, line }) => {
    if (line.kind !== 'rate') line.rate = rates[index]!;
    line.amount = line.minutes === null ? line.count * line.rate : line.minutes * line.rate;
    amounts[index]!.push(line.amount);
    return line;
  });
  const allocated = amounts.map(sum);
  const figures: PoolFigures[] = pools.map((p, k) => ({
    pool: p.name,
    cost: p.cost,
    capacityMinutes: p.capacityMinutes,
    rate: rates[k]!,
    usedMinutes: used[k]!,
    allocated: allocated[k]!,
    unused: p.cost + received[k]! - allocated[k]! - passed[k]!,
    stage: stage[k]!,
    received: received[k]!,
    passed: passed[k]!,
  }));
  return { pools: figures, allocations, origins, stages: stage };
}

/**
 * DOMAIN.md, "Cost pools (time-driven allocation)": rate = (cost + what
 * earlier pools passed to it) / capacityMinutes, never rounded; an account's
 * share of an activity = its minutes x rate (minutes = count x
 * minutesPerUnit, or the time equation over its lines), or count x
 * costPerUnit for a rate-based activity, into the pool's bucket. Pools run
 * stage by stage: a pool that feeds others passes its whole cost to them (a
 * split, their share of a driver, or of the minutes they use) before any
 * activity reaches accounts. Unused capacity stays with the pool, never
 * spread over accounts. Driver counts of an activity no pool has are ignored
 * (the loader refuses them); counts of one account and activity add up.
 */
export function allocate(pools: readonly CostPool[], drivers: readonly DriverCount[], lines: readonly LineTotal[] = []): Allocation {
  const { pools: figures, allocations } = run(pools, drivers, lines);
  return { pools: figures, allocations };
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

/** The buckets a pool feeds, even where no account has a driver yet: "replace" then sets them to 0. A pool that passes its cost to other pools feeds none itself. */
export function fedBuckets(pools: readonly CostPool[]): Set<Bucket> {
  return new Set(pools.filter((p) => p.feeds.length === 0).map((p) => p.bucket));
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

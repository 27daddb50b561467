import { BUCKETS } from '../schemas/fields';
import type { Allocation, Balance, PoolSetup, TraceLine } from '../schemas/pools';
import { allocate, applyAllocation, fedBuckets, run, sum } from './allocation';
import type { SheetColumns } from './columns';

const key = (name: string) => name.toLowerCase();

/** To the cent, as a tie-out is read. */
const cent = (a: number, b: number) => Math.abs(a - b) < 0.005;

/**
 * DOMAIN.md, "Tie-out": every dollar of every pool accounted for. Per pool,
 * cost + received = toAccounts + toPools + unused - overCapacity, where
 * toAccounts is what the account lines add to, and for a pool of time alone
 * unused (or over capacity) is its idle (or missing) minutes x rate,
 * reckoned from the minutes, not as what is left; per bucket, the sum over
 * the period's accounts after the allocation against the typed sum before it
 * plus what the pools put in (or that alone, where the bucket takes
 * replace); and the whole period, where what passes between pools cancels.
 * `allocation` is the setup's, when the caller has it already.
 */
export function balance(setup: PoolSetup, columns: SheetColumns, allocation: Allocation = allocate(setup.pools, setup.drivers, setup.lines)): Balance {
  const { pools: figures, allocations } = allocation;
  const pools = figures.map((f, k) => {
    const p = setup.pools[k]!;
    const toAccounts = f.allocated;
    const timeOnly = p.feeds.length === 0 && p.activities.every((a) => a.costPerUnit === undefined);
    const left = timeOnly ? (p.capacityMinutes - f.usedMinutes) * f.rate : f.cost + f.received - toAccounts - f.passed;
    const unused = Math.max(0, left);
    const overCapacity = Math.max(0, -left);
    return { pool: f.pool, stage: f.stage, cost: f.cost, received: f.received, toAccounts, toPools: f.passed, unused, overCapacity, balanced: cent(f.cost + f.received, toAccounts + f.passed + unused - overCapacity) };
  });
  const fed = fedBuckets(setup.pools);
  const after = applyAllocation(columns, allocations, setup.modes, fed);
  const buckets = BUCKETS.map((bucket) => {
    const before = sum(columns[bucket]);
    const allocated = sum(allocations.filter((l) => l.bucket === bucket).map((l) => l.amount));
    const total = sum(after[bucket]);
    const replaced = fed.has(bucket) && setup.modes[bucket] === 'replace';
    return { bucket, mode: setup.modes[bucket], before, allocated, after: total, balanced: cent(total, replaced ? allocated : before + allocated) };
  });
  const cost = sum(setup.pools.map((p) => p.cost));
  const toAccounts = sum(pools.map((p) => p.toAccounts));
  const unused = sum(pools.map((p) => p.unused));
  const overCapacity = sum(pools.map((p) => p.overCapacity));
  return { pools, buckets, total: { cost, toAccounts, unused, overCapacity, balanced: cent(cost, toAccounts + unused - overCapacity) && pools.every((p) => p.balanced) } };
}

/** Each contribution to one account's allocated cost: the pool, its stage, the activity and how it was costed, and the pools its money came from. */
export function traceAccount(setup: PoolSetup, account: string): TraceLine[] {
  const { allocations, origins, stages } = run(setup.pools, setup.drivers, setup.lines);
  const at = new Map(setup.pools.map((p, k) => [key(p.name), k]));
  return allocations
    .filter((l) => key(l.account) === key(account))
    .map((l) => {
      const k = at.get(key(l.pool))!;
      const whole = sum(origins[k]!.values());
      const sources = [...origins[k]!].filter(([, amount]) => amount > 0).map(([pool, amount]) => ({ pool, amount: whole > 0 ? (l.amount * amount) / whole : 0 }));
      return { ...l, stage: stages[k]!, sources };
    });
}


import type { Sql } from '../sql';
import { CpwError } from '../../../../shared/ipc/errors';
import type { DriverCount, PoolSetup } from '../../../../shared/schemas/pools';
import { getPoolSetup, replacePoolSetup } from './pools';

type Frame = Omit<PoolSetup, 'drivers'>;
/** One account's count of one activity before and after; null is no count. */
interface CountChange {
  account: string;
  activity: string;
  before: number | null;
  after: number | null;
}

/**
 * A history entry for a change of a period's cost pools, activities or
 * driver counts. The pools and modes are kept whole (a few dozen lines); of
 * the counts only those that changed, since a period of 100,000 accounts has
 * hundreds of thousands and the history keeps a thousand entries.
 */
export interface PoolsChange {
  pools: { periodId: number; before: Frame; after: Frame; counts: CountChange[] };
}

export function isPoolsChange(changes: unknown): changes is PoolsChange {
  return typeof changes === 'object' && changes !== null && !Array.isArray(changes) && 'pools' in changes;
}

const key = (account: string, activity: string) => `${account.toLowerCase()}\u0000${activity.toLowerCase()}`;
const byKey = (drivers: readonly DriverCount[]) => new Map(drivers.map((d) => [key(d.account, d.activity), d]));
const frame = ({ pools, modes }: PoolSetup): Frame => ({ pools, modes });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function countChanges(before: readonly DriverCount[], after: readonly DriverCount[]): CountChange[] {
  const was = byKey(before);
  const now = byKey(after);
  const changes: CountChange[] = [];
  for (const [k, d] of now) if (was.get(k)?.count !== d.count) changes.push({ account: d.account, activity: d.activity, before: was.get(k)?.count ?? null, after: d.count });
  for (const [k, d] of was) if (!now.has(k)) changes.push({ account: d.account, activity: d.activity, before: d.count, after: null });
  return changes;
}

/** Run `change` on a period's pools and return the entry that undoes it, or null when nothing changed; the setups are read back as stored, so a later check compares like with like. */
export async function capturePools(tx: Sql, periodId: number, change: () => Promise<void>): Promise<PoolsChange | null> {
  const before = await getPoolSetup(tx, periodId);
  await change();
  const after = await getPoolSetup(tx, periodId);
  const counts = countChanges(before.drivers, after.drivers);
  if (!counts.length && same(frame(before), frame(after))) return null;
  return { pools: { periodId, before: frame(before), after: frame(after), counts } };
}

/**
 * Put a period's pools back as they were before (undo) or after (redo) the
 * action, refusing when someone changed the pools or one of these counts
 * since: their change is not taken back with this one. Counts the action did
 * not touch stay as they are now.
 */
export async function applyPools(tx: Sql, entry: PoolsChange, undoing: boolean, label: string): Promise<string | null> {
  const { periodId, counts } = entry.pools;
  const [from, to] = undoing ? [entry.pools.after, entry.pools.before] : [entry.pools.before, entry.pools.after];
  const verb = undoing ? 'undo' : 'redo';
  const period = await tx.value<string>('SELECT label FROM periods WHERE id = ?', [periodId]);
  if (period === undefined) throw new CpwError('CONFLICT', `cannot ${verb} "${label}": its period was deleted since; nothing was changed`);
  const now = await getPoolSetup(tx, periodId);
  const drivers = byKey(now.drivers);
  const moved = counts.find((c) => (drivers.get(key(c.account, c.activity))?.count ?? null) !== (undoing ? c.after : c.before));
  if (!same(frame(now), from) || moved) {
    const what = moved ? `the count of ${moved.activity} for ${moved.account} in ${period} was` : `the cost pools of ${period} were`;
    throw new CpwError('CONFLICT', `cannot ${verb} "${label}": ${what} changed since; nothing was changed`);
  }
  for (const c of counts) {
    const value = undoing ? c.before : c.after;
    if (value === null) drivers.delete(key(c.account, c.activity));
    else drivers.set(key(c.account, c.activity), { account: c.account, activity: c.activity, count: value });
  }
  await replacePoolSetup(tx, periodId, { ...to, drivers: [...drivers.values()] });
  return period;
}

import type { Sql } from '../sql';
import { CpwError } from '../../../../shared/ipc/errors';
import { PoolSetup, type DriverCount, type LineTotal } from '../../../../shared/schemas/pools';
import { getPoolSetup, replacePoolSetup } from './pools';

type Frame = Omit<PoolSetup, 'drivers' | 'lines'>;
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
/** One total of an account's transaction lines before and after; null is none. */
interface LineChange {
  account: string;
  activity: string;
  attribute: string;
  value: string;
  before: number | null;
  after: number | null;
}

export interface PoolsChange {
  /** `lines` is absent from entries written before line totals were kept. */
  pools: { periodId: number; before: Frame; after: Frame; counts: CountChange[]; lines?: LineChange[] };
}

export function isPoolsChange(changes: unknown): changes is PoolsChange {
  return typeof changes === 'object' && changes !== null && !Array.isArray(changes) && 'pools' in changes;
}

const key = (account: string, activity: string) => `${account.toLowerCase()}\u0000${activity.toLowerCase()}`;
const byKey = (drivers: readonly DriverCount[]) => new Map(drivers.map((d) => [key(d.account, d.activity), d]));
const lineKey = (t: Omit<LineTotal, 'amount'>) => `${key(t.account, t.activity)}\u0000${t.attribute.toLowerCase()}\u0000${t.value}`;
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

function lineChanges(before: readonly LineTotal[], after: readonly LineTotal[]): LineChange[] {
  const was = new Map(before.map((t) => [lineKey(t), t]));
  const now = new Map(after.map((t) => [lineKey(t), t]));
  const changes: LineChange[] = [];
  for (const [k, t] of now) if (was.get(k)?.amount !== t.amount) changes.push({ ...t, before: was.get(k)?.amount ?? null, after: t.amount });
  for (const [k, t] of was) if (!now.has(k)) changes.push({ ...t, before: t.amount, after: null });
  return changes.map(({ account, activity, attribute, value, before, after }) => ({ account, activity, attribute, value, before, after }));
}

/** Run `change` on a period's pools and return the entry that undoes it, or null when nothing changed; the setups are read back as stored, so a later check compares like with like. */
export async function capturePools(tx: Sql, periodId: number, change: () => Promise<void>): Promise<PoolsChange | null> {
  const before = await getPoolSetup(tx, periodId);
  await change();
  const after = await getPoolSetup(tx, periodId);
  const counts = countChanges(before.drivers, after.drivers);
  const lines = lineChanges(before.lines, after.lines);
  if (!counts.length && !lines.length && same(frame(before), frame(after))) return null;
  return { pools: { periodId, before: frame(before), after: frame(after), counts, lines } };
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
  const totals = new Map(now.lines.map((t) => [lineKey(t), t]));
  const lineChanges = entry.pools.lines ?? [];
  const movedLine = lineChanges.find((c) => (totals.get(lineKey(c))?.amount ?? null) !== (undoing ? c.after : c.before));
  // An entry written before feeds, equations and rates were kept reads as the schema fills them in.
  const fromFrame = frame(PoolSetup.parse({ ...from, drivers: [] }));
  if (!same(frame(now), fromFrame) || moved || movedLine) {
    const what = moved
      ? `the count of ${moved.activity} for ${moved.account} in ${period} was`
      : movedLine
        ? `the transaction lines of ${movedLine.activity} for ${movedLine.account} in ${period} were`
        : `the cost pools of ${period} were`;
    throw new CpwError('CONFLICT', `cannot ${verb} "${label}": ${what} changed since; nothing was changed`);
  }
  for (const c of counts) {
    const value = undoing ? c.before : c.after;
    if (value === null) drivers.delete(key(c.account, c.activity));
    else drivers.set(key(c.account, c.activity), { account: c.account, activity: c.activity, count: value });
  }
  for (const c of lineChanges) {
    const amount = undoing ? c.before : c.after;
    if (amount === null) totals.delete(lineKey(c));
    else totals.set(lineKey(c), { account: c.account, activity: c.activity, attribute: c.attribute, value: c.value, amount });
  }
  await replacePoolSetup(tx, periodId, PoolSetup.parse({ ...to, drivers: [...drivers.values()], lines: [...totals.values()] }));
  return period;
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';

/**
 * What a write changed, as the windows of a team workbook hear of it: the
 * rows of some accounts in one period (each row in place), or anything else
 * (the window reads the workbook again).
 */
export const ChangeEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rows'), by: z.string(), period: z.string(), accounts: z.array(z.string()) }),
  z.object({ kind: z.literal('workbook'), by: z.string() }),
]);
export type ChangeEvent = z.output<typeof ChangeEvent>;

/** NOTIFY carries at most 8000 bytes; a change naming more accounts than fit is sent as "read it all again". */
const MOST_ACCOUNTS = 200;

interface Collected {
  rows: Map<string, Set<string>>;
  other: boolean;
}

const collecting = new AsyncLocalStorage<Collected>();

/** Run a write transaction's work, collecting what it says it changed. */
export function collectChanges<T>(fn: () => Promise<T>): { run: Promise<T>; changes: () => Collected } {
  const c: Collected = { rows: new Map(), other: false };
  return { run: collecting.run(c, fn), changes: () => c };
}

/** The rows of these accounts in this period changed (called where they are written). */
export function rowsChanged(period: string, accounts: Iterable<string>): void {
  const c = collecting.getStore();
  if (!c) return;
  const set = c.rows.get(period) ?? new Set<string>();
  for (const a of accounts) set.add(a);
  c.rows.set(period, set);
}

/** Something other than rows changed; the windows read the workbook again. */
export function workbookChanged(): void {
  const c = collecting.getStore();
  if (c) c.other = true;
}

/**
 * What to tell the other windows of a write: rows alone when that is all
 * the transaction said it changed (and they fit), else the whole workbook.
 * A write that said nothing is told as the whole workbook: a change is
 * never missed, at worst read again.
 */
export function eventOf(c: Collected, by: string): ChangeEvent {
  if (!c.other && c.rows.size === 1) {
    const [period, accounts] = [...c.rows][0]!;
    if (accounts.size <= MOST_ACCOUNTS) return { kind: 'rows', by, period, accounts: [...accounts] };
  }
  return { kind: 'workbook', by };
}

/** The NOTIFY channel of a workbook's schema. */
export function channelOf(schema: string): string {
  return `cpw:${schema}`;
}

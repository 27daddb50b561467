import { fieldLabel } from '../../../shared/catalogue';
import type { Client } from '../../../shared/ipc/client';
import type { Output } from '../../../shared/ipc/contract';
import { formatCents, formatMoney } from '../../../shared/format';
import { describeAllocation } from '../../../shared/text/allocation';
import type { Io } from '../args';

/** `cpw allocate --balance`: the tie-out for people (or as JSON); exit 1 when something does not tie out, so a script can stop on it. */
export async function printBalance(b: Output<'pools.balance'>, json: boolean, client: Client, io: Io): Promise<number> {
  const ties = b.total.balanced && b.buckets.every((k) => k.balanced);
  if (json) {
    const { pools, buckets, total } = b;
    io.out(JSON.stringify({ pools, buckets, total }, null, 2));
    return ties ? 0 : 1;
  }
  const currency = (await client.call('assumptions.get', {})).currency;
  const m = (v: number) => formatCents(v, currency);
  const ok = (balanced: boolean) => (balanced ? 'ties out' : 'DOES NOT TIE OUT');
  if (b.pools.length === 0) {
    io.out(`Period ${b.period} has no cost pools: nothing to tie out`);
    return 0;
  }
  io.out(`Tie-out of the cost pools of ${b.period}: cost + received = to accounts + to pools + unused - over capacity`);
  for (const p of b.pools) {
    const over = p.overCapacity > 0 ? `, OVER CAPACITY by ${m(p.overCapacity)}` : '';
    io.out(`  stage ${p.stage} ${p.pool}: ${m(p.cost)} + ${m(p.received)} received = ${m(p.toAccounts)} to accounts + ${m(p.toPools)} to pools + ${m(p.unused)} unused${over}: ${ok(p.balanced)}`);
  }
  io.out('Buckets, summed over the accounts: before the allocation, allocated, after');
  for (const k of b.buckets) {
    if (k.allocated === 0 && k.before === k.after) continue;
    const how = k.mode === 'replace' ? 'replaces what was typed' : 'adds to what was typed';
    io.out(`  ${fieldLabel(k.bucket)}: ${m(k.before)} before, ${m(k.allocated)} allocated (${how}), ${m(k.after)} after: ${ok(k.balanced)}`);
  }
  const t = b.total;
  io.out(`All pools: ${m(t.cost)} = ${m(t.toAccounts)} to accounts + ${m(t.unused)} unused${t.overCapacity > 0 ? ` - ${m(t.overCapacity)} over capacity` : ''}: ${ok(t.balanced)}`);
  return ties ? 0 : 1;
}

/** `cpw allocate --trace ACCOUNT`: each contribution to the account's allocated cost, and where its money came from. */
export async function printTrace(t: Output<'pools.trace'>, json: boolean, client: Client, io: Io): Promise<number> {
  if (json) {
    io.out(JSON.stringify({ account: t.account, lines: t.lines }, null, 2));
    return 0;
  }
  const currency = (await client.call('assumptions.get', {})).currency;
  const m = (v: number) => formatMoney(v, currency);
  if (t.lines.length === 0) {
    io.out(`${t.account} has no allocated cost in ${t.period}`);
    return 0;
  }
  io.out(`Allocated cost of ${t.account} in ${t.period}: ${m(t.lines.reduce((s, l) => s + l.amount, 0))}`);
  for (const l of t.lines) {
    const level = l.level ? `, ${l.level} level` : '';
    const from = l.sources.length > 1 || l.sources[0]?.pool !== l.pool ? `; from ${l.sources.map((s) => `${s.pool} ${m(s.amount)}`).join(', ')}` : '';
    io.out(`  stage ${l.stage} ${describeAllocation(l, currency)} into ${fieldLabel(l.bucket)}${level}${from}`);
  }
  return 0;
}

function compareNames(names: readonly string[], keys: readonly string[], i: number, j: number): number {
  const la = keys[i]!;
  const lb = keys[j]!;
  if (la !== lb) return la < lb ? -1 : 1;
  const a = names[i]!;
  const b = names[j]!;
  return a < b ? -1 : a > b ? 1 : 0;
}

const RADIX_FROM = 2048;
const f64 = new Float64Array(1);
const words = new Uint32Array(f64.buffer);
// The sort's working space, kept between calls so a recompute does not hand the collector megabytes each time.
const counts = new Uint32Array(4 * 65536);
let scratch = new Uint32Array(0);

/**
 * Indices sorted by descending value with a stable LSD radix sort over the
 * doubles' bits (16-bit digits): linear in n, where a comparator sort of
 * 100,000 indices is the slowest step of a recompute. The four digits are
 * counted in one pass, and a digit that is the same for every value is not
 * sorted on: money in whole units leaves the low word of every double zero,
 * so two of the four passes usually go. The keys travel with the indices,
 * so every pass reads its memory in order. Stable: values that are equal
 * keep the order of `start`.
 */
function radixOrderDescending(values: Float64Array, start: Uint32Array, out: Uint32Array): Uint32Array {
  const n = values.length;
  if (scratch.length < 5 * n) scratch = new Uint32Array(5 * n);
  let hi = scratch.subarray(0, n);
  let lo = scratch.subarray(n, 2 * n);
  let hiNext = scratch.subarray(2 * n, 3 * n);
  let loNext = scratch.subarray(3 * n, 4 * n);
  let order: Uint32Array = out;
  let next: Uint32Array = scratch.subarray(4 * n, 5 * n);
  counts.fill(0);
  for (let k = 0; k < n; k++) {
    const i = start[k]!;
    f64[0] = values[i]! + 0; // -0 and 0 are one value
    const h = words[1]!;
    // Map a double to an unsigned key that sorts like the number, then invert it for descending order.
    let kh: number;
    let kl: number;
    if (h & 0x80000000) {
      kh = h;
      kl = words[0]!;
    } else {
      kh = ~(h | 0x80000000) >>> 0;
      kl = ~words[0]! >>> 0;
    }
    hi[k] = kh;
    lo[k] = kl;
    order[k] = i;
    counts[kl & 0xffff]!++;
    counts[65536 + (kl >>> 16)]!++;
    counts[131072 + (kh & 0xffff)]!++;
    counts[196608 + (kh >>> 16)]!++;
  }
  const constant = (p: number, key: Uint32Array, shift: number) => counts[p * 65536 + ((key[0]! >>> shift) & 0xffff)] === n;
  // When the low words are all alike they need not travel: they stay equal wherever their values go.
  const carryLow = !(constant(0, lo, 0) && constant(1, lo, 16));
  for (let p = 0; p < 4; p++) {
    const shift = p % 2 === 0 ? 0 : 16;
    const key = p < 2 ? lo : hi;
    if (constant(p, key, shift)) continue; // one digit for all: already in order
    const base = p * 65536;
    let sum = 0;
    for (let d = base; d < base + 65536; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const at = counts[base + ((key[k]! >>> shift) & 0xffff)]!++;
      next[at] = order[k]!;
      hiNext[at] = hi[k]!;
      if (carryLow) loNext[at] = lo[k]!;
    }
    [order, next] = [next, order];
    [hi, hiNext] = [hiNext, hi];
    if (carryLow) [lo, loNext] = [loNext, lo];
  }
  // After an odd number of passes the result sits in the scratch space: the caller keeps its own.
  if (order !== out) out.set(order);
  return out;
}

const nameOrders = new WeakMap<readonly string[], Uint32Array>();

/**
 * Account indices in name order (case-insensitive, then exact), worked out
 * once for a set of names: recomputes and edits change numbers, not names.
 * A sheet already in name order is seen in one pass.
 */
function nameOrder(names: readonly string[], keys: readonly string[]): Uint32Array {
  let order = nameOrders.get(names);
  if (order) return order;
  const n = names.length;
  order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = compareNames(names, keys, i - 1, i) < 0;
  if (!sorted) order.sort((i, j) => compareNames(names, keys, i, j));
  nameOrders.set(names, order);
  return order;
}

/**
 * Accounts ranked by profit, highest first, ties by name (case-insensitive,
 * then exact): the one order the whale curve, top20Share and the Pareto
 * classes all read, so the period is sorted once.
 */
export function profitOrder(
  profit: Float64Array,
  names: readonly string[],
  keys: readonly string[] = names.map((a) => a.toLowerCase()),
  out: Uint32Array = new Uint32Array(profit.length),
): Uint32Array {
  const n = profit.length;
  if (n < RADIX_FROM) {
    for (let i = 0; i < n; i++) out[i] = i;
    return out.sort((i, j) => profit[j]! - profit[i]! || compareNames(names, keys, i, j));
  }
  // The sort is stable and starts from name order, so equal profits come out in name order.
  return radixOrderDescending(profit, nameOrder(names, keys), out);
}

/**
 * Where account i stands in `order`, found by binary search with `value` as
 * its profit (the profit the order was made with): no inverse array to keep
 * in step as accounts move.
 */
export function positionOf(
  order: Uint32Array,
  profit: Float64Array,
  names: readonly string[],
  keys: readonly string[],
  i: number,
  value: number = profit[i]!,
): number {
  let lo = 0;
  let hi = order.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const j = order[mid]!;
    if (j === i) return mid;
    const pj = profit[j]!;
    // Is j before i? Then i is further down.
    if (pj > value || (pj === value && compareNames(names, keys, j, i) < 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Does account i come before account j in the profit order? */
function before(profit: Float64Array, names: readonly string[], keys: readonly string[], i: number, j: number): boolean {
  const pi = profit[i]!;
  const pj = profit[j]!;
  return pi > pj || (pi === pj && compareNames(names, keys, i, j) < 0);
}

/**
 * Account i's profit changed from `was`: move it to its place in `order`.
 * Only the accounts between its old and new places shift by one. Returns
 * the first position whose account changed, so the running sums are redone
 * from there.
 */
export function reorderAccount(
  order: Uint32Array,
  profit: Float64Array,
  names: readonly string[],
  keys: readonly string[],
  i: number,
  was: number,
): number {
  const n = order.length;
  const from = positionOf(order, profit, names, keys, i, was);
  let first = from;
  if (from > 0 && before(profit, names, keys, i, order[from - 1]!)) {
    // Up: to the first of the accounts above that it now comes before.
    let lo = 0;
    let hi = from - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(profit, names, keys, i, order[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    order.copyWithin(lo + 1, lo, from);
    order[lo] = i;
    first = lo;
  } else if (from < n - 1 && before(profit, names, keys, order[from + 1]!, i)) {
    // Down: to after the last of the accounts below that now come before it.
    let lo = from + 1;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (before(profit, names, keys, order[mid]!, i)) lo = mid;
      else hi = mid - 1;
    }
    order.copyWithin(from, from + 1, lo + 1);
    order[lo] = i;
  }
  return first;
}

/**
 * The running profit in profit order, cum[k] = profit of the first k + 1
 * accounts, (re)computed from position `from`; returns its highest value
 * (-Infinity for no accounts). The whale curve is cum over total profit.
 */
export function runningProfit(profit: Float64Array, order: Uint32Array, cum: Float64Array, from = 0): number {
  let peak = -Infinity;
  for (let k = 0; k < from; k++) if (cum[k]! > peak) peak = cum[k]!;
  let run = from > 0 ? cum[from - 1]! : 0;
  for (let k = from; k < order.length; k++) {
    run += profit[order[k]!]!;
    cum[k] = run;
    if (run > peak) peak = run;
  }
  return peak;
}

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

/**
 * Indices sorted by descending value with a stable LSD radix sort over the
 * doubles' bits (four 16-bit passes): linear in n, where a comparator sort of
 * 100,000 indices is the slowest step of a recompute.
 */
function radixOrderDescending(values: Float64Array): Uint32Array {
  const n = values.length;
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    f64[0] = values[i]! + 0; // -0 and 0 are one value
    const h = words[1]!;
    // Map a double to an unsigned key that sorts like the number, then invert it for descending order.
    if (h & 0x80000000) {
      hi[i] = h;
      lo[i] = words[0]!;
    } else {
      hi[i] = ~(h | 0x80000000) >>> 0;
      lo[i] = ~words[0]! >>> 0;
    }
  }
  let order = new Uint32Array(n);
  let next = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const counts = new Uint32Array(65536);
  for (const [key, shift] of [[lo, 0], [lo, 16], [hi, 0], [hi, 16]] as const) {
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[(key[order[k]!]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      next[counts[(key[i]! >>> shift) & 0xffff]!++] = i;
    }
    [order, next] = [next, order];
  }
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
): Uint32Array {
  const n = profit.length;
  if (n < RADIX_FROM) {
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort((i, j) => profit[j]! - profit[i]! || compareNames(names, keys, i, j));
  }
  const order = radixOrderDescending(profit);
  // Equal profits sit together: put each run of them in name order.
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && profit[order[end]!] === profit[order[start]!]) end++;
    if (end - start > 1) order.subarray(start, end).sort((i, j) => compareNames(names, keys, i, j));
    start = end;
  }
  return order;
}

/**
 * DOMAIN.md `whaleCurve`: y of point i (1..n) is the profit of the first i
 * accounts over total profit. Null when total profit <= 0, because shares of
 * a loss mislead.
 */
export function whaleCurve(profit: Float64Array, order: Uint32Array, totalProfit: number): Float64Array | null {
  if (!(totalProfit > 0)) return null;
  const ys = new Float64Array(order.length);
  let cum = 0;
  for (let k = 0; k < order.length; k++) {
    cum += profit[order[k]!]!;
    ys[k] = cum / totalProfit;
  }
  return ys;
}

/** DOMAIN.md `whalePeak`: the highest point of the whale curve. */
export function whalePeak(ys: Float64Array | null): number | null {
  if (ys === null || ys.length === 0) return null;
  let peak = -Infinity;
  for (let k = 0; k < ys.length; k++) if (ys[k]! > peak) peak = ys[k]!;
  return peak;
}

/** DOMAIN.md `top20Share`: profit of the first ceil(0.2 n) accounts over total profit. */
export function top20Share(ys: Float64Array | null): number | null {
  if (ys === null || ys.length === 0) return null;
  return ys[Math.ceil(0.2 * ys.length) - 1]!;
}

/** Index into PARETO_CLASSES. */
export const CLASS_A = 0;
export const CLASS_B = 1;
export const CLASS_C = 2;
export const CLASS_D = 3;

/**
 * DOMAIN.md, "Pareto class": over the accounts with profit > 0 in profit
 * order, A while the cumulative profit counted before the account is under
 * 80% of the positive total, B under 95%, C the rest; D for profit <= 0.
 */
export function paretoClasses(profit: Float64Array, order: Uint32Array): Uint8Array {
  const classes = new Uint8Array(profit.length).fill(CLASS_D);
  let positive = 0;
  for (let i = 0; i < profit.length; i++) if (profit[i]! > 0) positive += profit[i]!;
  const a = 0.8 * positive;
  const b = 0.95 * positive;
  let before = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const p = profit[i]!;
    if (!(p > 0)) break; // order is by profit, so the rest are <= 0
    classes[i] = before < a ? CLASS_A : before < b ? CLASS_B : CLASS_C;
    before += p;
  }
  return classes;
}

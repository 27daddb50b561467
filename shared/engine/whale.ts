/**
 * Accounts ranked by profit, highest first, ties by name (case-insensitive,
 * then exact): the one order the whale curve, top20Share and the Pareto
 * classes all read, so the period is sorted once.
 */
export function profitOrder(profit: Float64Array, names: readonly string[]): Uint32Array {
  const order = new Uint32Array(profit.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((i, j) => {
    const d = profit[j]! - profit[i]!;
    if (d !== 0) return d;
    const a = names[i]!;
    const b = names[j]!;
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
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

import type { Assumptions } from '../schemas/assumptions';
import type { SheetColumns } from './columns';

/** Index into SEGMENTS. */
export const PROTECT = 0;
export const FIX = 1;
export const DEVELOP = 2;
export const REASSESS = 3;

/** The k-th smallest value (0-based) of `a`, rearranging it: Hoare's quickselect, linear on average. */
function select(a: Float64Array, k: number): number {
  let left = 0;
  let right = a.length - 1;
  while (left < right) {
    const pivot = a[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** The middle value (the mean of the two middle values for an even count); 0 for none. */
export function median(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return 0;
  const work = Float64Array.from(values);
  const mid = n >> 1;
  const upper = select(work, mid);
  if (n % 2 === 1) return upper;
  // After selecting `mid`, everything before it is <= it: the lower middle is their maximum.
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if (work[i]! > lower) lower = work[i]!;
  return (lower + upper) / 2;
}

export interface Splits {
  revenueSplit: number;
  marginSplit: number;
}

/**
 * DOMAIN.md, "Assumptions" `revenueSplit` and `marginSplit`: the numbers the
 * user set, else the period's median account revenue and portfolio margin.
 */
export function matrixSplits(c: SheetColumns, totalRevenue: number, totalProfit: number, a: Assumptions): Splits {
  return {
    revenueSplit: a.revenueSplit ?? median(c.revenue),
    marginSplit: a.marginSplit ?? (totalRevenue > 0 ? totalProfit / totalRevenue : 0),
  };
}

/**
 * DOMAIN.md, "Segmentation", the profitability matrix: revenue against the
 * revenue split, margin against the margin split, ties to the high side; an
 * account with revenue 0 is Reassess and a pinned segment wins.
 */
export function segmentAccounts(c: SheetColumns, margin: Float64Array, splits: Splits): Uint8Array {
  const out = new Uint8Array(c.n);
  const { revenueSplit, marginSplit } = splits;
  for (let i = 0; i < c.n; i++) {
    const pinned = c.segmentOverride[i]!;
    if (pinned >= 0) {
      out[i] = pinned;
      continue;
    }
    const rev = c.revenue[i]!;
    if (rev === 0) {
      out[i] = REASSESS;
      continue;
    }
    const bigRevenue = rev >= revenueSplit;
    const goodMargin = margin[i]! >= marginSplit;
    out[i] = bigRevenue ? (goodMargin ? PROTECT : FIX) : goodMargin ? DEVELOP : REASSESS;
  }
  return out;
}

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

// The copy quickselect rearranges, kept between calls: a recompute at 100,000 accounts need not hand the collector 800 KB.
let medianScratch = new Float64Array(0);

/** The middle value (the mean of the two middle values for an even count); 0 for none. */
export function median(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return 0;
  if (medianScratch.length < n) medianScratch = new Float64Array(n);
  const work = medianScratch.subarray(0, n);
  work.set(values);
  const mid = n >> 1;
  const upper = select(work, mid);
  if (n % 2 === 1) return upper;
  // After selecting `mid`, everything before it is <= it: the lower middle is their maximum.
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if (work[i]! > lower) lower = work[i]!;
  return (lower + upper) / 2;
}

/**
 * DOMAIN.md, "Assumptions" `revenueSplit` and `marginSplit`: the numbers the
 * user set, else the period's median account revenue and portfolio margin.
 */
export interface Splits {
  revenueSplit: number;
  marginSplit: number;
}

/** The middle value of values sorted ascending, as `median` gives it. */
export function medianOfSorted(sorted: Float64Array): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** First index of `sorted` (ascending) whose value is not below v. */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One value of a sorted array changed from `old` to `next`: keep it sorted, moving only what lies between. */
export function replaceSorted(sorted: Float64Array, old: number, next: number): void {
  const at = lowerBound(sorted, old);
  if (next > old) {
    // The values below `next` after `at` move down one; `next` takes the last place they leave.
    const to = lowerBound(sorted, next) - 1;
    sorted.copyWithin(at, at + 1, to + 1);
    sorted[to] = next;
  } else if (next < old) {
    const to = lowerBound(sorted, next);
    sorted.copyWithin(to + 1, to, at);
    sorted[to] = next;
  }
}

/**
 * DOMAIN.md, "Segmentation", the profitability matrix, for account i:
 * revenue against the revenue split, margin against the margin split, ties
 * to the high side; an account with revenue 0 is Reassess and a pinned
 * segment wins.
 */
export function segmentOf(c: SheetColumns, margin: Float64Array, splits: Splits, i: number): number {
  const pinned = c.segmentOverride[i]!;
  if (pinned >= 0) return pinned;
  const rev = c.revenue[i]!;
  if (rev === 0) return REASSESS;
  const bigRevenue = rev >= splits.revenueSplit;
  const goodMargin = margin[i]! >= splits.marginSplit;
  return bigRevenue ? (goodMargin ? PROTECT : FIX) : goodMargin ? DEVELOP : REASSESS;
}

/** segmentOf every account. */
export function segmentAccounts(c: SheetColumns, margin: Float64Array, splits: Splits, out: Uint8Array = new Uint8Array(c.n)): Uint8Array {
  for (let i = 0; i < c.n; i++) out[i] = segmentOf(c, margin, splits, i);
  return out;
}

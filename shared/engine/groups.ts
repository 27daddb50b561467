import { SEGMENTS, SEGMENT_FOCUS } from '../schemas/fields';
import type { DimensionSummary, OwnerSummary, SegmentSummary } from '../schemas/report';
import type { DimensionColumn } from '../schemas/dimensions';
import type { SheetColumns } from './columns';
import { addCompensated } from './compensated';
import type { AccountMetrics } from './metrics';
import { ratio, share } from './portfolio';

/**
 * DOMAIN.md, "per segment and per owner": count, revenue, totalCost, profit,
 * roi and share of portfolio profit of each group, kept as sums an edit can
 * take one account out of and put back into.
 */

/** Per group, four sums (count, revenue, totalCost, profit) and the rounding error of each (compensated.ts). */
export const GROUP_SLOTS = 8;
const ERRORS = 4;

/** Add account i to group g of `groups` (sign 1) or take it out (sign -1). */
export function tallyGroup(groups: Float64Array, g: number, c: SheetColumns, m: AccountMetrics, i: number, sign: 1 | -1): void {
  const at = g * GROUP_SLOTS;
  addCompensated(groups, at, at + ERRORS, sign);
  addCompensated(groups, at + 1, at + 1 + ERRORS, sign * c.revenue[i]!);
  addCompensated(groups, at + 2, at + 2 + ERRORS, sign * m.totalCost[i]!);
  addCompensated(groups, at + 3, at + 3 + ERRORS, sign * m.profit[i]!);
}

function summarise(groups: Float64Array, g: number, totalProfit: number) {
  const at = g * GROUP_SLOTS;
  const sumAt = (k: number) => groups[at + k]! + groups[at + k + ERRORS]!;
  const count = sumAt(0);
  const revenue = sumAt(1);
  const totalCost = sumAt(2);
  const profit = sumAt(3);
  return { count, revenue, totalCost, profit, roi: ratio(profit, totalCost), profitShare: share(profit, totalProfit) };
}

/**
 * Group sums of a full pass, plain: account i goes to group keyOf[i] + offset.
 * Summed afresh, never taken apart again, so no error slots (an edit
 * re-sums with tallyGroup before it takes accounts out).
 */
function groupSums(c: SheetColumns, m: AccountMetrics, keyOf: Int32Array | Uint8Array, groupCount: number, offset: number): Float64Array {
  const groups = new Float64Array(groupCount * GROUP_SLOTS);
  for (let i = 0; i < c.n; i++) {
    const at = (keyOf[i]! + offset) * GROUP_SLOTS;
    groups[at]!++;
    groups[at + 1]! += c.revenue[i]!;
    groups[at + 2]! += m.totalCost[i]!;
    groups[at + 3]! += m.profit[i]!;
  }
  return groups;
}

/** DOMAIN.md, "per segment": count, revenue, totalCost, profit, roi and share of profit, with the suggested focus. */
export function segmentSummaries(c: SheetColumns, m: AccountMetrics, segment: Uint8Array, totalProfit: number): SegmentSummary[] {
  const groups = groupSums(c, m, segment, SEGMENTS.length, 0);
  return SEGMENTS.map((s, k) => ({ segment: s, focus: SEGMENT_FOCUS[s], ...summarise(groups, k, totalProfit) }));
}

/** The owner groups of a period: group 0 holds the accounts with no owner, group k + 1 owner k. */
export function ownerGroups(c: SheetColumns, m: AccountMetrics, compensated = false): Float64Array {
  if (!compensated) return groupSums(c, m, c.ownerIds, c.owners.length + 1, 1);
  const groups = new Float64Array((c.owners.length + 1) * GROUP_SLOTS);
  for (let i = 0; i < c.n; i++) tallyGroup(groups, c.ownerIds[i]! + 1, c, m, i, 1);
  return groups;
}

/** DOMAIN.md, "per owner": the same figures per key account director, most profit first; accounts with no owner last. */
export function ownerSummaries(owners: readonly string[], groups: Float64Array, totalProfit: number): OwnerSummary[] {
  const out: OwnerSummary[] = [];
  for (let k = 0; k <= owners.length; k++) {
    if (groups[k * GROUP_SLOTS]! + groups[k * GROUP_SLOTS + ERRORS]! === 0) continue;
    out.push({ owner: k === 0 ? null : owners[k - 1]!, ...summarise(groups, k, totalProfit) });
  }
  return out.sort((x, y) =>
    x.owner === null ? 1 : y.owner === null ? -1 : y.profit - x.profit || x.owner.localeCompare(y.owner),
  );
}

/**
 * DOMAIN.md, "Dimensions": the figures of `byOwner` per value of one
 * dimension, most profit first, the accounts with no value last.
 */
export function dimensionSummaries(c: SheetColumns, m: AccountMetrics, d: DimensionColumn, totalProfit: number): DimensionSummary[] {
  const groups = groupSums(c, m, d.ids, d.values.length + 1, 1);
  return ownerSummaries(d.values, groups, totalProfit).map(({ owner, ...figures }) => ({ value: owner, ...figures }));
}

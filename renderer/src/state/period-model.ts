import { METRICS, type Metric } from '../../../shared/catalogue/metrics';
import { allocatedAt, allocatedByAccount, withAllocated } from '../../../shared/engine/allocation';
import { FLOAT_FIELDS, toColumns, type SheetColumns } from '../../../shared/engine/columns';
import { computeColumns, editAccount, type SheetResult } from '../../../shared/engine/sheet';
import type { Assumptions } from '../../../shared/schemas/assumptions';
import { PARETO_CLASSES, SEGMENTS, STATUSES } from '../../../shared/schemas/fields';
import type { AllocationLine, AllocationModes } from '../../../shared/schemas/pools';
import type { Bucket } from '../../../shared/schemas/fields';
import type { SheetRow } from '../../../shared/schemas/row';
import { formatCount, formatNumber } from '../../../shared/format';

/** What the period's cost pools put into its buckets: the lines by account, and how each bucket takes them. */
export interface ModelAllocation {
  readonly lines: readonly AllocationLine[];
  readonly modes: AllocationModes;
  /** The buckets some pool feeds. */
  readonly fed: ReadonlySet<Bucket>;
  /** The lines of each account, by its name in lower case: the sheet's marker and its breakdown. */
  readonly byAccount: ReadonlyMap<string, readonly AllocationLine[]>;
}

export function modelAllocation(lines: readonly AllocationLine[], modes: AllocationModes, fed: ReadonlySet<Bucket>): ModelAllocation | null {
  if (fed.size === 0) return null;
  const byAccount = new Map<string, AllocationLine[]>();
  for (const l of lines) {
    const key = l.account.toLowerCase();
    const own = byAccount.get(key);
    if (own) own.push(l);
    else byAccount.set(key, [l]);
  }
  return { lines, modes, fed, byAccount };
}

/**
 * The period as the grid holds it: the rows (the grid's own row objects,
 * changed in place), their columns and the engine's result. An edit of a
 * number or a status rewrites one slot of the typed arrays and the engine
 * follows that one account (editAccount); a new name, owner or pinned
 * segment, or new assumptions, recompute the period.
 */
export interface SheetModel {
  readonly rows: SheetRow[];
  /** The typed values; the result is computed with the allocation in the buckets. */
  readonly columns: SheetColumns;
  readonly result: SheetResult;
  readonly allocation: ModelAllocation | null;
  /** The allocation per bucket, aligned with the rows: worked out once per load, added at every recompute. */
  readonly allocated: Readonly<Record<Bucket, Float64Array | null>> | null;
}

function compute(model: Pick<SheetModel, 'columns' | 'allocation' | 'allocated'>, a: Assumptions, replacing?: SheetResult): SheetResult {
  const { columns, allocation, allocated } = model;
  return computeColumns(allocation && allocated ? withAllocated(columns, allocated, allocation.modes, allocation.fed) : columns, a, replacing);
}

/** `columns`: the rows' columns when they came that way (rows.columns), else made from the rows. */
export function buildModel(rows: SheetRow[], a: Assumptions, allocation: ModelAllocation | null = null, columns: SheetColumns = toColumns(rows)): SheetModel {
  const allocated = allocation ? allocatedByAccount(columns, allocation.lines) : null;
  return { rows, columns, allocation, allocated, result: compute({ columns, allocation, allocated }, a) };
}

/** The period again under new assumptions, computed into the memory of the result it replaces. */
export function recompute(model: SheetModel, a: Assumptions): SheetModel {
  return { ...model, result: compute(model, a, model.result) };
}

/** Put a saved row in place of row i, and follow it in the result. */
export function replaceRow(model: SheetModel, i: number, next: SheetRow, a: Assumptions): SheetModel {
  const row = model.rows[i]!;
  const sameShape =
    row.account === next.account && row.owner === next.owner && row.segmentOverride === next.segmentOverride;
  Object.assign(row, next);
  // The rows keep their places, so the dimensions (which no row holds) stay as they are.
  if (!sameShape) return buildModel(model.rows, a, model.allocation, { ...toColumns(model.rows), dimensions: model.columns.dimensions });
  const { columns: c, allocation, allocated } = model;
  // The result computes on the columns with the allocation in them: a copy of the fed buckets, kept in step here.
  const inResult = model.result.columns;
  const result = editAccount(model.result, i, () => {
    for (const f of FLOAT_FIELDS) c[f][i] = next[f] ?? NaN;
    c.status[i] = STATUSES.indexOf(next.status);
    if (allocation && allocated) for (const b of allocation.fed) inResult[b][i] = allocatedAt(c, allocated, allocation.modes, b, i);
  });
  return { ...model, result };
}

export type ComputedField = Extract<Metric, { scope: 'account'; sheet: true }>['name'];
/** Computed columns of the sheet, by their DOMAIN.md names: the catalogue's account metrics the sheet shows. */
export const COMPUTED: readonly ComputedField[] = METRICS.filter((m): m is Extract<Metric, { scope: 'account'; sheet: true }> => m.scope === 'account' && 'sheet' in m).map((m) => m.name);

/** One computed value of account i; null where DOMAIN.md says there is none. */
export function metricValue(r: SheetResult, field: ComputedField, i: number): number | string | null {
  if (field === 'segment') return SEGMENTS[r.segmentAt(i)]!;
  if (field === 'paretoClass') return PARETO_CLASSES[r.paretoClassAt(i)]!;
  const v = r.metrics[field][i]!;
  return Number.isNaN(v) ? null : v;
}

/** The pinned totals row: sums for money and counts, the portfolio's own ratios; `of` the period's count when r holds only the rows shown. */
export function totalsRow(r: SheetResult, of?: number): Record<string, number | string | null> {
  const f = r.figures;
  return {
    account: of === undefined ? `Total (${formatCount(f.count, 'account')})` : `Total (${formatNumber(f.count)} of ${formatCount(of, 'account')})`,
    revenue: f.revenue,
    presale: f.presale,
    production: f.production,
    distribution: f.distribution,
    service: f.service,
    labour: f.labour,
    meetings: f.meetings,
    calls: f.calls,
    upsell: f.upsell,
    crossSell: f.crossSell,
    referrals: f.referrals,
    totalCost: f.totalCost,
    profit: f.profit,
    margin: f.margin,
    roi: f.roi,
    costToRevenue: f.costToRevenue,
    interactionCost: f.interactionCost,
    clv: r.clvTotal,
  };
}

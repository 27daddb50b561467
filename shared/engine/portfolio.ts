import { BUCKETS, SEGMENTS, SEGMENT_FOCUS, STATUSES } from '../schemas/fields';
import type { OwnerSummary, SegmentSummary } from '../schemas/report';
import type { PortfolioFigures } from '../schemas/trends';
import type { SheetColumns } from './columns';
import type { AccountMetrics } from './metrics';
import type { Splits } from './segmentation';
import { top20Share, whalePeak } from './whale';

const ACTIVE = STATUSES.indexOf('active');
const CHURNED = STATUSES.indexOf('churned');

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);
const share = (part: number, total: number): number | null => (total > 0 ? part / total : null);

/** Sum of a column, or of its given values when NaN marks "not given". */
export function sum(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v) s += v;
  }
  return s;
}

/** DOMAIN.md `nps`: 100 * (promoters - detractors) / rated accounts, null when none is rated. */
export const npsScore = (promoters: number, detractors: number, rated: number): number | null =>
  rated > 0 ? (100 * (promoters - detractors)) / rated : null;

/** DOMAIN.md `csat`: the share of rated accounts scoring 4 or 5, null when none is rated. */
export const csatShare = (satisfied: number, rated: number): number | null => ratio(satisfied, rated);

/**
 * DOMAIN.md, "Portfolio metrics (one period)": the sums, roi, margin,
 * whalePeak, top20Share, lossMakers, profitGivenBack, churnRate, nps, csat,
 * upsell, crossSell, referrals and referralRate. The whale curve itself is
 * passed in (whale.ts) since it shares the profit order with Pareto.
 */
export function portfolioFigures(
  c: SheetColumns,
  m: AccountMetrics,
  splits: Splits,
  whale: Float64Array | null,
): PortfolioFigures {
  const revenue = sum(c.revenue);
  const totalCost = sum(m.totalCost);
  const profit = revenue - totalCost;
  let lossMakers = 0;
  let givenBack = 0;
  let active = 0;
  let churned = 0;
  let npsRated = 0;
  let promoters = 0;
  let detractors = 0;
  let csatRated = 0;
  let satisfied = 0;
  let referralGiven = 0;
  let referring = 0;
  for (let i = 0; i < c.n; i++) {
    const p = m.profit[i]!;
    if (p < 0) {
      lossMakers++;
      givenBack -= p;
    }
    const s = c.status[i]!;
    if (s === ACTIVE) active++;
    else if (s === CHURNED) churned++;
    const cat = m.npsCategory[i]!;
    if (cat >= 0) {
      npsRated++;
      if (cat === 2) promoters++;
      else if (cat === 0) detractors++;
    }
    const csat = c.csat[i]!;
    if (csat === csat) {
      csatRated++;
      if (csat >= 4) satisfied++;
    }
    const refs = c.referrals[i]!;
    if (refs === refs) {
      referralGiven++;
      if (refs >= 1) referring++;
    }
  }
  const buckets = Object.fromEntries(BUCKETS.map((b) => [b, sum(c[b])])) as Record<(typeof BUCKETS)[number], number>;
  return {
    count: c.n,
    revenue,
    ...buckets,
    totalCost,
    profit,
    interactionCost: sum(m.interactionCost),
    meetings: sum(c.meetings),
    calls: sum(c.calls),
    roi: ratio(profit, totalCost),
    margin: ratio(profit, revenue),
    revenueSplit: splits.revenueSplit,
    marginSplit: splits.marginSplit,
    whalePeak: whalePeak(whale),
    top20Share: top20Share(whale),
    lossMakers,
    profitGivenBack: givenBack,
    churnRate: ratio(churned, active + churned),
    nps: npsScore(promoters, detractors, npsRated),
    csat: csatShare(satisfied, csatRated),
    upsell: sum(c.upsell),
    crossSell: sum(c.crossSell),
    referrals: sum(c.referrals),
    referralRate: ratio(referring, referralGiven),
  };
}

interface Group {
  count: number;
  revenue: number;
  totalCost: number;
  profit: number;
}

function summarise(g: Group, totalProfit: number) {
  return { ...g, roi: ratio(g.profit, g.totalCost), profitShare: share(g.profit, totalProfit) };
}

function groupBy(c: SheetColumns, m: AccountMetrics, keyOf: Int32Array | Uint8Array, groups: number, offset: number): Group[] {
  const out: Group[] = Array.from({ length: groups }, () => ({ count: 0, revenue: 0, totalCost: 0, profit: 0 }));
  for (let i = 0; i < c.n; i++) {
    const g = out[keyOf[i]! + offset]!;
    g.count++;
    g.revenue += c.revenue[i]!;
    g.totalCost += m.totalCost[i]!;
    g.profit += m.profit[i]!;
  }
  return out;
}

/** DOMAIN.md, "per segment": count, revenue, totalCost, profit, roi and share of profit, with the suggested focus. */
export function segmentSummaries(c: SheetColumns, m: AccountMetrics, segment: Uint8Array, totalProfit: number): SegmentSummary[] {
  return groupBy(c, m, segment, SEGMENTS.length, 0).map((g, k) => ({
    segment: SEGMENTS[k]!,
    focus: SEGMENT_FOCUS[SEGMENTS[k]!],
    ...summarise(g, totalProfit),
  }));
}

/** DOMAIN.md, "per owner": the same figures per key account director, most profit first; accounts with no owner last. */
export function ownerSummaries(c: SheetColumns, m: AccountMetrics, totalProfit: number): OwnerSummary[] {
  const groups = groupBy(c, m, c.ownerIds, c.owners.length + 1, 1);
  const out: OwnerSummary[] = [];
  groups.forEach((g, k) => {
    if (g.count === 0) return;
    out.push({ owner: k === 0 ? null : c.owners[k - 1]!, ...summarise(g, totalProfit) });
  });
  return out.sort((x, y) =>
    x.owner === null ? 1 : y.owner === null ? -1 : y.profit - x.profit || x.owner.localeCompare(y.owner),
  );
}

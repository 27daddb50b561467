import type { Assumptions } from '../schemas/assumptions';
import type { DimensionSummary, OwnerSummary, SegmentSummary } from '../schemas/report';
import type { PortfolioFigures } from '../schemas/trends';
import type { SheetColumns } from './columns';
import { emptyMetrics, metricsAt, ratesOf, type AccountMetrics, type Rates } from './metrics';
import { dimensionSummaries, ownerGroups, ownerSummaries, segmentSummaries, tallyGroup } from './groups';
import { matrixSplits, paretoClasses, paretoClassOf, portfolioFigures, whaleCurve, whaleFigures } from './portfolio';
import { median, medianOfSorted, replaceSorted, segmentAccounts, segmentOf, type Splits } from './segmentation';
import { computeAndTally, emptyTally, T, tallyAccount, valueAt } from './tally';
import { profitOrder, positionOf, reorderAccount, runningProfit } from './whale';

/** Everything the engine knows about one period, still column-oriented. */
export interface SheetResult {
  readonly columns: SheetColumns;
  readonly metrics: AccountMetrics;
  /** Index into SEGMENTS per account. */
  readonly segment: Uint8Array;
  /** Index into PARETO_CLASSES per account. */
  readonly paretoClass: Uint8Array;
  /** Account indices by profit, highest first. */
  readonly order: Uint32Array;
  /** y of each whale-curve point in `order`; null when total profit <= 0. */
  readonly whale: Float64Array | null;
  readonly figures: PortfolioFigures;
  readonly bySegment: SegmentSummary[];
  readonly byOwner: OwnerSummary[];
  /** Per dimension of the workbook, by its name (DOMAIN.md, "Dimensions"). */
  readonly byDimension: Record<string, DimensionSummary[]>;
  /** The sum of every account's clv: the sheet's totals row. */
  readonly clvTotal: number;
  /** Account i's segment and Pareto class without building the arrays: what a grid drawing a few rows reads. */
  segmentAt(i: number): number;
  paretoClassAt(i: number): number;
}

/**
 * The state of one computed period, kept so that an edit of one account
 * costs what that account moves, not the period: the portfolio's sums as a
 * tally, the owners' sums, the profit order, the running profit along it,
 * and the revenues sorted for the median once an edit needs them.
 */
class PeriodState {
  readonly n: number;
  readonly rates: Rates;
  readonly metrics: AccountMetrics;
  tally: Float64Array;
  owners: Float64Array;
  readonly order: Uint32Array;
  readonly cum: Float64Array;
  peak: number;
  /** The median revenue, the revenue split unless the user set one. */
  private medianRevenue: number;
  private sortedRevenue: Float64Array | null = null;
  /** Whether the tally and the owners' sums carry the rounding errors that taking accounts out again needs. */
  private compensated = false;

  constructor(
    readonly columns: SheetColumns,
    readonly a: Assumptions,
    parts: ResultParts,
  ) {
    this.n = columns.n;
    this.rates = ratesOf(a);
    ({ metrics: this.metrics, tally: this.tally, owners: this.owners, order: this.order, cum: this.cum, peak: this.peak } = parts);
    this.medianRevenue = parts.medianRevenue;
  }

  /** The period computed whole; `spare`, a state of as many accounts that is done with, lends its arrays. */
  static compute(columns: SheetColumns, a: Assumptions, spare: PeriodState | null): PeriodState {
    const n = columns.n;
    const reuse = spare !== null && spare.n === n;
    const metrics = reuse ? spare.metrics : emptyMetrics(n);
    const tally = computeAndTally(columns, metrics, ratesOf(a));
    const order = profitOrder(metrics.profit, columns.account, columns.accountKey, reuse ? spare.order : undefined);
    const cum = reuse ? spare.cum : new Float64Array(n);
    const peak = runningProfit(metrics.profit, order, cum);
    const medianRevenue = a.revenueSplit === null ? median(columns.revenue) : NaN;
    return new PeriodState(columns, a, { metrics, tally, owners: ownerGroups(columns, metrics), order, cum, peak, medianRevenue });
  }

  parts(): ResultParts {
    const { metrics, tally, owners, order, cum, peak, medianRevenue } = this;
    return { metrics, tally, owners, order, cum, peak, medianRevenue };
  }

  /** Where account i stands in the profit order. */
  position(i: number): number {
    const { order, metrics, columns } = this;
    return positionOf(order, metrics.profit, columns.account, columns.accountKey, i);
  }

  splits(): Splits {
    const { a, tally } = this;
    const revenue = valueAt(tally, T.revenue);
    return matrixSplits(a, this.medianRevenue, revenue, revenue - valueAt(tally, T.totalCost));
  }

  /** Account i's inputs change by `write`: take it out, let the write happen, put it back where it now belongs. */
  edit(i: number, write: () => void): void {
    const { columns: c, metrics: m } = this;
    if (!this.compensated) {
      // A full recompute sums plainly; the first edit sums again with the errors kept (tally.ts, compensated.ts).
      const t = emptyTally();
      for (let k = 0; k < this.n; k++) tallyAccount(t, c, m, k, 1);
      this.tally = t;
      this.owners = ownerGroups(c, m, true);
      this.compensated = true;
    }
    const tally = this.tally;
    const revenueBefore = c.revenue[i]!;
    const profitBefore = m.profit[i]!;
    tallyAccount(tally, c, m, i, -1);
    tallyGroup(this.owners, c.ownerIds[i]! + 1, c, m, i, -1);
    write();
    metricsAt(c, m, i, this.rates);
    tallyAccount(tally, c, m, i, 1);
    tallyGroup(this.owners, c.ownerIds[i]! + 1, c, m, i, 1);
    if (this.a.revenueSplit === null && c.revenue[i] !== revenueBefore) {
      // The first such edit sorts the revenues once; each later one moves one value.
      if (this.sortedRevenue) replaceSorted(this.sortedRevenue, revenueBefore, c.revenue[i]!);
      else this.sortedRevenue = Float64Array.from(c.revenue).sort();
      this.medianRevenue = medianOfSorted(this.sortedRevenue);
    }
    if (m.profit[i] !== profitBefore) {
      const from = reorderAccount(this.order, m.profit, c.account, c.accountKey, i, profitBefore);
      this.peak = runningProfit(m.profit, this.order, this.cum, from);
    }
  }
}

/**
 * One look at a period's state. The figures and owners are worked out when
 * it is made; the segments, Pareto classes, whale curve and segment
 * summaries when first read (each a pass over the period that an edit
 * should not pay for a grid that draws forty rows). A result shares its
 * state with the next one an edit makes: read the newest.
 */
class PeriodResult implements SheetResult {
  readonly columns: SheetColumns;
  readonly metrics: AccountMetrics;
  readonly order: Uint32Array;
  readonly figures: PortfolioFigures;
  readonly byOwner: OwnerSummary[];
  readonly clvTotal: number;
  private readonly splits: Splits;
  private readonly positiveProfit: number;
  private segmentCache: Uint8Array | null = null;
  private classCache: Uint8Array | null = null;
  private whaleCache: Float64Array | null | undefined = undefined;
  private bySegmentCache: SegmentSummary[] | null = null;
  private byDimensionCache: Record<string, DimensionSummary[]> | null = null;

  /** `spare`: arrays of an earlier result that is done with, to fill instead of allocating. */
  constructor(
    private readonly state: PeriodState,
    private readonly spare: Partial<Record<'segment' | 'paretoClass' | 'whale', Uint8Array | Float64Array>> = {},
  ) {
    const { columns, metrics, order, tally, n } = state;
    this.columns = columns;
    this.metrics = metrics;
    this.order = order;
    this.splits = state.splits();
    this.positiveProfit = valueAt(tally, T.positiveProfit);
    const profit = valueAt(tally, T.revenue) - valueAt(tally, T.totalCost);
    this.figures = portfolioFigures(tally, n, this.splits, whaleFigures(state.cum, state.peak, profit));
    this.byOwner = ownerSummaries(columns.owners, state.owners, this.figures.profit);
    this.clvTotal = valueAt(tally, T.clv);
  }

  get segment(): Uint8Array {
    this.segmentCache ??= segmentAccounts(this.columns, this.metrics.margin, this.splits, this.spareOf('segment', Uint8Array));
    return this.segmentCache;
  }

  get paretoClass(): Uint8Array {
    this.classCache ??= paretoClasses(this.metrics.profit, this.order, this.state.cum, this.positiveProfit, this.spareOf('paretoClass', Uint8Array));
    return this.classCache;
  }

  get whale(): Float64Array | null {
    if (this.whaleCache === undefined) this.whaleCache = whaleCurve(this.state.cum, this.figures.profit, this.spareOf('whale', Float64Array));
    return this.whaleCache;
  }

  get bySegment(): SegmentSummary[] {
    this.bySegmentCache ??= segmentSummaries(this.columns, this.metrics, this.segment, this.figures.profit);
    return this.bySegmentCache;
  }

  get byDimension(): Record<string, DimensionSummary[]> {
    this.byDimensionCache ??= Object.fromEntries(this.columns.dimensions.map((d) => [d.name, dimensionSummaries(this.columns, this.metrics, d, this.figures.profit)]));
    return this.byDimensionCache;
  }

  segmentAt(i: number): number {
    return this.segmentCache ? this.segmentCache[i]! : segmentOf(this.columns, this.metrics.margin, this.splits, i);
  }

  paretoClassAt(i: number): number {
    if (this.classCache) return this.classCache[i]!;
    const k = this.state.position(i);
    return paretoClassOf(this.metrics.profit[i]!, k > 0 ? this.state.cum[k - 1]! : 0, this.positiveProfit);
  }

  private spareOf<A extends Uint8Array | Float64Array>(name: 'segment' | 'paretoClass' | 'whale', kind: { new (n: number): A }): A | undefined {
    const a = this.spare[name];
    return a instanceof kind && a.length === this.columns.n ? (a as A) : undefined;
  }

  /** Arrays this result has built, for a recompute that replaces it to fill again. */
  static sparesOf(r: SheetResult): PeriodResult['spare'] {
    if (!(r instanceof PeriodResult)) return {};
    return { segment: r.segmentCache ?? undefined, paretoClass: r.classCache ?? undefined, whale: r.whaleCache ?? undefined };
  }

  /** The state behind this result, for editAccount. */
  static stateOf(r: SheetResult): PeriodState | null {
    return r instanceof PeriodResult ? r.state : null;
  }
}

/**
 * DOMAIN.md, all of "Per-account metrics", "Segmentation" and "Portfolio
 * metrics" for one period, from its columns: one pass for the metrics and
 * the sums, one sort for the whale curve and the Pareto classes together.
 * `replacing`: the result this one replaces (the same period before an
 * assumption changed, say), whose memory it computes into rather than
 * leaving 15 MB a recompute at 100,000 accounts to the collector; that
 * result must not be read afterwards.
 */
export function computeColumns(columns: SheetColumns, a: Assumptions, replacing?: SheetResult): SheetResult {
  if (!replacing) return new PeriodResult(PeriodState.compute(columns, a, null));
  return new PeriodResult(PeriodState.compute(columns, a, PeriodResult.stateOf(replacing)), PeriodResult.sparesOf(replacing));
}

/**
 * What a computed period is made of, all typed arrays and numbers: what a
 * Web Worker sends back (the arrays transferred, not copied) for the window
 * to make the result from at once.
 */
export interface ResultParts {
  readonly metrics: AccountMetrics;
  /** The portfolio's sums and counts (tally.ts). */
  readonly tally: Float64Array;
  /** The owners' sums, four slots each, no owner first (portfolio.ts). */
  readonly owners: Float64Array;
  /** Account indices by profit, highest first. */
  readonly order: Uint32Array;
  /** The running profit along the order. */
  readonly cum: Float64Array;
  /** Its highest value. */
  readonly peak: number;
  /** The median account revenue (NaN when the assumptions set the revenue split). */
  readonly medianRevenue: number;
}

export function resultParts(r: SheetResult): ResultParts {
  const state = PeriodResult.stateOf(r);
  if (!state) throw new Error('resultParts needs a result of computeColumns');
  return state.parts();
}

/** The result whose parts these are, computed from `columns` under `a`: what computeColumns gave, without computing again. */
export function resultFromParts(columns: SheetColumns, a: Assumptions, parts: ResultParts): SheetResult {
  return new PeriodResult(new PeriodState(columns, a, parts));
}

/**
 * Every metric of the period again after account i's inputs change: `write`
 * changes them in `r.columns` (and nothing else: not the account's name,
 * owner or pinned segment, nor the number of accounts, which need
 * computeColumns). The account is taken out of the sums and put back, moved
 * in the profit order, and the running profit redone from where it moved,
 * so an edit costs about what one account moves. `r` is spent: its state
 * now belongs to the result returned.
 */
export function editAccount(r: SheetResult, i: number, write: () => void): SheetResult {
  const state = PeriodResult.stateOf(r);
  if (!state) throw new Error('editAccount needs a result of computeColumns');
  state.edit(i, write);
  return new PeriodResult(state);
}


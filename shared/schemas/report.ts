import { z } from 'zod';
import { Assumptions } from './assumptions';
import { NPS_CATEGORIES, PARETO_CLASSES, SEGMENTS } from './fields';
import { SheetRowShape } from './row';
import { PlanVariance } from './plan';

const ratio = z.number().nullable();

/** DOMAIN.md, "Per-account metrics", beside the inputs they come from. */
export const AccountResult = SheetRowShape.extend({
  /** The account's value for each of the workbook's dimensions, null where it has none. */
  dimensions: z.record(z.string(), z.string().nullable()),
  totalCost: z.number(),
  profit: z.number(),
  margin: ratio,
  roi: ratio,
  costToRevenue: ratio,
  costToServe: z.number(),
  interactionCost: z.number(),
  revenuePerInteraction: z.number().nullable(),
  clv: z.number(),
  lifetimeProfit: z.number().nullable(),
  valueMultiple: ratio,
  expansionShare: ratio,
  npsCategory: z.enum(NPS_CATEGORIES).nullable(),
  segment: z.enum(SEGMENTS),
  paretoClass: z.enum(PARETO_CLASSES),
});
export type AccountResult = z.output<typeof AccountResult>;

const groupFigures = {
  count: z.number().int(),
  revenue: z.number(),
  totalCost: z.number(),
  profit: z.number(),
  roi: ratio,
  /** Share of portfolio profit; null when the portfolio makes no profit. */
  profitShare: ratio,
};

export const SegmentSummary = z.object({ segment: z.enum(SEGMENTS), focus: z.string(), ...groupFigures });
export type SegmentSummary = z.output<typeof SegmentSummary>;
export const OwnerSummary = z.object({ owner: z.string().nullable(), ...groupFigures });
export type OwnerSummary = z.output<typeof OwnerSummary>;
/** One value of a dimension (DOMAIN.md, "Dimensions"): the shape of OwnerSummary with `value` for `owner`; null gathers the accounts with no value. */
export const DimensionSummary = z.object({ value: z.string().nullable(), ...groupFigures });
export type DimensionSummary = z.output<typeof DimensionSummary>;

export const WhalePoint = z.object({ x: z.number(), y: z.number() });

/** DOMAIN.md, "Portfolio metrics (one period)". */
export const Portfolio = z.object({
  count: z.number().int(),
  revenue: z.number(),
  presale: z.number(),
  production: z.number(),
  distribution: z.number(),
  service: z.number(),
  labour: z.number(),
  totalCost: z.number(),
  profit: z.number(),
  interactionCost: z.number(),
  meetings: z.number(),
  calls: z.number(),
  roi: ratio,
  margin: ratio,
  /** Total cost / revenue of the portfolio; above 1 it costs more than it brings. */
  costToRevenue: ratio,
  /** The splits the matrix used: the assumption when set, else the period's median revenue and margin. */
  revenueSplit: z.number(),
  marginSplit: z.number(),
  whaleCurve: z.array(WhalePoint).nullable(),
  whalePeak: ratio,
  top20Share: ratio,
  lossMakers: z.number().int(),
  profitGivenBack: z.number(),
  churnRate: ratio,
  nps: z.number().nullable(),
  csat: ratio,
  upsell: z.number(),
  crossSell: z.number(),
  referrals: z.number(),
  referralRate: ratio,
  bySegment: z.array(SegmentSummary),
  byOwner: z.array(OwnerSummary),
  /** Per dimension of the workbook, by its name: one entry per value. */
  byDimension: z.record(z.string(), z.array(DimensionSummary)),
});
export type Portfolio = z.output<typeof Portfolio>;

/** A plan's portfolio: the one-number figures of the plan's rows (trends.ts's PortfolioFigures, the lists left out). */
export const PlanFigures = Portfolio.omit({ whaleCurve: true, bySegment: true, byOwner: true, byDimension: true });
export type PlanFigures = z.output<typeof PlanFigures>;

/** What `cpw report --json` prints and `report.get` returns; `plan` and `variance` when the period has a plan. */
export const Report = z.object({
  period: z.string(),
  currency: z.string(),
  assumptions: Assumptions,
  accounts: z.array(AccountResult),
  portfolio: Portfolio,
  plan: PlanFigures.optional(),
  variance: PlanVariance.optional(),
});
export type Report = z.output<typeof Report>;

import { z } from 'zod';
import { SEGMENTS } from './fields';
import { Portfolio } from './report';

/** Portfolio figures that are one number each: what trends chart and scenarios compare. */
export const PortfolioFigures = Portfolio.omit({ whaleCurve: true, bySegment: true, byOwner: true, byDimension: true });
export type PortfolioFigures = z.output<typeof PortfolioFigures>;
export const PORTFOLIO_FIGURE_KEYS = Object.keys(PortfolioFigures.shape) as (keyof PortfolioFigures)[];

export const PeriodTrend = z.object({ period: z.string(), portfolio: PortfolioFigures });

export const AccountTrendPoint = z
  .object({
    period: z.string(),
    profit: z.number(),
    roi: z.number().nullable(),
    segment: z.enum(SEGMENTS),
    /** What placed it in its segment: its revenue and margin against the period's splits, unless the segment is pinned. */
    revenue: z.number(),
    margin: z.number().nullable(),
    pinned: z.boolean(),
  })
  .nullable();

export const AccountTrend = z.object({ account: z.string(), points: z.array(AccountTrendPoint) });

export const SegmentChange = z.object({
  account: z.string(),
  fromPeriod: z.string(),
  toPeriod: z.string(),
  from: z.enum(SEGMENTS),
  to: z.enum(SEGMENTS),
});

/** DOMAIN.md, "Periods": the portfolio per period, each account over time, and who moved segment. */
export const Trends = z.object({
  periods: z.array(PeriodTrend),
  accounts: z.array(AccountTrend),
  segmentChanges: z.array(SegmentChange),
});
export type Trends = z.output<typeof Trends>;

/** Each one-number portfolio figure, scenario minus baseline (null where either is null). */
export const PortfolioDifference = z.record(z.string(), z.number().nullable());

export const ScenarioResult = z.object({
  name: z.string().nullable(),
  period: z.string(),
  baseline: Portfolio,
  scenario: Portfolio,
  difference: PortfolioDifference,
});
export type ScenarioResult = z.output<typeof ScenarioResult>;

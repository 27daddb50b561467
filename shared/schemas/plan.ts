import { z } from 'zod';

/**
 * DOMAIN.md, "Plan, dimensions": a period's plan beside its actuals, and
 * the variance, actual - plan, for the money sums, profit and counts; for
 * margin and roi the difference of the two ratios (shown in points).
 */

/** The portfolio figures a variance is taken of, in the portfolio's order: sums and counts, then the two ratios. */
export const VARIANCE_SUMS = ['count', 'revenue', 'presale', 'production', 'distribution', 'service', 'labour', 'totalCost', 'profit', 'interactionCost', 'meetings', 'calls'] as const;
export const VARIANCE_RATIOS = ['roi', 'margin'] as const;
export type VarianceSum = (typeof VARIANCE_SUMS)[number];
export type VarianceRatio = (typeof VARIANCE_RATIOS)[number];

/** Actual minus plan, figure by figure; a ratio's difference is null when either side has none. */
export const PlanVariance = z.object({
  ...(Object.fromEntries(VARIANCE_SUMS.map((k) => [k, z.number()])) as Record<VarianceSum, z.ZodNumber>),
  ...(Object.fromEntries(VARIANCE_RATIOS.map((k) => [k, z.number().nullable()])) as Record<VarianceRatio, z.ZodNullable<z.ZodNumber>>),
});
export type PlanVariance = z.output<typeof PlanVariance>;

/** What filling a period's rows (or its plan) into empty cells only did. */
export const FillResult = z.object({
  /** The period filled, and where its values came from: another period, or its own actuals. */
  period: z.string(),
  from: z.string(),
  /** Accounts the target lacked, added as copies. */
  accounts: z.number().int(),
  /** Blank cells that took the source's value. */
  cells: z.number().int(),
  /** Blank upsell or cross-sell cells left blank, since the source's value would take upsell + cross-sell above revenue. */
  kept: z.number().int(),
});
export type FillResult = z.output<typeof FillResult>;

/** A plan made from the period's actuals: replaced whole, or filled into its empty cells only. */
export const PlanCopyResult = FillResult.extend({ emptyOnly: z.boolean(), planRows: z.number().int() });
export type PlanCopyResult = z.output<typeof PlanCopyResult>;

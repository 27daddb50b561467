import { z } from 'zod';

/**
 * DOMAIN.md, "Assumptions". `revenueSplit` and `marginSplit` are null when the
 * period's own median revenue and portfolio margin apply.
 */
export const AssumptionsShape = z.object({
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, { error: 'currency must be an ISO 4217 code such as USD or EUR' })
    .default('USD'),
  dailyRate: z.number().min(0, { error: 'dailyRate must be 0 or more' }).default(1000),
  hoursPerDay: z.number().gt(0, { error: 'hoursPerDay must be more than 0' }).max(24).default(8),
  meetingHours: z.number().min(0, { error: 'meetingHours must be 0 or more' }).default(1.6),
  callHours: z.number().min(0, { error: 'callHours must be 0 or more' }).default(0.4),
  revenueSplit: z.number().min(0, { error: 'revenueSplit must be 0 or more' }).nullable().default(null),
  marginSplit: z.number().nullable().default(null),
  defaultLifespanYears: z.number().min(0, { error: 'defaultLifespanYears must be 0 or more' }).default(3),
  investThreshold: z.number().min(0, { error: 'investThreshold must be 0 or more' }).default(3),
  reviewThreshold: z.number().min(0, { error: 'reviewThreshold must be 0 or more' }).default(1),
});

export const THRESHOLD_RULE = 'reviewThreshold must not exceed investThreshold';

export const Assumptions = AssumptionsShape.refine((a) => a.reviewThreshold <= a.investThreshold, {
  error: THRESHOLD_RULE,
  path: ['reviewThreshold'],
});
export type Assumptions = z.output<typeof Assumptions>;

export const AssumptionsPatch = AssumptionsShape.partial().strict();
export type AssumptionsPatch = z.input<typeof AssumptionsPatch>;

export const ASSUMPTION_KEYS = Object.keys(AssumptionsShape.shape) as (keyof Assumptions)[];

export const DEFAULT_ASSUMPTIONS: Assumptions = Assumptions.parse({});

import { z } from 'zod';
import { MAX_AMOUNT, TOO_LARGE } from '../text/numbers';

/** Bounds that keep every figure computed from an assumption finite: a typo of many zeros is refused, not met as Infinity. */
const atMost = (what: string, max: number) => ({ error: `${what} ${max === MAX_AMOUNT ? TOO_LARGE : `must be at most ${max.toLocaleString('en-US')}`}` });

/**
 * DOMAIN.md, "Assumptions". `revenueSplit` and `marginSplit` are null when the
 * period's own median revenue and portfolio margin apply.
 */
export const AssumptionsShape = z.object({
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, { error: 'Currency must be an ISO 4217 code such as USD or EUR' })
    .default('USD'),
  dailyRate: z.number().min(0, { error: 'Daily rate must be 0 or more' }).max(MAX_AMOUNT, atMost('Daily rate', MAX_AMOUNT)).default(1000),
  hoursPerDay: z.number().gt(0, { error: 'Hours per day must be more than 0' }).max(24).default(8),
  meetingHours: z.number().min(0, { error: 'Meeting hours must be 0 or more' }).max(10_000, atMost('Meeting hours', 10_000)).default(1.6),
  callHours: z.number().min(0, { error: 'Call hours must be 0 or more' }).max(10_000, atMost('Call hours', 10_000)).default(0.4),
  revenueSplit: z.number().min(0, { error: 'Revenue split must be 0 or more' }).max(MAX_AMOUNT, atMost('Revenue split', MAX_AMOUNT)).nullable().default(null),
  marginSplit: z.number().min(-1_000_000, { error: 'Margin split must be at least -1,000,000' }).max(1_000_000, atMost('Margin split', 1_000_000)).nullable().default(null),
  defaultLifespanYears: z.number().min(0, { error: 'Default lifespan must be 0 or more' }).max(1000, atMost('Default lifespan', 1000)).default(3),
  investThreshold: z.number().min(0, { error: 'Invest threshold must be 0 or more' }).max(1_000_000, atMost('Invest threshold', 1_000_000)).default(3),
  reviewThreshold: z.number().min(0, { error: 'Review threshold must be 0 or more' }).max(1_000_000, atMost('Review threshold', 1_000_000)).default(1),
});

export const THRESHOLD_RULE = 'Review threshold must not exceed investThreshold';

export const Assumptions = AssumptionsShape.refine((a) => a.reviewThreshold <= a.investThreshold, {
  error: THRESHOLD_RULE,
  path: ['reviewThreshold'],
});
export type Assumptions = z.output<typeof Assumptions>;

export const AssumptionsPatch = AssumptionsShape.partial().strict();
export type AssumptionsPatch = z.input<typeof AssumptionsPatch>;

export const ASSUMPTION_KEYS = Object.keys(AssumptionsShape.shape) as (keyof Assumptions)[];

export const DEFAULT_ASSUMPTIONS: Assumptions = Assumptions.parse({});

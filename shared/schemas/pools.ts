import { z } from 'zod';
import { BUCKETS } from './fields';
import { AccountName } from './row';

const Name = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} is required` })
    .max(100, { error: `${what} is longer than 100 characters` });

/** DOMAIN.md, "Cost pools": the levels of the customer cost hierarchy an activity may sit at. */
export const ACTIVITY_LEVELS = ['order', 'delivery', 'customer-sustaining', 'channel'] as const;
export type ActivityLevel = (typeof ACTIVITY_LEVELS)[number];

/** The name of a transaction line's attribute as an equation names it (a column of the lines file). */
const AttributeName = z
  .string({ error: 'attribute must be text' })
  .trim()
  .min(1, { error: 'attribute is required' })
  .max(100, { error: 'attribute is longer than 100 characters' });

/**
 * DOMAIN.md, "Time equations": one term of an activity's minutes for a
 * transaction line. No attribute: the base time of every line; an attribute
 * alone: minutes per unit of that numeric attribute; with `equals`: minutes
 * added when the attribute holds that text.
 */
export const EquationTerm = z
  .object({
    minutes: z.number({ error: 'minutes must be a number' }).min(0, { error: 'minutes must be 0 or more' }).max(1e6, { error: 'minutes must be at most 1,000,000' }),
    attribute: AttributeName.optional(),
    equals: z.string({ error: 'equals must be text' }).trim().min(1, { error: 'equals is empty: leave it out for a numeric attribute' }).max(100).optional(),
  })
  .refine((t) => t.equals === undefined || t.attribute !== undefined, { error: 'a term with equals needs the attribute it compares', path: ['equals'] });
export type EquationTerm = z.output<typeof EquationTerm>;

/**
 * DOMAIN.md, "Cost pools": an activity of a pool. Time-based by default
 * (minutesPerUnit, or a time equation over its transaction lines); with
 * costPerUnit it is rate-based: each unit of its driver costs that much.
 */
export const Activity = z
  .object({
    name: Name('activity'),
    minutesPerUnit: z.number({ error: 'minutesPerUnit must be a number' }).min(0, { error: 'minutesPerUnit must be 0 or more' }).max(1e6),
    costPerUnit: z.number({ error: 'costPerUnit must be a number' }).min(0, { error: 'costPerUnit must be 0 or more' }).max(1e12).optional(),
    level: z.enum(ACTIVITY_LEVELS, { error: `level must be one of ${ACTIVITY_LEVELS.join(', ')}` }).optional(),
    equation: z.array(EquationTerm).max(100, { error: 'an equation has at most 100 terms' }).default([]),
  })
  .refine((a) => a.costPerUnit === undefined || a.equation.length === 0, { error: 'an activity is costed by a rate or by minutes, not both: it has a cost per unit and a time equation', path: ['equation'] });
export type Activity = z.output<typeof Activity>;

/** How a pool passes its cost to other pools: a fixed split (shares adding to 100%), their share of a driver (headcount...), or their share of the minutes their activities use. */
export const FEED_BASES = ['split', 'driver', 'minutes'] as const;
export type FeedBasis = (typeof FEED_BASES)[number];

/** One pool a pool passes cost to: `share` is a fraction for a split, the receiver's quantity of the driver, and unused for minutes. */
export const PoolFeed = z.object({
  pool: Name('pool'),
  share: z.number({ error: 'share must be a number' }).min(0, { error: 'share must be 0 or more' }).max(1e12).default(0),
});
export type PoolFeed = z.output<typeof PoolFeed>;

/** DOMAIN.md, "Cost pools": what a team costs in the period, its practical capacity, the bucket it feeds. */
export const CostPool = z.object({
  name: Name('pool'),
  cost: z.number({ error: 'cost must be a number' }).min(0, { error: 'cost must be 0 or more' }).max(1e15),
  capacityMinutes: z.number({ error: 'capacityMinutes must be a number' }).gt(0, { error: 'capacityMinutes must be more than 0' }).max(1e12),
  bucket: z.enum(BUCKETS, { error: `bucket must be one of ${BUCKETS.join(', ')}` }),
  activities: z.array(Activity).default([]),
  /** DOMAIN.md, "Two stages": the pools this one passes its whole cost to (cost and what it received), before any activity reaches accounts. */
  feeds: z.array(PoolFeed).default([]),
  feedBy: z.enum(FEED_BASES, { error: `feedBy must be one of ${FEED_BASES.join(', ')}` }).default('split'),
});
export type CostPool = z.output<typeof CostPool>;

/** One account's count of one activity in the period (orders, tickets, visits...). */
export const DriverCount = z.object({
  account: AccountName,
  activity: Name('activity'),
  count: z.number({ error: 'count must be a number' }).min(0, { error: 'count must be 0 or more' }).max(1e12),
});
export type DriverCount = z.output<typeof DriverCount>;

/**
 * What one account's transaction lines of an activity hold, kept for the
 * activity's time equation: the sum of a numeric attribute (value ''), or
 * the number of lines whose attribute holds a text (value, case folded).
 * A million lines become a few figures per account.
 */
export const LineTotal = z.object({
  account: AccountName,
  activity: Name('activity'),
  attribute: AttributeName,
  value: z.string().max(100).default(''),
  amount: z.number({ error: 'amount must be a number' }).min(0, { error: 'amount must be 0 or more' }).max(1e15),
});
export type LineTotal = z.output<typeof LineTotal>;

export const ALLOCATION_MODES = ['add', 'replace'] as const;
export type AllocationMode = (typeof ALLOCATION_MODES)[number];
/** Per bucket: allocated amounts are added to what was typed, or replace it. */
const Mode = z.enum(ALLOCATION_MODES, { error: 'a bucket takes allocated amounts as add or replace' }).default('add');
export const AllocationModes = z.object({ presale: Mode, production: Mode, distribution: Mode, service: Mode, labour: Mode }) satisfies z.ZodType<
  Record<(typeof BUCKETS)[number], unknown>
>;
export type AllocationModes = z.output<typeof AllocationModes>;

/** A period's time-driven costing: its pools with their activities, the driver counts, and how each bucket takes them. */
export const PoolSetup = z.object({
  pools: z.array(CostPool),
  drivers: z.array(DriverCount),
  modes: AllocationModes,
  lines: z.array(LineTotal).default([]),
});
export type PoolSetup = z.output<typeof PoolSetup>;

/**
 * `cpw allocate --json`, pools: DOMAIN.md's rate, usedMinutes, allocated and
 * unused of each pool; with two stages its stage, what it received from
 * pools before it and passed to pools after it. rate = (cost + received) /
 * capacityMinutes; unused = cost + received - allocated - passed (below 0
 * when over capacity).
 */
export const PoolFigures = z.object({
  pool: z.string(),
  cost: z.number(),
  capacityMinutes: z.number(),
  rate: z.number(),
  usedMinutes: z.number(),
  allocated: z.number(),
  unused: z.number(),
  stage: z.number().int(),
  received: z.number(),
  passed: z.number(),
});
export type PoolFigures = z.output<typeof PoolFigures>;

/** `cpw allocate --json`, allocations: one account's share of one activity of a pool. */
export const AllocationLine = z.object({
  account: z.string(),
  pool: z.string(),
  activity: z.string(),
  bucket: z.enum(BUCKETS),
  amount: z.number(),
  /** How it was costed: minutes per unit, a time equation over the lines, or a cost per unit. */
  kind: z.enum(['time', 'equation', 'rate']),
  level: z.enum(ACTIVITY_LEVELS).nullable(),
  /** The driver count (lines, orders...). */
  count: z.number(),
  /** The minutes it took (null for a rate-based activity). */
  minutes: z.number().nullable(),
  /** The exact rate used: per minute for time, per unit for a rate. */
  rate: z.number(),
});
export type AllocationLine = z.output<typeof AllocationLine>;

export const Allocation = z.object({ pools: z.array(PoolFigures), allocations: z.array(AllocationLine) });
export type Allocation = z.output<typeof Allocation>;

/**
 * `cpw allocate --balance`, one pool: DOMAIN.md's tie-out, cost + received =
 * toAccounts + toPools + unused - overCapacity, to the cent (balanced).
 */
export const PoolBalance = z.object({
  pool: z.string(),
  stage: z.number().int(),
  cost: z.number(),
  received: z.number(),
  toAccounts: z.number(),
  toPools: z.number(),
  unused: z.number(),
  overCapacity: z.number(),
  balanced: z.boolean(),
});
export type PoolBalance = z.output<typeof PoolBalance>;

/** One bucket summed over the period's accounts before and after the allocation: after = before + allocated (add) or allocated (replace). */
export const BucketBalance = z.object({
  bucket: z.enum(BUCKETS),
  mode: z.enum(ALLOCATION_MODES),
  before: z.number(),
  allocated: z.number(),
  after: z.number(),
  balanced: z.boolean(),
});
export type BucketBalance = z.output<typeof BucketBalance>;

export const Balance = z.object({
  pools: z.array(PoolBalance),
  buckets: z.array(BucketBalance),
  /** The whole period: every pool's own cost = to accounts + unused - over capacity (what passes between pools cancels out). */
  total: z.object({ cost: z.number(), toAccounts: z.number(), unused: z.number(), overCapacity: z.number(), balanced: z.boolean() }),
});
export type Balance = z.output<typeof Balance>;

/** One contribution to an account's allocated cost, and the pools its money came from (two stages). */
export const TraceLine = AllocationLine.extend({
  stage: z.number().int(),
  /** The account's amount split by where the pool's cost came from: the pool itself and each pool that passed cost to it, earlier stages included. */
  sources: z.array(z.object({ pool: z.string(), amount: z.number() })),
});
export type TraceLine = z.output<typeof TraceLine>;

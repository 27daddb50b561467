import { z } from 'zod';
import { BUCKETS } from './fields';
import { AccountName } from './row';

const Name = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} is required` })
    .max(100, { error: `${what} is longer than 100 characters` });

/** DOMAIN.md, "Cost pools": an activity of a pool and the minutes one unit of it takes. */
export const Activity = z.object({
  name: Name('activity'),
  minutesPerUnit: z.number({ error: 'minutesPerUnit must be a number' }).min(0, { error: 'minutesPerUnit must be 0 or more' }).max(1e6),
});
export type Activity = z.output<typeof Activity>;

/** DOMAIN.md, "Cost pools": what a team costs in the period, its practical capacity, the bucket it feeds. */
export const CostPool = z.object({
  name: Name('pool'),
  cost: z.number({ error: 'cost must be a number' }).min(0, { error: 'cost must be 0 or more' }).max(1e15),
  capacityMinutes: z.number({ error: 'capacityMinutes must be a number' }).gt(0, { error: 'capacityMinutes must be more than 0' }).max(1e12),
  bucket: z.enum(BUCKETS, { error: `bucket must be one of ${BUCKETS.join(', ')}` }),
  activities: z.array(Activity).default([]),
});
export type CostPool = z.output<typeof CostPool>;

/** One account's count of one activity in the period (orders, tickets, visits...). */
export const DriverCount = z.object({
  account: AccountName,
  activity: Name('activity'),
  count: z.number({ error: 'count must be a number' }).min(0, { error: 'count must be 0 or more' }).max(1e12),
});
export type DriverCount = z.output<typeof DriverCount>;

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
});
export type PoolSetup = z.output<typeof PoolSetup>;

/** `cpw allocate --json`, pools: DOMAIN.md's rate, usedMinutes, allocated and unused of each pool. */
export const PoolFigures = z.object({
  pool: z.string(),
  cost: z.number(),
  capacityMinutes: z.number(),
  rate: z.number(),
  usedMinutes: z.number(),
  allocated: z.number(),
  unused: z.number(),
});
export type PoolFigures = z.output<typeof PoolFigures>;

/** `cpw allocate --json`, allocations: one account's share of one activity of a pool. */
export const AllocationLine = z.object({
  account: z.string(),
  pool: z.string(),
  activity: z.string(),
  bucket: z.enum(BUCKETS),
  amount: z.number(),
});
export type AllocationLine = z.output<typeof AllocationLine>;

export const Allocation = z.object({ pools: z.array(PoolFigures), allocations: z.array(AllocationLine) });
export type Allocation = z.output<typeof Allocation>;

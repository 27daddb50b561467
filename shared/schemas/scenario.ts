import { z } from 'zod';
import { SCALABLE_FIELDS } from './fields';
import { AccountName, Segment } from './row';
import { isReservedKey } from './dimensions';

/** Which accounts an adjustment applies to; empty means all. */
export const Where = z
  .object({
    segment: Segment.optional(),
    owner: z.string().trim().min(1).optional(),
    accounts: z.array(AccountName).min(1).optional(),
    /** Values of the workbook's dimensions, by dimension name (`region=EMEA`): an account matches when it has every one. */
    dimensions: z
      .record(
        z.string().trim().min(1).max(40).refine((k) => !isReservedKey(k), { error: 'a dimension cannot be called __proto__' }),
        z.string().trim().min(1).max(200),
      )
      .optional(),
  })
  .strict();
export type Where = z.output<typeof Where>;

export const ScaleAdjustment = z.object({
  kind: z.literal('scale'),
  field: z.enum(SCALABLE_FIELDS, { error: `field must be one of ${SCALABLE_FIELDS.join(', ')}` }),
  /** Percent change: -30 cuts by 30%. A field cannot go below zero. */
  pct: z.number().min(-100, { error: 'a scale cannot go below -100%' }).max(100_000),
  where: Where.default({}),
});

export const DropAdjustment = z.object({
  kind: z.literal('drop'),
  where: Where.refine((w) => w.segment !== undefined || w.owner !== undefined || w.accounts !== undefined || Object.keys(w.dimensions ?? {}).length > 0, {
    error: 'drop needs a segment, an owner, a dimension value or accounts',
  }),
});

export const Adjustment = z.discriminatedUnion('kind', [ScaleAdjustment, DropAdjustment]);
export type Adjustment = z.output<typeof Adjustment>;

export const Scenario = z.object({
  name: z.string().trim().min(1, { error: 'scenario name is required' }).max(100),
  adjustments: z.array(Adjustment),
});
export type Scenario = z.output<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;

/** An adjustment in words, as the scenarios view and the printed report list it: "Cut service by 30% for segment Reassess". */
export function describeAdjustment(a: Adjustment): string {
  const where = [
    a.where.segment && `segment ${a.where.segment}`,
    a.where.owner && `owner ${a.where.owner}`,
    ...Object.entries(a.where.dimensions ?? {}).map(([name, value]) => `${name} ${value}`),
    a.where.accounts && `accounts ${a.where.accounts.join(', ')}`,
  ]
    .filter(Boolean)
    .join(', ');
  if (a.kind === 'drop') return `Drop ${where}`;
  return `${a.pct >= 0 ? 'Raise' : 'Cut'} ${a.field} by ${Math.abs(a.pct)}%${where ? ` for ${where}` : ' for all accounts'}`;
}

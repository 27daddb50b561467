import { z } from 'zod';
import { MAX_AMOUNT, TOO_LARGE } from '../text/numbers';
import { AccountName } from './row';

export const INTERACTION_KINDS = ['meeting', 'call', 'visit', 'workshop', 'other'] as const;
export const VALUED = ['yes', 'no', 'unknown'] as const;
export const VERDICTS = ['Invest', 'Review', 'Skip'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Each field of an interaction as a person names it: the pre-call form, the log reader's messages and these rules say the same words. */
export const INTERACTION_LABELS = {
  account: 'Account',
  date: 'Date',
  kind: 'Kind',
  hours: 'Hours',
  prepHours: 'Prep hours',
  attendees: 'Attendees',
  travel: 'Travel cost',
  projectedRevenue: 'Projected revenue',
  winProbability: 'Win probability',
  valued: 'Customer valued',
  note: 'Note',
} as const;
const L = INTERACTION_LABELS;

const hours = (what: string) => z.number().min(0, { error: `${what} must be 0 or more` }).max(10_000);

/** What an interaction costs and may return: the inputs of the pre-call check. */
export const InteractionPlan = z.object({
  hours: hours(L.hours),
  prepHours: hours(L.prepHours).default(0),
  attendees: z.number().int({ error: `${L.attendees} must be a whole number` }).min(1, { error: `${L.attendees} must be 1 or more` }).default(1),
  travel: z.number().min(0, { error: `${L.travel} must be 0 or more` }).max(MAX_AMOUNT, { error: `${L.travel} ${TOO_LARGE}` }).default(0),
  projectedRevenue: z.number().min(0, { error: `${L.projectedRevenue} must be 0 or more` }).max(MAX_AMOUNT, { error: `${L.projectedRevenue} ${TOO_LARGE}` }).default(0),
  winProbability: z
    .number()
    .min(0, { error: `${L.winProbability} must be from 0% to 100%` })
    .max(1, { error: `${L.winProbability} must be from 0% to 100%` })
    .default(0),
});
export type InteractionPlan = z.output<typeof InteractionPlan>;
export type InteractionPlanInput = z.input<typeof InteractionPlan>;

/** DOMAIN.md, "Interactions": one logged (or planned) interaction. */
export const Interaction = InteractionPlan.extend({
  id: z.number().int().optional(),
  account: AccountName,
  date: z.iso.date({ error: 'date must be a date written YYYY-MM-DD' }),
  kind: z.enum(INTERACTION_KINDS, { error: `kind must be one of ${INTERACTION_KINDS.join(', ')}` }),
  valued: z.enum(VALUED, { error: 'valued must be yes, no or unknown' }).default('unknown'),
  planned: z.boolean().default(false),
  note: z.string().max(2000).nullable().default(null),
});
export type Interaction = z.output<typeof Interaction>;
export type InteractionInput = z.input<typeof Interaction>;

export const PreCallResult = z.object({
  cost: z.number(),
  expectedReturn: z.number(),
  returnMultiple: z.number().nullable(),
  verdict: z.enum(VERDICTS),
});
export type PreCallResult = z.output<typeof PreCallResult>;

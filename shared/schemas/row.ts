import { z } from 'zod';
import { MAX_AMOUNT, TOO_LARGE } from '../text/numbers';
import { INPUT_FIELDS, SEGMENTS, STATUSES, ZERO_WHEN_ABSENT, type InputField, type SegmentName, type StatusName } from './fields';

/** The fields that are null when a row does not give them. */
const NULL_WHEN_ABSENT = ['owner', 'segmentOverride', 'csat', 'nps', 'upsell', 'crossSell', 'referrals', 'valueDelivered', 'avgOrderValue', 'purchasesPerYear', 'lifespanYears'] as const satisfies readonly InputField[];

const money = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .min(0, { error: `${what} must be 0 or more` })
    .max(MAX_AMOUNT, { error: `${what} ${TOO_LARGE}` });
const count = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .int({ error: `${what} must be a whole number` })
    .min(0, { error: `${what} must be 0 or more` })
    .max(MAX_AMOUNT, { error: `${what} ${TOO_LARGE}` });

/**
 * Text as one form of Unicode (NFC): "Müller" typed on Windows and written
 * by macOS (u + combining diaeresis) are one name. Plain ASCII is already so.
 */
const ASCII = /^[ -~\t\n\r]*$/;
export const nfc = (text: string): string => (ASCII.test(text) ? text : text.normalize('NFC'));

/**
 * An account's name, trimmed, in one Unicode form, and with inner runs of
 * spaces made one, so "Acme  Corp" and "Acme Corp" are one account.
 */
export const AccountName = z
  .string({ error: 'account must be text' })
  .trim()
  .min(1, { error: 'account name is required' })
  .max(200, { error: 'account name is longer than 200 characters' })
  .transform((name) => nfc(name).replace(/\s+/g, ' '));

export const Segment = z.enum(SEGMENTS, { error: `segment must be one of ${SEGMENTS.join(', ')}` });
export const Status = z.enum(STATUSES, { error: `status must be one of ${STATUSES.join(', ')}` });

const rating = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} must be a number` })
    .int({ error: `${what} must be a whole number from ${min} to ${max}` })
    .min(min, { error: `${what} must be from ${min} to ${max}` })
    .max(max, { error: `${what} must be from ${min} to ${max}` });

/** Each input field's rule, without defaults: a patch names only what it changes. */
const FIELD_RULES = {
  account: AccountName,
  owner: z
    .string({ error: 'owner must be text' })
    .trim()
    .max(200, { error: 'owner is longer than 200 characters' })
    .transform((o) => (o === '' ? null : nfc(o)))
    .nullable(),
  segmentOverride: Segment.nullable(),
  revenue: money('revenue'),
  presale: money('presale'),
  production: money('production'),
  distribution: money('distribution'),
  service: money('service'),
  labour: money('labour'),
  meetings: count('meetings'),
  calls: count('calls'),
  csat: rating('csat', 1, 5).nullable(),
  nps: rating('nps', 0, 10).nullable(),
  status: Status,
  upsell: money('upsell').nullable(),
  crossSell: money('crossSell').nullable(),
  referrals: count('referrals').nullable(),
  valueDelivered: money('valueDelivered').nullable(),
  avgOrderValue: money('avgOrderValue').nullable(),
  purchasesPerYear: money('purchasesPerYear').nullable(),
  lifespanYears: money('lifespanYears').nullable(),
};

/** The shape of a row without the cross-field rule, so it can be extended; absent fields take DOMAIN.md's defaults. */
export const SheetRowShape = z.object({
  account: FIELD_RULES.account,
  owner: FIELD_RULES.owner.default(null),
  segmentOverride: FIELD_RULES.segmentOverride.default(null),
  revenue: FIELD_RULES.revenue,
  presale: FIELD_RULES.presale.default(0),
  production: FIELD_RULES.production.default(0),
  distribution: FIELD_RULES.distribution.default(0),
  service: FIELD_RULES.service.default(0),
  labour: FIELD_RULES.labour.default(0),
  meetings: FIELD_RULES.meetings.default(0),
  calls: FIELD_RULES.calls.default(0),
  csat: FIELD_RULES.csat.default(null),
  nps: FIELD_RULES.nps.default(null),
  status: FIELD_RULES.status.default('active'),
  upsell: FIELD_RULES.upsell.default(null),
  crossSell: FIELD_RULES.crossSell.default(null),
  referrals: FIELD_RULES.referrals.default(null),
  valueDelivered: FIELD_RULES.valueDelivered.default(null),
  avgOrderValue: FIELD_RULES.avgOrderValue.default(null),
  purchasesPerYear: FIELD_RULES.purchasesPerYear.default(null),
  lifespanYears: FIELD_RULES.lifespanYears.default(null),
});

/** DOMAIN.md: upsell and crossSell are revenue inside `revenue`, together at most `revenue`. */
export const EXPANSION_RULE = 'upsell + crossSell must not exceed revenue';

export function expansionWithinRevenue(r: {
  revenue: number;
  upsell: number | null;
  crossSell: number | null;
}): boolean {
  // A relative tolerance keeps 0.1 + 0.2 style sums from failing a row the user typed exactly.
  return (r.upsell ?? 0) + (r.crossSell ?? 0) <= r.revenue * (1 + 1e-12) + 1e-9;
}

/** One account's inputs for one period (DOMAIN.md, "Inputs"). */
export const SheetRow = SheetRowShape.refine(expansionWithinRevenue, {
  error: EXPANSION_RULE,
  path: ['upsell'],
});
export type SheetRow = z.output<typeof SheetRow>;
export type SheetRowInput = z.input<typeof SheetRow>;

/** A change to one row: only the fields it names, the account name included (a rename). */
export const SheetRowPatch = z.object(FIELD_RULES).partial().strict();
export type SheetRowPatch = z.input<typeof SheetRowPatch>;

const isMoney = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= MAX_AMOUNT;
const isOptionalMoney = (v: unknown) => v === null || isMoney(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= MAX_AMOUNT;
const inRange = (v: unknown, min: number, max: number) => v === null || (typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max);
/** A name SheetRow would keep as it is: trimmed, 1 to 200 characters, no run of spaces or other white space. */
const isPlainName = (v: unknown): v is string =>
  typeof v === 'string' && v.length >= 1 && v.length <= 200 && !/^\s|\s$|\s\s|[^\S ]/.test(v) && nfc(v) === v;
const isPlainOwner = (v: unknown) => v === null || (typeof v === 'string' && v.length >= 1 && v.length <= 200 && v === v.trim() && nfc(v) === v);

/**
 * The row SheetRow.parse would give, for input it can vouch for without
 * running the schema: every value already of its type and inside its rule,
 * no text that the schema would change. Anything else, or any doubt, is
 * null, and SheetRow decides with its own messages. An import of 100,000
 * rows checks each this way in a fraction of the schema's time; a property
 * test holds it to SheetRow (the same row, or null).
 */
export function vouchedRow(c: Readonly<Record<string, unknown>>): SheetRow | null {
  const r = blankRow();
  for (const f of INPUT_FIELDS) r[f] = c[f];
  return vouchRowInPlace(r);
}

/** A row with every field absent, in SheetRow's order: one shape for every row an import builds. */
export const blankRow = (): Record<InputField, unknown> => ({
  account: undefined,
  owner: undefined,
  segmentOverride: undefined,
  revenue: undefined,
  presale: undefined,
  production: undefined,
  distribution: undefined,
  service: undefined,
  labour: undefined,
  meetings: undefined,
  calls: undefined,
  csat: undefined,
  nps: undefined,
  status: undefined,
  upsell: undefined,
  crossSell: undefined,
  referrals: undefined,
  valueDelivered: undefined,
  avgOrderValue: undefined,
  purchasesPerYear: undefined,
  lifespanYears: undefined,
});

/**
 * vouchedRow for a blankRow the import has filled: the defaults go into the
 * same object, which is the row when vouched for, so an import of 100,000
 * rows makes one object a row, not two.
 */
export function vouchRowInPlace(r: Record<InputField, unknown>): SheetRow | null {
  // A default stands in for a field that is absent; null is a value, which only the nullable fields take.
  for (const f of NULL_WHEN_ABSENT) if (r[f] === undefined) r[f] = null;
  for (const f of ZERO_WHEN_ABSENT) if (r[f] === undefined) r[f] = 0;
  if (r.status === undefined) r.status = 'active';
  const vouched =
    isPlainName(r.account) &&
    isPlainOwner(r.owner) &&
    (r.segmentOverride === null || SEGMENTS.includes(r.segmentOverride as SegmentName)) &&
    isMoney(r.revenue) &&
    isMoney(r.presale) &&
    isMoney(r.production) &&
    isMoney(r.distribution) &&
    isMoney(r.service) &&
    isMoney(r.labour) &&
    isCount(r.meetings) &&
    isCount(r.calls) &&
    inRange(r.csat, 1, 5) &&
    inRange(r.nps, 0, 10) &&
    STATUSES.includes(r.status as StatusName) &&
    isOptionalMoney(r.upsell) &&
    isOptionalMoney(r.crossSell) &&
    (r.referrals === null || isCount(r.referrals)) &&
    isOptionalMoney(r.valueDelivered) &&
    isOptionalMoney(r.avgOrderValue) &&
    isOptionalMoney(r.purchasesPerYear) &&
    isOptionalMoney(r.lifespanYears);
  return vouched && expansionWithinRevenue(r as SheetRow) ? (r as SheetRow) : null;
}

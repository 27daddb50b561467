import { z } from 'zod';
import { FIELDS, type Field, type FieldSpec } from '../catalogue/fields';
import { MAX_AMOUNT, TOO_LARGE } from '../text/numbers';
import { INPUT_FIELDS, SEGMENTS, STATUSES, type InputField } from './fields';

/**
 * The row of the sheet (DOMAIN.md, "Inputs"), its zod schema and its fast
 * check, all derived from the catalogue: a field's kind, presence, range and
 * choices say its rule, its default and its message.
 */

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

type ChoiceOf<F> = F extends { readonly choices: readonly (infer C)[] } ? C : never;

/** A field's value in a row, as its kind and presence say. */
type ValueOf<F extends FieldSpec> = F['kind'] extends 'text'
  ? F['presence'] extends 'required'
    ? string
    : string | null
  : F['kind'] extends 'choice'
    ? F extends { readonly defaultChoice: string }
      ? ChoiceOf<F>
      : ChoiceOf<F> | null
    : F['presence'] extends 'optional'
      ? number | null
      : number;

/** Each field's rule without its default: what a patch may give it. */
type Rules = { [F in Field as F['name']]: z.ZodType<ValueOf<F>, ValueOf<F> | (F['kind'] extends 'text' ? string : never)> };
/** With the defaults DOMAIN.md gives a field a sheet leaves out. */
type Shape = { [F in Field as F['name']]: F['presence'] extends 'required' ? Rules[F['name']] : z.ZodDefault<Rules[F['name']]> };

const amount = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .min(0, { error: `${what} must be 0 or more` })
    .max(MAX_AMOUNT, { error: `${what} ${TOO_LARGE}` });

/** A field's rule, from its spec. */
export function ruleOf(f: FieldSpec): z.ZodType {
  const what = f.name;
  const optional = f.presence === 'optional';
  switch (f.kind) {
    case 'text':
      if (f.presence === 'required') return AccountName;
      return z
        .string({ error: `${what} must be text` })
        .trim()
        .max(200, { error: `${what} is longer than 200 characters` })
        .transform((o) => (o === '' ? null : nfc(o)))
        .nullable();
    case 'choice': {
      const e = z.enum(f.choices as unknown as [string, ...string[]], { error: `${f.name === 'segmentOverride' ? 'segment' : what} must be one of ${f.choices!.join(', ')}` });
      return f.defaultChoice === undefined ? e.nullable() : e;
    }
    case 'money':
    case 'quantity':
      return optional ? amount(what).nullable() : amount(what);
    case 'count': {
      const c = amount(what).int({ error: `${what} must be a whole number` });
      return optional ? c.nullable() : c;
    }
    case 'rating': {
      const [min, max] = f.range!;
      const r = z
        .number({ error: `${what} must be a number` })
        .int({ error: `${what} must be a whole number from ${min} to ${max}` })
        .min(min, { error: `${what} must be from ${min} to ${max}` })
        .max(max, { error: `${what} must be from ${min} to ${max}` });
      return optional ? r.nullable() : r;
    }
  }
}

/** The value a row takes for a field it does not give (undefined for a required one). */
export function defaultOf(f: FieldSpec): unknown {
  if (f.presence === 'required') return undefined;
  if (f.kind === 'choice') return f.defaultChoice ?? null;
  return f.presence === 'zero' ? 0 : null;
}

/** A catalogue's row shape: each field's rule with its default. */
export function rowShapeOf(fields: readonly FieldSpec[]): Record<string, z.ZodType> {
  return Object.fromEntries(fields.map((f) => [f.name, f.presence === 'required' ? ruleOf(f) : ruleOf(f).default(defaultOf(f) as never)]));
}

/** Each input field's rule, without defaults: a patch names only what it changes. */
const FIELD_RULES = Object.fromEntries(FIELDS.map((f) => [f.name, ruleOf(f)])) as unknown as Rules;

/** The shape of a row without the cross-field rule, so it can be extended; absent fields take DOMAIN.md's defaults. */
export const SheetRowShape = z.object(rowShapeOf(FIELDS) as unknown as Shape);

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

/**
 * A row as the RPC reads it from the workbook: its version, which every
 * write moves on (a patch names the version it was made from, and one made
 * from an older version is refused as a CONFLICT), and who changed it last, when.
 */
export const RowVersion = {
  version: z.number().int().min(1),
  changedBy: z.string().nullable(),
  changedAt: z.string().nullable(),
};
export const VersionedRow = SheetRowShape.extend(RowVersion).refine(expansionWithinRevenue, { error: EXPANSION_RULE, path: ['upsell'] });
export type VersionedRow = z.output<typeof VersionedRow>;

/** A change to one row: only the fields it names, the account name included (a rename). */
export const SheetRowPatch = z.object(FIELD_RULES).partial().strict();
export type SheetRowPatch = z.input<typeof SheetRowPatch>;

/**
 * A value SheetRow would keep as it is, by the field's spec: already of its
 * type and inside its rule, no text the schema would change. The checks are
 * made once per field, so a row of 100,000 is checked by a loop of plain
 * comparisons.
 */
function vouchOf(f: FieldSpec): (v: unknown) => boolean {
  const optional = f.presence === 'optional';
  const orNull = (check: (v: unknown) => boolean) => (optional ? (v: unknown) => v === null || check(v) : check);
  switch (f.kind) {
    case 'text':
      return f.presence === 'required'
        ? // A name SheetRow keeps as it is: trimmed, 1 to 200 characters, no run of spaces or other white space, NFC.
          (v) => typeof v === 'string' && v.length >= 1 && v.length <= 200 && !/^\s|\s$|\s\s|[^\S ]/.test(v) && nfc(v) === v
        : orNull((v) => typeof v === 'string' && v.length >= 1 && v.length <= 200 && v === v.trim() && nfc(v) === v);
    case 'choice': {
      const choices = f.choices as readonly unknown[];
      return f.defaultChoice === undefined ? orNull((v) => choices.includes(v)) : (v) => choices.includes(v);
    }
    case 'money':
    case 'quantity':
      return orNull((v) => typeof v === 'number' && v >= 0 && v <= MAX_AMOUNT);
    case 'count':
      return orNull((v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= MAX_AMOUNT);
    case 'rating': {
      const [min, max] = f.range!;
      return orNull((v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max);
    }
  }
}

const VOUCHES = FIELDS.map((f) => vouchOf(f));
const NAMES = FIELDS.map((f) => f.name);
const DEFAULTS = FIELDS.map((f) => defaultOf(f));

/** A row with every field absent, in SheetRow's order: one shape for every row an import builds. */
const BLANK = Object.fromEntries(INPUT_FIELDS.map((f) => [f, undefined])) as Record<InputField, unknown>;
export const blankRow = (): Record<InputField, unknown> => ({ ...BLANK });

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

/**
 * vouchedRow for a blankRow the import has filled: the defaults go into the
 * same object, which is the row when vouched for, so an import of 100,000
 * rows makes one object a row, not two.
 */
export function vouchRowInPlace(r: Record<InputField, unknown>): SheetRow | null {
  // A default stands in for a field that is absent; null is a value, which only the nullable fields take.
  for (let k = 0; k < NAMES.length; k++) {
    const name = NAMES[k]!;
    if (r[name] === undefined && DEFAULTS[k] !== undefined) r[name] = DEFAULTS[k];
  }
  for (let k = 0; k < NAMES.length; k++) if (!VOUCHES[k]!(r[NAMES[k]!])) return null;
  return expansionWithinRevenue(r as SheetRow) ? (r as SheetRow) : null;
}

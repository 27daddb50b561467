import { z } from 'zod';
import { nfc } from './row';

/**
 * Dimensions (DOMAIN.md, "Plan, dimensions"): text attributes of an account
 * that the workbook names (region, industry, channel, tier). The name is the
 * JSON key (`dimensions.region`, `byDimension.region`), so it is kept as the
 * person wrote it, compared without case.
 */
/** A name no object may hold as a key of its own in every reader: a dimension so named would be lost in a record. */
const RESERVED: ReadonlySet<string> = new Set(['__proto__']);
export const isReservedKey = (key: string): boolean => RESERVED.has(key.trim());

export const DimensionName = z
  .string({ error: 'a dimension name must be text' })
  .trim()
  .min(1, { error: 'a dimension name is required' })
  .max(40, { error: 'a dimension name is longer than 40 characters' })
  .refine((name) => ![...name].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127), { error: 'a dimension name must not hold control characters' })
  .refine((name) => !RESERVED.has(name), { error: 'a dimension cannot be called __proto__ (JavaScript reads that key as something else)' })
  .transform((name) => nfc(name).replace(/\s+/g, ' '));

/** An account's value for a dimension: trimmed text up to 200 characters; blank is "no value". */
export const DimensionValue = z
  .string({ error: 'a dimension value must be text' })
  .trim()
  .max(200, { error: 'a dimension value is longer than 200 characters' })
  .transform((v) => (v === '' ? null : nfc(v)))
  .nullable();

/** The values of one dimension for a period's accounts, interned: `ids[i]` indexes `values` (-1 when the account has none). */
export interface DimensionColumn {
  readonly name: string;
  readonly values: readonly string[];
  readonly ids: Int32Array;
}

/** One dimension's values as the window receives them: per account, in the rows' order. */
export const DimensionValues = z.object({ name: z.string(), values: z.array(z.string().nullable()) });
export type DimensionValues = z.output<typeof DimensionValues>;

/** The workbook's dimensions in order, and each account's values, as `dimensions.list` returns them. */
export const DimensionList = z.array(z.object({ name: z.string(), accounts: z.number().int(), values: z.array(z.string()) }));
export type DimensionList = z.output<typeof DimensionList>;

/** Build interned columns from plain per-account values. */
export function internDimension(name: string, plain: readonly (string | null)[]): DimensionColumn {
  const values: string[] = [];
  const index = new Map<string, number>();
  const ids = new Int32Array(plain.length).fill(-1);
  plain.forEach((v, i) => {
    if (v === null) return;
    let id = index.get(v);
    if (id === undefined) {
      id = values.length;
      values.push(v);
      index.set(v, id);
    }
    ids[i] = id;
  });
  return { name, values, ids };
}

/** A dimension's value for account i, or null. */
export const dimensionValueAt = (d: DimensionColumn, i: number): string | null => (d.ids[i]! < 0 ? null : d.values[d.ids[i]!]!);

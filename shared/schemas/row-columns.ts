import { z } from 'zod';
import { NUMBER_FIELDS, OPTIONAL_NUMBER_FIELDS, type NumberField, type OptionalNumberField } from './fields';
import { Segment, Status } from './row';
import { DimensionValues } from './dimensions';

const numbers = Object.fromEntries(NUMBER_FIELDS.map((f) => [f, z.array(z.number())])) as Record<NumberField, z.ZodArray<z.ZodNumber>>;
const optionalNumbers = Object.fromEntries(OPTIONAL_NUMBER_FIELDS.map((f) => [f, z.array(z.number().nullable())])) as Record<
  OptionalNumberField,
  z.ZodArray<z.ZodNullable<z.ZodNumber>>
>;

/**
 * A period's rows as the window receives them: one array per field, in the
 * rows' order, rather than one object per row with every field's name again
 * (a 100,000-account period is a third of the bytes, and read straight into
 * the engine's columns).
 */
export const RowColumns = z
  .object({
    account: z.array(z.string()),
    owner: z.array(z.string().nullable()),
    segmentOverride: z.array(Segment.nullable()),
    status: z.array(Status),
    ...numbers,
    ...optionalNumbers,
    /** Each row's version (StoredRow): what the window's edits name, so none is written over another person's. */
    version: z.array(z.number().int().min(1)),
    /** The workbook's dimensions, each with a value (or null) per account. */
    dimensions: z.array(DimensionValues).default([]),
  })
  .refine((c) => Object.entries(c).every(([key, column]) => (key === 'dimensions' ? c.dimensions.every((d) => d.values.length === c.account.length) : column.length === c.account.length)), {
    error: 'every column must hold one value per account',
  });
export type RowColumns = z.output<typeof RowColumns>;

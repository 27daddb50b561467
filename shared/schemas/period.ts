import { z } from 'zod';
import { nfc } from './row';

export const PeriodLabel = z
  .string({ error: 'period must be text' })
  .trim()
  .min(1, { error: 'period label is required' })
  .max(40, { error: 'period label is longer than 40 characters' })
  .transform(nfc);

export const Period = z.object({
  id: z.number().int(),
  label: PeriodLabel,
  position: z.number().int(),
  rows: z.number().int().min(0),
  /** Rows of the period's plan (DOMAIN.md, "Plan, dimensions"); 0 when it has no plan. */
  planRows: z.number().int().min(0),
});
export type Period = z.output<typeof Period>;

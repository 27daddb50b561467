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
});
export type Period = z.output<typeof Period>;

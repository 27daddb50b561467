import { z } from 'zod';

/** One entry of the audit log: who changed which field of which account, when, from what to what (as text, null for empty). */
export const AuditEntry = z.object({
  at: z.string(),
  person: z.string(),
  period: z.string().nullable(),
  /** "" for a change to the workbook as a whole (an import, the assumptions). */
  account: z.string(),
  /** The DOMAIN.md name of the field; "account" for the row being added (before null) or removed (after null). */
  field: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type AuditEntry = z.output<typeof AuditEntry>;

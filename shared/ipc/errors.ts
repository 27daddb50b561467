import { z } from 'zod';

/** Every way a call can fail, as a code a caller can branch on. */
export const ERROR_CODES = [
  'UNKNOWN_METHOD',
  'INVALID_INPUT',
  'NO_WORKBOOK',
  'READ_ONLY',
  'UNWRITABLE',
  'DISK_FULL',
  'FILE_NOT_FOUND',
  'FILE_EXISTS',
  'NOT_SQLITE',
  'NOT_WORKBOOK',
  'NEWER_SCHEMA',
  'DAMAGED',
  'LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'IMPORT_INVALID',
  'IO_ERROR',
  'UNREACHABLE',
  'DENIED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem in a user's input, located as precisely as the input allows. */
export const Problem = z.object({
  row: z.number().int().optional(),
  account: z.string().optional(),
  column: z.string().optional(),
  field: z.string().optional(),
  value: z.string().optional(),
  rule: z.string(),
});
export type Problem = z.output<typeof Problem>;

export const RpcError = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z
    .object({
      problems: z.array(Problem).optional(),
      file: z.string().optional(),
      /** A CONFLICT of rows: each row as another person saved it since the version the patch was made from. */
      conflicts: z.array(z.object({ account: z.string(), version: z.number().int(), row: z.record(z.string(), z.unknown()), changedBy: z.string().nullable(), changedAt: z.string().nullable() })).optional(),
    })
    .passthrough()
    .optional(),
});
export type RpcError = z.output<typeof RpcError>;

/** A failure the user can act on; the dispatcher turns it into an error result. */
export class CpwError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: RpcError['details'],
  ) {
    super(message);
    this.name = 'CpwError';
  }
}

/** `row 7, column Revenue: value "abc" — must be a number` (DESIGN.md and the import rules). */
export function describeProblem(p: Problem): string {
  const where = [p.row !== undefined ? `row ${p.row}` : null, p.column !== undefined ? `column ${p.column}` : p.field !== undefined ? `field ${p.field}` : null]
    .filter(Boolean)
    .join(', ');
  const value = p.value !== undefined ? `value "${p.value}" — ` : '';
  return `${where}${where ? ': ' : ''}${value}${p.rule}`;
}

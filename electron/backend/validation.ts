import type { z } from 'zod';
import type { Problem } from '../../shared/ipc/errors';

/** zod's issues as Problems naming the field (the first path segment) and the rule. */
export function zodProblems(error: z.ZodError, extra: Partial<Problem> = {}): Problem[] {
  return error.issues.map((issue) => ({
    ...extra,
    field: issue.path.length ? issue.path.map(String).join('.') : undefined,
    rule: issue.message,
  }));
}

/** One line naming every problem: `field revenue: must be 0 or more; ...`. */
export function problemsMessage(what: string, problems: readonly Problem[]): string {
  return `${what}: ${problems.map((p) => (p.field ? `${p.field}: ${p.rule}` : p.rule)).join('; ')}`;
}

import { fieldLabel, isInputField } from '../../../../shared/catalogue';
import { describeProblem, type Problem } from '../../../../shared/ipc/errors';

/**
 * An import problem as the wizard says it: fields by their labels, and a
 * missing column pointed at the wizard's own picker rather than the command
 * line's --map (which is what the backend's words name, for the CLI).
 */
export function problemInWords(p: Problem): string {
  if (p.field === undefined || p.column !== undefined || !isInputField(p.field)) return describeProblem(p);
  const label = fieldLabel(p.field);
  if (p.rule.startsWith(`the sheet has no ${p.field} column`)) return `The sheet has no ${label} column: pick it under “Column for ${label}”.`;
  return describeProblem({ ...p, field: label });
}

import type { Sql } from '../sql';
import { CpwError } from '../../../../shared/ipc/errors';
import { Assumptions, AssumptionsPatch, type AssumptionsPatch as Patch } from '../../../../shared/schemas/assumptions';
import { problemsMessage, zodProblems } from '../../validation';

/** The workbook's assumptions: what it stores over DOMAIN.md's defaults. */
export async function getAssumptions(tx: Sql): Promise<Assumptions> {
  const stored = await tx.all<{ key: string; value: string }>('SELECT key, value FROM assumptions');
  const parsed = Assumptions.safeParse(Object.fromEntries(stored.map((r) => [r.key, JSON.parse(r.value)])));
  if (!parsed.success) {
    throw new CpwError('DAMAGED', problemsMessage('the workbook holds invalid assumptions', zodProblems(parsed.error)));
  }
  return parsed.data;
}

/** Change some assumptions; the whole set is validated before anything is written. */
export async function setAssumptions(tx: Sql, patch: Patch): Promise<Assumptions> {
  const checkedPatch = AssumptionsPatch.safeParse(patch);
  if (!checkedPatch.success) {
    const problems = zodProblems(checkedPatch.error);
    throw new CpwError('INVALID_INPUT', problemsMessage('assumptions', problems), { problems });
  }
  const merged = Assumptions.safeParse({ ...(await getAssumptions(tx)), ...checkedPatch.data });
  if (!merged.success) {
    const problems = zodProblems(merged.error);
    throw new CpwError('INVALID_INPUT', problemsMessage('assumptions', problems), { problems });
  }
  for (const key of Object.keys(checkedPatch.data) as (keyof Assumptions)[]) {
    await tx.run('INSERT INTO assumptions (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, JSON.stringify(merged.data[key])]);
  }
  return merged.data;
}

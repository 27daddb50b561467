import type Database from 'better-sqlite3';
import { CpwError } from '../../../../shared/ipc/errors';
import { Assumptions, AssumptionsPatch, type AssumptionsPatch as Patch } from '../../../../shared/schemas/assumptions';
import { problemsMessage, zodProblems } from '../../validation';

/** The workbook's assumptions: what it stores over DOMAIN.md's defaults. */
export function getAssumptions(db: Database.Database): Assumptions {
  const stored = db.prepare('SELECT key, value FROM assumptions').all() as { key: string; value: string }[];
  const parsed = Assumptions.safeParse(Object.fromEntries(stored.map((r) => [r.key, JSON.parse(r.value)])));
  if (!parsed.success) {
    throw new CpwError('DAMAGED', problemsMessage('the workbook holds invalid assumptions', zodProblems(parsed.error)));
  }
  return parsed.data;
}

/** Change some assumptions; the whole set is validated before anything is written. */
export function setAssumptions(db: Database.Database, patch: Patch): Assumptions {
  const checkedPatch = AssumptionsPatch.safeParse(patch);
  if (!checkedPatch.success) {
    const problems = zodProblems(checkedPatch.error);
    throw new CpwError('INVALID_INPUT', problemsMessage('assumptions', problems), { problems });
  }
  const merged = Assumptions.safeParse({ ...getAssumptions(db), ...checkedPatch.data });
  if (!merged.success) {
    const problems = zodProblems(merged.error);
    throw new CpwError('INVALID_INPUT', problemsMessage('assumptions', problems), { problems });
  }
  const put = db.prepare('INSERT INTO assumptions (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const key of Object.keys(checkedPatch.data) as (keyof Assumptions)[]) put.run(key, JSON.stringify(merged.data[key]));
  return merged.data;
}

import type Database from 'better-sqlite3';
import { describeProblem } from '../../../shared/ipc/errors';
import { SheetRow } from '../../../shared/schemas/row';
import { zodProblems } from '../validation';
import { getAssumptions } from './repos/assumptions';
import { listPeriods } from './repos/periods';
import { getPoolSetup } from './repos/pools';
import { listStoredRows, orphanRowProblem } from './repos/period-rows';
import { listScenarios } from './repos/scenarios';

/**
 * What `cpw check` adds to SQLite's own checks: every stored row, the
 * assumptions and the scenarios read back through the same zod schemas the
 * app writes with, so a file edited by another tool is caught.
 */
export function validateStoredData(db: Database.Database): string[] {
  const problems: string[] = [];
  const attempt = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      problems.push((e as Error).message);
    }
  };
  attempt(() => getAssumptions(db));
  attempt(() => listScenarios(db));
  for (const period of listPeriods(db)) {
    attempt(() => getPoolSetup(db, period.id));
    for (const { accountId, ...row } of listStoredRows(db, period.id)) {
      if (row.account === null) {
        problems.push(orphanRowProblem(db, period.id, accountId));
        continue;
      }
      const parsed = SheetRow.safeParse(row);
      if (!parsed.success) {
        for (const p of zodProblems(parsed.error)) problems.push(`period ${period.label}, account ${row.account}: ${describeProblem(p)}`);
      }
    }
  }
  return problems;
}

import type { Sql } from './sql';
import { describeProblem } from '../../../shared/ipc/errors';
import { SheetRow } from '../../../shared/schemas/row';
import { zodProblems } from '../validation';
import { getAssumptions } from './repos/assumptions';
import { listPeriods } from './repos/periods';
import { getPoolSetup } from './repos/pools';
import { listStoredRows, orphanRowProblem } from './repos/period-rows';
import { listScenarios } from './repos/scenarios';

/**
 * What `cpw check` adds to the database's own checks: every stored row, the
 * assumptions and the scenarios read back through the same zod schemas the
 * app writes with, so a file edited by another tool is caught.
 */
export async function validateStoredData(tx: Sql): Promise<string[]> {
  const problems: string[] = [];
  const attempt = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      problems.push((e as Error).message);
    }
  };
  await attempt(() => getAssumptions(tx));
  await attempt(() => listScenarios(tx));
  for (const period of await listPeriods(tx)) {
    await attempt(() => getPoolSetup(tx, period.id));
    for (const { accountId, ...row } of await listStoredRows(tx, period.id)) {
      if (row.account === null) {
        problems.push(await orphanRowProblem(tx, period.id, accountId));
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

import type Database from 'better-sqlite3';
import { toColumns } from '../../../shared/engine/columns';
import { accountResults, computeColumns, toPortfolio } from '../../../shared/engine/sheet';
import { trends } from '../../../shared/engine/trends';
import type { Report } from '../../../shared/schemas/report';
import { getAssumptions } from '../db/repos/assumptions';
import { listPeriods, periodOrLatest } from '../db/repos/periods';
import { listRows } from '../db/repos/rows';
import { defineHandlers } from './types';

/** DESIGN.md's report: `{ period, currency, assumptions, accounts, portfolio }` for one period (the latest by default). */
export function buildReport(db: Database.Database, period: string | undefined): Report {
  const p = periodOrLatest(db, period);
  const assumptions = getAssumptions(db);
  const result = computeColumns(toColumns(listRows(db, p.id)), assumptions);
  return {
    period: p.label,
    currency: assumptions.currency,
    assumptions,
    accounts: accountResults(result),
    portfolio: toPortfolio(result),
  };
}

export const reportHandlers = defineHandlers({
  'report.get': ({ period }, { session }) => session.read((db) => buildReport(db, period)),
  'trends.get': (_input, { session }) =>
    session.read((db) =>
      trends(
        listPeriods(db).map((p) => ({ label: p.label, columns: toColumns(listRows(db, p.id)) })),
        getAssumptions(db),
      ),
    ),
});

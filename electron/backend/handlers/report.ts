import type Database from 'better-sqlite3';
import { toColumns } from '../../../shared/engine/columns';
import { accountResult, accountResults, computeColumns, toPortfolio } from '../../../shared/engine/sheet';
import { CpwError } from '../../../shared/ipc/errors';
import { runScenario } from '../../../shared/engine/scenarios';
import { trends } from '../../../shared/engine/trends';
import type { Report } from '../../../shared/schemas/report';
import { getAssumptions } from '../db/repos/assumptions';
import { listPeriods, periodOrLatest } from '../db/repos/periods';
import { findAccountName, listRows } from '../db/repos/rows';
import { listScenarios } from '../db/repos/scenarios';
import { writeFileAtomic } from '../io/export';
import { reportHtml, type ReportDocument } from '../report/html';
import { htmlToPdf } from '../report/pdf';
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

/** Everything the printed report shows, read in one transaction. */
function reportDocument(db: Database.Database, period: string | undefined, paper: 'A4' | 'Letter', workbook: string): ReportDocument {
  const p = periodOrLatest(db, period);
  const assumptions = getAssumptions(db);
  const columns = toColumns(listRows(db, p.id));
  const result = computeColumns(columns, assumptions);
  const scenarios = listScenarios(db).map((s) => ({
    adjustments: s.adjustments,
    result: runScenario(columns, assumptions, s.adjustments, { name: s.name, period: p.label }),
  }));
  return {
    workbook,
    report: { period: p.label, currency: assumptions.currency, assumptions, accounts: accountResults(result), portfolio: toPortfolio(result) },
    result,
    scenarios,
    paper,
    made: new Date().toISOString().slice(0, 10),
  };
}

export const reportHandlers = defineHandlers({
  'report.pdf': async ({ period, out, paper }, { session }) => {
    const doc = session.read((db) => reportDocument(db, period, paper, session.workbook.name));
    const pdf = await htmlToPdf(reportHtml(doc), paper);
    writeFileAtomic(out, pdf);
    return { path: out, period: doc.report.period, bytes: pdf.length };
  },
  'report.get': ({ period }, { session }) => session.read((db) => buildReport(db, period)),
  // Each period is computed whole: an account's segment and Pareto class depend on the others.
  'account.picture': ({ account }, { session }) =>
    session.read((db) => {
      const name = findAccountName(db, account);
      if (name === null) throw new CpwError('NOT_FOUND', `no account "${account}" in this workbook`);
      const key = name.toLowerCase();
      const assumptions = getAssumptions(db);
      const periods = listPeriods(db).map((p) => {
        const result = computeColumns(toColumns(listRows(db, p.id)), assumptions);
        const i = result.columns.accountKey.indexOf(key);
        return { period: p.label, result: i < 0 ? null : accountResult(result, i) };
      });
      return { account: name, periods };
    }),
  'trends.get': (_input, { session }) =>
    session.read((db) =>
      trends(
        listPeriods(db).map((p) => ({ label: p.label, columns: toColumns(listRows(db, p.id)) })),
        getAssumptions(db),
      ),
    ),
});

import type { Sql } from '../db/sql';
import { computeColumns } from '../../../shared/engine/sheet';
import { accountResult, accountResults, toPortfolio } from '../../../shared/engine/results';
import { CpwError } from '../../../shared/ipc/errors';
import { reportJson } from '../../../shared/engine/report-json';
import { runScenario } from '../../../shared/engine/scenarios';
import { Report } from '../../../shared/schemas/report';
import { problemsMessage, zodProblems } from '../validation';
import { getAssumptions } from '../db/repos/assumptions';
import { periodColumns, periodCosting } from '../db/repos/pools';
import { periodOrLatest } from '../db/repos/periods';
import { listColumns } from '../db/repos/period-rows';
import { reportPlan } from '../../../shared/engine/variance';
import { listScenarios } from '../db/repos/scenarios';
import { writeFileAtomic } from '../io/export';
import { reportHtml, type ReportDocument } from '../report/html';
import { htmlToPdf } from '../report/pdf';
import type { ParsedInput } from '../../../shared/ipc/contract';
import { defineHandlers } from './types';

/** One period (the latest by default) read and computed under the workbook's assumptions: what every report starts from. */
async function computedPeriod(tx: Sql, period: string | undefined) {
  const p = await periodOrLatest(tx, period);
  const assumptions = await getAssumptions(tx);
  const columns = await periodColumns(tx, p.id);
  const result = computeColumns(columns, assumptions);
  // The plan as entered: cost pools allocate the actuals' cost, a plan's buckets are planned amounts.
  const planned = p.planRows > 0 ? reportPlan(result, computeColumns(await listColumns(tx, p.id, undefined, 'plan_rows'), assumptions)) : undefined;
  return { label: p.label, assumptions, columns, result, planned };
}

/** DESIGN.md's report: `{ period, currency, assumptions, accounts, portfolio }` for one period (the latest by default). */
export async function buildReport(tx: Sql, period: string | undefined, ends?: number): Promise<Report> {
  const { label, assumptions, result, planned } = await computedPeriod(tx, period);
  const n = result.columns.n;
  // Only the ends asked for are built as objects: at 100,000 accounts that building was most of the table's wait.
  const accounts = ends !== undefined && n > 2 * ends ? [...result.order.subarray(0, ends), ...result.order.subarray(n - ends)].map((i) => accountResult(result, i)) : accountResults(result);
  return {
    period: label,
    currency: assumptions.currency,
    assumptions,
    accounts,
    portfolio: toPortfolio(result),
    ...planned,
  };
}

/** The period's report as JSON text in pieces (`cpw report --json`): computed in the transaction, written after it. */
export async function reportJsonOf(tx: Sql, period: string | undefined): Promise<Iterable<string>> {
  const { label, assumptions, result, planned } = await computedPeriod(tx, period);
  return reportJson({ period: label, currency: assumptions.currency, assumptions }, result, planned);
}

/** Everything the printed report shows, read in one transaction. */
async function reportDocument(tx: Sql, request: ParsedInput<'report.html'>, workbook: string): Promise<ReportDocument> {
  const { period, paper } = request;
  const { label, assumptions, columns, result, planned } = await computedPeriod(tx, period);
  const scenarios = (await chosenScenarios(tx, request.scenarios)).map((s) => ({
    adjustments: s.adjustments,
    result: runScenario(columns, assumptions, s.adjustments, { name: s.name, period: label }),
  }));
  const report = { period: label, currency: assumptions.currency, assumptions, accounts: accountResults(result), portfolio: toPortfolio(result), ...planned };
  // A document is printed from what the contract allows, or not at all: never a PDF of NaN and dashes.
  const checked = Report.safeParse(report);
  if (!checked.success) throw new CpwError('INTERNAL', problemsMessage(`the report of period ${label} could not be computed`, zodProblems(checked.error)));
  return {
    workbook,
    report,
    result,
    scenarios,
    paper,
    made: new Date().toISOString().slice(0, 10),
    costing: await periodCosting(tx, (await periodOrLatest(tx, label)).id),
  };
}

/** The saved scenarios the report shows: those named (each must exist), or all of them. */
async function chosenScenarios(tx: Sql, names: readonly string[] | undefined) {
  const saved = await listScenarios(tx);
  if (names === undefined) return saved;
  return names.map((name) => {
    const found = saved.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found) {
      const known = saved.length ? `it has ${saved.map((s) => `"${s.name}"`).join(', ')}` : 'it has none saved';
      throw new CpwError('NOT_FOUND', `no scenario "${name}" in this workbook (${known})`);
    }
    return found;
  });
}

/** A file name from the workbook and period, safe on every system. */
const reportFileName = (workbook: string, period: string) => `${`${workbook.replace(/\.cpw$/i, '')} ${period} report`.replace(/[^\p{L}\p{N}._-]+/gu, '-')}.pdf`;

export const reportHandlers = defineHandlers({
  'report.pdf': async (request, { session }) => {
    const doc = await session.read((tx) => reportDocument(tx, request, session.store.name));
    const pdf = await htmlToPdf(reportHtml(doc), request.paper);
    writeFileAtomic(request.out, pdf);
    return { path: request.out, period: doc.report.period, bytes: pdf.length };
  },
  'report.html': async (request, { session }) => {
    const doc = await session.read((tx) => reportDocument(tx, request, session.store.name));
    return { html: reportHtml(doc), period: doc.report.period, fileName: reportFileName(session.store.name, doc.report.period) };
  },
  'report.download': async (request, { session }) => {
    const doc = await session.read((tx) => reportDocument(tx, request, session.store.name));
    const pdf = await htmlToPdf(reportHtml(doc), request.paper);
    return { fileName: reportFileName(session.store.name, doc.report.period), content: Buffer.from(pdf).toString('base64'), period: doc.report.period };
  },
  'report.get': ({ period, ends }, { session }) => session.read((tx) => buildReport(tx, period, ends)),
});

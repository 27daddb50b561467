import { getAssumptions } from '../db/repos/assumptions';
import { periodOrLatest } from '../db/repos/periods';
import { periodCosting } from '../db/repos/pools';
import type { Sql } from '../db/sql';
import { exportReport, exportTemplate, renderReport, type Costing } from '../io/export';
import { buildReport } from './report';
import { defineHandlers } from './types';

/** The period's report and, when it has cost pools, their tie-out and allocated lines: read in one transaction, so they agree. */
async function reportWithCosting(tx: Sql, period: string | undefined) {
  const report = await buildReport(tx, period);
  const costing: Costing | undefined = await periodCosting(tx, (await periodOrLatest(tx, report.period)).id);
  return { report, costing };
}

export const exportHandlers = defineHandlers({
  'export.sheet': async ({ period, out }, { session }) => {
    const { report, costing } = await session.read((tx) => reportWithCosting(tx, period));
    return { path: out, period: report.period, rows: await exportReport(report, out, costing) };
  },
  'export.download': async ({ period, format }, { session }) => {
    const { report, costing } = await session.read((tx) => reportWithCosting(tx, period));
    const bytes = await renderReport(report, format, costing);
    const base = report.period.replace(/[^\p{L}\p{N}._-]+/gu, '-');
    return { fileName: `${base}.${format}`, content: Buffer.from(bytes).toString('base64'), rows: report.accounts.length };
  },
  'export.template': async ({ out }, { session }) => {
    await exportTemplate(out, (await session.read((tx) => getAssumptions(tx))).currency);
    return { path: out };
  },
});

import { allocate, balance } from '../../../shared/engine/allocation';
import { getAssumptions } from '../db/repos/assumptions';
import { listColumns } from '../db/repos/period-rows';
import { periodOrLatest } from '../db/repos/periods';
import { getPoolSetup } from '../db/repos/pools';
import type { Sql } from '../db/sql';
import { exportReport, exportTemplate, renderReport, type Costing } from '../io/export';
import { buildReport } from './report';
import { defineHandlers } from './types';

/** The period's report and, when it has cost pools, their tie-out and allocated lines: read in one transaction, so they agree. */
async function reportWithCosting(tx: Sql, period: string | undefined) {
  const report = await buildReport(tx, period);
  const id = (await periodOrLatest(tx, report.period)).id;
  const setup = await getPoolSetup(tx, id);
  const costing: Costing | undefined = setup.pools.length
    ? { balance: balance(setup, await listColumns(tx, id)), allocations: allocate(setup.pools, setup.drivers, setup.lines).allocations }
    : undefined;
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

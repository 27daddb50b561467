import { getAssumptions } from '../db/repos/assumptions';
import { exportReport, exportTemplate, renderReport } from '../io/export';
import { buildReport } from './report';
import { defineHandlers } from './types';

export const exportHandlers = defineHandlers({
  'export.sheet': async ({ period, out }, { session }) => {
    const report = await session.read((tx) => buildReport(tx, period));
    return { path: out, period: report.period, rows: await exportReport(report, out) };
  },
  'export.download': async ({ period, format }, { session }) => {
    const report = await session.read((tx) => buildReport(tx, period));
    const bytes = await renderReport(report, format);
    const base = report.period.replace(/[^\p{L}\p{N}._-]+/gu, '-');
    return { fileName: `${base}.${format}`, content: Buffer.from(bytes).toString('base64'), rows: report.accounts.length };
  },
  'export.template': async ({ out }, { session }) => {
    await exportTemplate(out, (await session.read((tx) => getAssumptions(tx))).currency);
    return { path: out };
  },
});

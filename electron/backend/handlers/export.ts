import { getAssumptions } from '../db/repos/assumptions';
import { exportReport, exportTemplate, renderReport } from '../io/export';
import { buildReport } from './report';
import { defineHandlers } from './types';

export const exportHandlers = defineHandlers({
  'export.sheet': async ({ period, out }, { session }) => {
    const report = session.read((db) => buildReport(db, period));
    return { path: out, period: report.period, rows: await exportReport(report, out) };
  },
  'export.download': async ({ period, format }, { session }) => {
    const report = session.read((db) => buildReport(db, period));
    const bytes = await renderReport(report, format);
    const base = report.period.replace(/[^\p{L}\p{N}._-]+/gu, '-');
    return { fileName: `${base}.${format}`, content: Buffer.from(bytes).toString('base64'), rows: report.accounts.length };
  },
  'export.template': async ({ out }, { session }) => {
    await exportTemplate(out, session.read((db) => getAssumptions(db)).currency);
    return { path: out };
  },
});

import { getAssumptions } from '../db/repos/assumptions';
import { exportReport, exportTemplate } from '../io/export';
import { commitImport, loadSheet, previewImport, rememberedMapping } from '../io/import';
import { buildReport } from './report';
import { defineHandlers } from './types';

export const transferHandlers = defineHandlers({
  'import.preview': async ({ source, period, map, merge }, { session }) => {
    const sheet = await loadSheet(source, map, session.read(rememberedMapping));
    return session.read((db) => previewImport(db, period, merge, sheet));
  },
  'import.commit': async ({ source, period, map, merge }, { session }) => {
    const sheet = await loadSheet(source, map, session.read(rememberedMapping));
    return session.write((db) => commitImport(db, period, merge, sheet));
  },
  'export.sheet': async ({ period, out }, { session }) => {
    const report = session.read((db) => buildReport(db, period));
    return { path: out, period: report.period, rows: await exportReport(report, out) };
  },
  'export.template': async ({ out }, { session }) => {
    await exportTemplate(out, session.read((db) => getAssumptions(db)).currency);
    return { path: out };
  },
});

import { commitImport, previewImport, readSheetFile } from '../io/import';
import { exportReport } from '../io/export';
import { buildReport } from './report';
import { defineHandlers } from './types';

export const transferHandlers = defineHandlers({
  'import.preview': (req, { session }) => {
    const sheet = readSheetFile(req);
    return session.read((db) => previewImport(db, req, sheet));
  },
  'import.commit': (req, { session }) => {
    const sheet = readSheetFile(req);
    return session.write((db) => commitImport(db, req, sheet));
  },
  'export.sheet': ({ period, out }, { session }) => {
    const report = session.read((db) => buildReport(db, period));
    return { path: out, period: report.period, rows: exportReport(report, out) };
  },
});

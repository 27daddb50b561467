import { getAssumptions } from '../db/repos/assumptions';
import { exportReport, exportTemplate, renderReport } from '../io/export';
import { commitImport, loadSheet, previewImport, rememberedMapping, sourceFile } from '../io/import';
import { importInteractions, parseInteractions } from '../io/interactions';
import { readTable } from '../io/table';
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
  'interactions.import': async ({ source }, { session }) => {
    const src = sourceFile(source);
    const table = await readTable(src, source.sheet);
    const rows = session.write((db) => importInteractions(db, src.name, parseInteractions(db, table.records, { decimalComma: table.decimalComma })));
    return { file: src.name, rows };
  },
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

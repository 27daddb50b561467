import { basename } from 'node:path';
import { auditWorkbook } from '../db/repos/audit';
import { commitImport, loadSheet, previewImport, rememberedMapping } from '../io/import';
import { defineHandlers } from './types';

export const importHandlers = defineHandlers({
  'import.preview': async ({ source, period, map, merge }, { session }) => {
    const sheet = await loadSheet(source, map, await session.read(rememberedMapping));
    return session.read((tx) => previewImport(tx, period, merge, sheet));
  },
  'import.commit': async ({ source, period, map, merge }, { session }) => {
    const sheet = await loadSheet(source, map, await session.read(rememberedMapping));
    return session.write(async (tx) => {
      const done = await commitImport(tx, period, merge, sheet);
      // The file's name, not its folder on the importer's disk, which is nobody else's business on a team workbook.
      await auditWorkbook(tx, done.period, 'import', null, `${basename(done.file)}: ${done.added} added, ${done.updated} updated, ${done.removed} removed`);
      return done;
    });
  },
});

import { basename } from 'node:path';
import { auditWorkbook } from '../db/repos/audit';
import { commitImport, loadSheet, previewImport, rememberedMapping, sourceFile } from '../io/import';
import { defineHandlers } from './types';

export const importHandlers = defineHandlers({
  'import.preview': async ({ source, period, map, merge, plan, dimensions }, { session, staged }) => {
    const src = sourceFile(source, staged);
    const sheet = await loadSheet(src, source.sheet, map, await session.read(rememberedMapping), dimensions);
    const summary = await session.read((tx) => previewImport(tx, period, merge, sheet, plan));
    // Bytes the window sent are kept, so its next preview and its commit name them instead of sending them again.
    if (source.content !== undefined) return { ...summary, staged: staged.put(src) };
    return source.staged !== undefined ? { ...summary, staged: source.staged } : summary;
  },
  'import.commit': async ({ source, period, map, merge, plan, dimensions }, { session, staged }) => {
    const sheet = await loadSheet(sourceFile(source, staged), source.sheet, map, await session.read(rememberedMapping), dimensions);
    const done = await session.write(async (tx) => {
      const done = await commitImport(tx, period, merge, sheet, plan);
      // The file's name, not its folder on the importer's disk, which is nobody else's business on a team workbook.
      await auditWorkbook(tx, done.period, 'import', null, `${basename(done.file)}${plan ? ' (plan)' : ''}: ${done.added} added, ${done.updated} updated, ${done.removed} removed`);
      return done;
    });
    if (source.staged !== undefined) staged.drop(source.staged);
    return done;
  },
});

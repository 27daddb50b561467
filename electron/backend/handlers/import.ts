import { commitImport, loadSheet, previewImport, rememberedMapping } from '../io/import';
import { defineHandlers } from './types';

export const importHandlers = defineHandlers({
  'import.preview': async ({ source, period, map, merge }, { session }) => {
    const sheet = await loadSheet(source, map, session.read(rememberedMapping));
    return session.read((db) => previewImport(db, period, merge, sheet));
  },
  'import.commit': async ({ source, period, map, merge }, { session }) => {
    const sheet = await loadSheet(source, map, session.read(rememberedMapping));
    return session.write((db) => commitImport(db, period, merge, sheet));
  },
});

import { commitImport, loadSheet, previewImport, rememberedMapping } from '../io/import';
import { defineHandlers } from './types';

export const importHandlers = defineHandlers({
  'import.preview': async ({ source, period, map, merge }, { session }) => {
    const sheet = await loadSheet(source, map, await session.read(rememberedMapping));
    return session.read((tx) => previewImport(tx, period, merge, sheet));
  },
  'import.commit': async ({ source, period, map, merge }, { session }) => {
    const sheet = await loadSheet(source, map, await session.read(rememberedMapping));
    return session.write((tx) => commitImport(tx, period, merge, sheet));
  },
});

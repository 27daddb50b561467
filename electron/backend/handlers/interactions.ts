import { CpwError } from '../../../shared/ipc/errors';
import { Interaction } from '../../../shared/schemas/interaction';
import { addInteraction, deleteInteraction, getInteraction, listInteractions, updateInteraction } from '../db/repos/interactions';
import { problemsMessage, zodProblems } from '../validation';
import { sourceFile } from '../io/import';
import { importInteractions, parseInteractions } from '../io/interactions';
import { readTable } from '../io/table';
import { defineHandlers } from './types';

export const interactionHandlers = defineHandlers({
  'interactions.list': ({ account }, { session }) => session.read((tx) => listInteractions(tx, account)),
  'interactions.add': ({ interaction }, { session }) => session.write((tx) => addInteraction(tx, interaction)),
  'interactions.update': ({ id, patch }, { session }) =>
    session.write(async (tx) => {
      const current = await getInteraction(tx, id);
      // The patch is checked as the whole interaction it makes, so a rule across fields holds too.
      const parsed = Interaction.safeParse({ ...current, ...patch, id });
      if (!parsed.success) {
        const problems = zodProblems(parsed.error, { account: current.account });
        throw new CpwError('INVALID_INPUT', problemsMessage(`interaction ${id} (${current.account}, ${current.date})`, problems), { problems });
      }
      return updateInteraction(tx, id, parsed.data);
    }),
  'interactions.delete': ({ id }, { session }) =>
    session.write(async (tx) => {
      await deleteInteraction(tx, id);
      return { done: true as const };
    }),
  'interactions.import': async ({ source }, { session, staged }) => {
    const src = sourceFile(source, staged);
    const table = await readTable(src, source.sheet);
    const rows = await session.write(async (tx) => importInteractions(tx, src.name, await parseInteractions(tx, table.records, { decimalComma: table.decimalComma })));
    return { file: src.name, rows };
  },
});

import { preCall } from '../../../shared/engine/interactions';
import { CpwError } from '../../../shared/ipc/errors';
import { getAssumptions } from '../db/repos/assumptions';
import { findAccountName } from '../db/repos/rows';
import { addInteraction, deleteInteraction, listInteractions } from '../db/repos/interactions';
import { defineHandlers } from './types';

export const interactionHandlers = defineHandlers({
  'interactions.list': ({ account }, { session }) => session.read((db) => listInteractions(db, account)),
  'interactions.add': ({ interaction }, { session }) => session.write((db) => addInteraction(db, interaction)),
  'interactions.delete': ({ id }, { session }) =>
    session.write((db) => {
      deleteInteraction(db, id);
      return { done: true as const };
    }),
  'precall.check': ({ account, plan }, { session }) =>
    session.read((db) => {
      const known = account === undefined ? null : findAccountName(db, account);
      if (account !== undefined && known === null) throw new CpwError('NOT_FOUND', `no account "${account}" in this workbook`);
      return { account: known, ...preCall(plan, getAssumptions(db)) };
    }),
});

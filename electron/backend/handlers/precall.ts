import { preCall } from '../../../shared/engine/interactions';
import { CpwError } from '../../../shared/ipc/errors';
import { getAssumptions } from '../db/repos/assumptions';
import { findAccountName } from '../db/repos/rows';
import { defineHandlers } from './types';

export const precallHandlers = defineHandlers({
  'precall.check': ({ account, plan }, { session }) =>
    session.read((db) => {
      const known = account === undefined ? null : findAccountName(db, account);
      if (account !== undefined && known === null) throw new CpwError('NOT_FOUND', `no account "${account}" in this workbook`);
      return { account: known, ...preCall(plan, getAssumptions(db)) };
    }),
});

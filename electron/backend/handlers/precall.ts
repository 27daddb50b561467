import { preCall } from '../../../shared/engine/interactions';
import { CpwError } from '../../../shared/ipc/errors';
import { getAssumptions } from '../db/repos/assumptions';
import { findAccountName } from '../db/repos/rows';
import { defineHandlers } from './types';

export const precallHandlers = defineHandlers({
  'precall.check': ({ account, plan }, { session }) =>
    session.read(async (tx) => {
      const known = account === undefined ? null : await findAccountName(tx, account);
      if (account !== undefined && known === null) throw new CpwError('NOT_FOUND', `no account "${account}" in this workbook`);
      return { account: known, ...preCall(plan, await getAssumptions(tx)) };
    }),
});

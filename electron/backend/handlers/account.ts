import { computeColumns } from '../../../shared/engine/sheet';
import { accountResult } from '../../../shared/engine/results';
import { CpwError } from '../../../shared/ipc/errors';
import { getAssumptions } from '../db/repos/assumptions';
import { periodColumns } from '../db/repos/pools';
import { listPeriods } from '../db/repos/periods';
import { findAccountName } from '../db/repos/rows';
import { defineHandlers } from './types';

export const accountHandlers = defineHandlers({
  // Each period is computed whole: an account's segment and Pareto class depend on the others.
  'account.picture': ({ account }, { session }) =>
    session.read(async (tx) => {
      const name = await findAccountName(tx, account);
      if (name === null) throw new CpwError('NOT_FOUND', `no account "${account}" in this workbook`);
      const key = name.toLowerCase();
      const assumptions = await getAssumptions(tx);
      const periods = [];
      for (const p of await listPeriods(tx)) {
        const result = computeColumns(await periodColumns(tx, p.id), assumptions);
        const i = result.columns.accountKey.indexOf(key);
        periods.push({ period: p.label, result: i < 0 ? null : accountResult(result, i) });
      }
      return { account: name, periods };
    }),
});

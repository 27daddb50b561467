import { trends } from '../../../shared/engine/trends';
import { getAssumptions } from '../db/repos/assumptions';
import { periodColumns } from '../db/repos/pools';
import { listPeriods } from '../db/repos/periods';
import { defineHandlers } from './types';

export const trendHandlers = defineHandlers({
  'trends.get': (_input, { session }) =>
    session.read(async (tx) => {
      const periods = [];
      for (const p of await listPeriods(tx)) periods.push({ label: p.label, columns: await periodColumns(tx, p.id) });
      return trends(periods, await getAssumptions(tx));
    }),
});

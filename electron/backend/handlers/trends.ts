import { trends } from '../../../shared/engine/trends';
import { selectRows } from '../../../shared/engine/columns';
import { getAssumptions } from '../db/repos/assumptions';
import { getDimension } from '../db/repos/dimensions';
import { periodColumns } from '../db/repos/pools';
import { listPeriods } from '../db/repos/periods';
import { defineHandlers } from './types';

export const trendHandlers = defineHandlers({
  'trends.get': ({ where }, { session }) =>
    session.read(async (tx) => {
      // A dimension named is checked first: a typo is refused with the workbook's dimensions, not shown as empty trends.
      const name = where ? (await getDimension(tx, where.name)).name : null;
      const value = where?.value.toLowerCase();
      const periods = [];
      for (const p of await listPeriods(tx)) {
        const all = await periodColumns(tx, p.id);
        const d = all.dimensions.find((x) => x.name === name);
        const columns = d ? selectRows(all, (i) => d.ids[i]! >= 0 && d.values[d.ids[i]!]!.toLowerCase() === value) : all;
        periods.push({ label: p.label, columns });
      }
      return trends(periods, await getAssumptions(tx));
    }),
});

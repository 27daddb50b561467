import { trends } from '../../../shared/engine/trends';
import { getAssumptions } from '../db/repos/assumptions';
import { periodColumns } from '../db/repos/pools';
import { listPeriods } from '../db/repos/periods';
import { defineHandlers } from './types';

export const trendHandlers = defineHandlers({
  'trends.get': (_input, { session }) =>
    session.read((db) =>
      trends(
        listPeriods(db).map((p) => ({ label: p.label, columns: periodColumns(db, p.id) })),
        getAssumptions(db),
      ),
    ),
});

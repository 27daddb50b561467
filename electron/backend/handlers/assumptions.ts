import { ASSUMPTION_KEYS } from '../../../shared/schemas/assumptions';
import { auditWorkbook } from '../db/repos/audit';
import { getAssumptions, setAssumptions } from '../db/repos/assumptions';
import { defineHandlers } from './types';

export const assumptionHandlers = defineHandlers({
  'assumptions.get': (_input, { session }) => session.read((tx) => getAssumptions(tx)),
  'assumptions.set': ({ patch }, { session }) =>
    session.write(async (tx) => {
      const before = await getAssumptions(tx);
      const after = await setAssumptions(tx, patch);
      for (const key of ASSUMPTION_KEYS) {
        if (before[key] !== after[key]) await auditWorkbook(tx, null, `assumption ${key}`, String(before[key]), String(after[key]));
      }
      return after;
    }),
});

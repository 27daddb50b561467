import { createPeriod, deletePeriod, listPeriods, renamePeriod } from '../db/repos/periods';
import { defineHandlers } from './types';

export const periodHandlers = defineHandlers({
  'periods.list': (_input, { session }) => session.read((db) => listPeriods(db)),
  'periods.create': ({ label, copyFrom }, { session }) => session.write((db) => createPeriod(db, label, copyFrom)),
  'periods.rename': ({ label, newLabel }, { session }) => session.write((db) => renamePeriod(db, label, newLabel)),
  'periods.delete': ({ label }, { session }) =>
    session.write((db) => {
      deletePeriod(db, label);
      return { done: true as const };
    }),
});

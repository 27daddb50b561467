import { recordedPeriods } from '../db/repos/history';
import { createPeriod, deletePeriod, findPeriod, getPeriod, listPeriods, renamePeriod, reorderPeriods } from '../db/repos/periods';
import { defineHandlers } from './types';

// Every action on the periods is one step of the history, so Undo brings a deleted period back with its rows.
export const periodHandlers = defineHandlers({
  'periods.list': (_input, { session }) => session.read((db) => listPeriods(db)),
  'periods.create': ({ label, copyFrom }, { session }) =>
    session.write((db) =>
      recordedPeriods(
        db,
        copyFrom === undefined ? `add period ${label}` : `copy ${copyFrom} to ${label}`,
        () => findPeriod(db, label)?.id ?? null,
        () => createPeriod(db, label, copyFrom),
      ),
    ),
  'periods.rename': ({ label, newLabel }, { session }) =>
    session.write((db) => {
      const { label: current } = getPeriod(db, label);
      return recordedPeriods(db, `rename ${current} to ${newLabel}`, () => null, () => renamePeriod(db, label, newLabel));
    }),
  'periods.reorder': ({ labels }, { session }) =>
    session.write((db) => recordedPeriods(db, 'reorder periods', () => null, () => reorderPeriods(db, labels))),
  'periods.delete': ({ label }, { session }) =>
    session.write((db) => {
      const { id, label: current } = getPeriod(db, label);
      recordedPeriods(db, `delete period ${current}`, () => (findPeriod(db, current) ? id : null), () => deletePeriod(db, label));
      return { done: true as const };
    }),
});

import { auditWorkbook } from '../db/repos/audit';
import { recordedPeriods } from '../db/repos/history';
import { createPeriod, deletePeriod, findPeriod, getPeriod, listPeriods, renamePeriod, reorderPeriods } from '../db/repos/periods';
import { fillPeriod } from './plan';
import { defineHandlers } from './types';

// Every action on the periods is one step of the history, so Undo brings a deleted period back with its rows.
export const periodHandlers = defineHandlers({
  'periods.list': (_input, { session }) => session.read((tx) => listPeriods(tx)),
  'periods.create': ({ label, copyFrom }, { session }) =>
    session.write((tx) =>
      recordedPeriods(
        tx,
        copyFrom === undefined ? `add period ${label}` : `copy ${copyFrom} to ${label}`,
        async () => (await findPeriod(tx, label))?.id ?? null,
        async () => {
          const made = await createPeriod(tx, label, copyFrom);
          await auditWorkbook(tx, label, 'period', null, copyFrom === undefined ? `${label} added` : `${label} copied from ${copyFrom}`);
          return made;
        },
      ),
    ),
  'periods.rename': ({ label, newLabel }, { session }) =>
    session.write(async (tx) => {
      const { label: current } = await getPeriod(tx, label);
      const renamed = await recordedPeriods(tx, `rename ${current} to ${newLabel}`, async () => null, () => renamePeriod(tx, label, newLabel));
      await auditWorkbook(tx, newLabel, 'period', current, newLabel);
      return renamed;
    }),
  'periods.reorder': ({ labels }, { session }) =>
    session.write((tx) => recordedPeriods(tx, 'reorder periods', async () => null, () => reorderPeriods(tx, labels))),
  /** Fill an existing period from another, empty cells only (handlers/plan.ts): one undoable step. */
  'periods.fill': ({ label, from }, { session }) => session.write((tx) => fillPeriod(tx, label, from)),
  'periods.delete': ({ label }, { session }) =>
    session.write(async (tx) => {
      const { id, label: current } = await getPeriod(tx, label);
      await recordedPeriods(tx, `delete period ${current}`, async () => ((await findPeriod(tx, current)) ? id : null), () => deletePeriod(tx, label));
      await auditWorkbook(tx, current, 'period', null, `${current} deleted`);
      return { done: true as const };
    }),
});

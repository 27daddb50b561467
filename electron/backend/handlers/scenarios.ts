import { runScenario } from '../../../shared/engine/scenarios';
import { CpwError } from '../../../shared/ipc/errors';
import { getAssumptions } from '../db/repos/assumptions';
import { periodColumns } from '../db/repos/pools';
import { periodOrLatest } from '../db/repos/periods';
import { deleteScenario, getScenario, listScenarios, saveScenario } from '../db/repos/scenarios';
import { defineHandlers } from './types';

export const scenarioHandlers = defineHandlers({
  'scenarios.list': (_input, { session }) => session.read((db) => listScenarios(db)),
  'scenarios.save': ({ scenario }, { session }) => session.write((db) => saveScenario(db, scenario)),
  'scenarios.delete': ({ name }, { session }) =>
    session.write((db) => {
      deleteScenario(db, name);
      return { done: true as const };
    }),
  /** Adjustments given run as they are; a name alone runs the saved scenario. Nothing is written. */
  'scenarios.run': ({ period, name, adjustments }, { session }) =>
    session.read((db) => {
      if (adjustments === undefined && name === undefined) {
        throw new CpwError('INVALID_INPUT', 'a scenario needs adjustments or the name of a saved scenario');
      }
      const steps = adjustments ?? getScenario(db, name!).adjustments;
      const p = periodOrLatest(db, period);
      return runScenario(periodColumns(db, p.id), getAssumptions(db), steps, { name: name ?? null, period: p.label });
    }),
});

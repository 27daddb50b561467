import { runScenario } from '../../../shared/engine/scenarios';
import { CpwError } from '../../../shared/ipc/errors';
import { getAssumptions } from '../db/repos/assumptions';
import { periodColumns } from '../db/repos/pools';
import { periodOrLatest } from '../db/repos/periods';
import { getDimension } from '../db/repos/dimensions';
import { deleteScenario, getScenario, listScenarios, saveScenario } from '../db/repos/scenarios';
import { defineHandlers } from './types';

export const scenarioHandlers = defineHandlers({
  'scenarios.list': (_input, { session }) => session.read((tx) => listScenarios(tx)),
  'scenarios.save': ({ scenario }, { session }) => session.write((tx) => saveScenario(tx, scenario)),
  'scenarios.delete': ({ name }, { session }) =>
    session.write(async (tx) => {
      await deleteScenario(tx, name);
      return { done: true as const };
    }),
  /** Adjustments given run as they are; a name alone runs the saved scenario. Nothing is written. */
  'scenarios.run': ({ period, name, adjustments }, { session }) =>
    session.read(async (tx) => {
      if (adjustments === undefined && name === undefined) {
        throw new CpwError('INVALID_INPUT', 'a scenario needs adjustments or the name of a saved scenario');
      }
      const steps = adjustments ?? (await getScenario(tx, name!)).adjustments;
      const p = await periodOrLatest(tx, period);
      for (const step of steps) for (const name of Object.keys(step.where.dimensions ?? {})) await getDimension(tx, name);
      return runScenario(await periodColumns(tx, p.id), await getAssumptions(tx), steps, { name: name ?? null, period: p.label });
    }),
});

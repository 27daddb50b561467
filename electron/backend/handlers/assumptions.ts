import { getAssumptions, setAssumptions } from '../db/repos/assumptions';
import { defineHandlers } from './types';

export const assumptionHandlers = defineHandlers({
  'assumptions.get': (_input, { session }) => session.read((tx) => getAssumptions(tx)),
  'assumptions.set': ({ patch }, { session }) => session.write((tx) => setAssumptions(tx, patch)),
});

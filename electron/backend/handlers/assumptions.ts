import { getAssumptions, setAssumptions } from '../db/repos/assumptions';
import { defineHandlers } from './types';

export const assumptionHandlers = defineHandlers({
  'assumptions.get': (_input, { session }) => session.read((db) => getAssumptions(db)),
  'assumptions.set': ({ patch }, { session }) => session.write((db) => setAssumptions(db, patch)),
});

import { historyState, redo, undo } from '../db/repos/history';
import { defineHandlers } from './types';

export const historyHandlers = defineHandlers({
  'history.state': (_input, { session }) => session.read((tx) => historyState(tx)),
  'history.undo': (_input, { session }) => session.write(async (tx) => ({ ...(await undo(tx)), ...(await historyState(tx)) })),
  'history.redo': (_input, { session }) => session.write(async (tx) => ({ ...(await redo(tx)), ...(await historyState(tx)) })),
});

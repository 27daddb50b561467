import { historyState, redo, undo } from '../db/repos/history';
import { defineHandlers } from './types';

export const historyHandlers = defineHandlers({
  'history.state': (_input, { session }) => session.read((db) => historyState(db)),
  'history.undo': (_input, { session }) => session.write((db) => ({ ...undo(db), ...historyState(db) })),
  'history.redo': (_input, { session }) => session.write((db) => ({ ...redo(db), ...historyState(db) })),
});

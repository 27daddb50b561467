import { CpwError } from '../../../shared/ipc/errors';
import { SheetRow } from '../../../shared/schemas/row';
import { getPeriod } from '../db/repos/periods';
import { deleteRows, insertRow, listRows, updateRow } from '../db/repos/rows';
import { problemsMessage, zodProblems } from '../validation';
import { defineHandlers } from './types';

export const rowHandlers = defineHandlers({
  'rows.list': ({ period }, { session }) => session.read((db) => listRows(db, getPeriod(db, period).id)),
  'rows.insert': ({ period, row }, { session }) => {
    const parsed = SheetRow.safeParse(row);
    if (!parsed.success) {
      const problems = zodProblems(parsed.error, { value: row.account });
      throw new CpwError('INVALID_INPUT', problemsMessage(`account "${row.account}"`, problems), { problems });
    }
    return session.write((db) => insertRow(db, getPeriod(db, period).id, parsed.data));
  },
  'rows.update': ({ period, account, patch }, { session }) =>
    session.write((db) => updateRow(db, getPeriod(db, period).id, account, patch)),
  'rows.delete': ({ period, accounts }, { session }) =>
    session.write((db) => ({ deleted: deleteRows(db, getPeriod(db, period).id, accounts) })),
});

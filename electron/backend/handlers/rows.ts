import type Database from 'better-sqlite3';
import { CpwError, type Problem } from '../../../shared/ipc/errors';
import { SheetRow, type SheetRowPatch } from '../../../shared/schemas/row';
import { historyState, recorded, redo, undo } from '../db/repos/history';
import { getPeriod } from '../db/repos/periods';
import { checkPatch, deleteRows, findAccountId, findRow, insertRow, listColumns, listRows, updateRow } from '../db/repos/rows';
import { toRowColumns } from '../../../shared/engine/columns';
import { problemsMessage, zodProblems } from '../validation';
import { defineHandlers } from './types';

function accountIdOrFail(db: Database.Database, name: string): number {
  const id = findAccountId(db, name);
  if (id === null) throw new CpwError('NOT_FOUND', `no account "${name}" in this workbook`);
  return id;
}

/** Several row patches as one undoable action: every patch is checked first, and any problem refuses them all. */
function patchMany(db: Database.Database, periodId: number, patches: readonly { account: string; patch: SheetRowPatch }[]): SheetRow[] {
  const problems: Problem[] = [];
  for (const { account, patch } of patches) {
    const current = findRow(db, periodId, account);
    if (!current) {
      problems.push({ account, rule: `no account "${account}" in this period` });
      continue;
    }
    try {
      checkPatch(current, patch);
    } catch (e) {
      if (e instanceof CpwError) problems.push(...(e.details?.problems ?? [{ account, rule: e.message }]));
      else throw e;
    }
  }
  if (problems.length) {
    throw new CpwError('INVALID_INPUT', problemsMessage('nothing changed', problems.map((p) => ({ ...p, field: `${p.account}, ${p.field ?? ''}` }))), { problems });
  }
  const ids = patches.map((p) => accountIdOrFail(db, p.account));
  return recorded(db, patches.length === 1 ? `edit ${patches[0]!.account}` : `paste into ${patches.length} rows`, periodId, ids, () =>
    patches.map(({ account, patch }) => updateRow(db, periodId, account, patch)),
  );
}

export const rowHandlers = defineHandlers({
  'rows.list': ({ period }, { session }) => session.read((db) => listRows(db, getPeriod(db, period).id)),
  'rows.columns': ({ period }, { session }) => session.read((db) => toRowColumns(listColumns(db, getPeriod(db, period).id))),
  'rows.insert': ({ period, row }, { session }) => {
    const parsed = SheetRow.safeParse(row);
    if (!parsed.success) {
      const problems = zodProblems(parsed.error, { account: row.account });
      throw new CpwError('INVALID_INPUT', problemsMessage(`account "${row.account}"`, problems), { problems });
    }
    return session.write((db) => {
      const periodId = getPeriod(db, period).id;
      if (findRow(db, periodId, parsed.data.account)) throw new CpwError('CONFLICT', `account "${parsed.data.account}" is already in this period`);
      // The account exists before the action is recorded, so undo removes the row and leaves the name free to reuse.
      const id =
        findAccountId(db, parsed.data.account) ??
        Number(db.prepare('INSERT INTO accounts (name) VALUES (?)').run(parsed.data.account).lastInsertRowid);
      return recorded(db, `add ${parsed.data.account}`, periodId, [id], () => insertRow(db, periodId, parsed.data));
    });
  },
  'rows.update': ({ period, account, patch }, { session }) =>
    session.write((db) => {
      const periodId = getPeriod(db, period).id;
      return recorded(db, `edit ${account}`, periodId, [accountIdOrFail(db, account)], () => updateRow(db, periodId, account, patch));
    }),
  'rows.patch': ({ period, patches }, { session }) => session.write((db) => patchMany(db, getPeriod(db, period).id, patches)),
  'rows.delete': ({ period, accounts }, { session }) =>
    session.write((db) => {
      const periodId = getPeriod(db, period).id;
      const ids = accounts.map((a) => accountIdOrFail(db, a));
      const label = accounts.length === 1 ? `delete ${accounts[0]}` : `delete ${accounts.length} accounts`;
      return { deleted: recorded(db, label, periodId, ids, () => deleteRows(db, periodId, accounts)) };
    }),
  'history.state': (_input, { session }) => session.read((db) => historyState(db)),
  'history.undo': (_input, { session }) => session.write((db) => ({ ...undo(db), ...historyState(db) })),
  'history.redo': (_input, { session }) => session.write((db) => ({ ...redo(db), ...historyState(db) })),
});

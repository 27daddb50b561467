import type Database from 'better-sqlite3';
import { CpwError, type Problem } from '../../../shared/ipc/errors';
import { SheetRow, type SheetRowPatch } from '../../../shared/schemas/row';
import { historyState, recordChanges, recorded, rowChange, type Change } from '../db/repos/history';
import { getPeriod, periodIdOf } from '../db/repos/periods';
import { checkPatch, createAccount, deleteRows, findAccountId, findRow, findStoredRow, insertRow, writeRowChange, type StoredRow } from '../db/repos/rows';
import { listColumns, listRows } from '../db/repos/period-rows';
import { toRowColumns } from '../../../shared/engine/columns';
import { problemsMessage, zodProblems } from '../validation';
import { defineHandlers } from './types';

function accountIdOrFail(db: Database.Database, name: string): number {
  const id = findAccountId(db, name);
  if (id === null) throw new CpwError('NOT_FOUND', `no account "${name}" in this workbook`);
  return id;
}

/**
 * Cell edits, one or a block, as one undoable action: each row read once
 * (with its ids), every patch checked against it before anything is written
 * (any problem refuses them all), then written where it changed and kept in
 * the history from what was read and written, nothing read again. The
 * caller holds the transaction.
 */
function editRows(db: Database.Database, period: string, patches: readonly { account: string; patch: SheetRowPatch }[]): SheetRow[] {
  const periodId = periodIdOf(db, period);
  const problems: Problem[] = [];
  // Two patches of one account in a block apply in turn: the second sees the first.
  const pending = new Map<number, { stored: StoredRow; next: SheetRow }>();
  const edited: { accountId: number; next: SheetRow }[] = [];
  for (const { account, patch } of patches) {
    const stored = findStoredRow(db, periodId, account);
    if (!stored) {
      if (patches.length === 1) throw new CpwError('NOT_FOUND', `no account "${account}" in this period`);
      problems.push({ account, rule: `no account "${account}" in this period` });
      continue;
    }
    const current = pending.get(stored.accountId)?.next ?? stored.row;
    try {
      const next = checkPatch(current, patch);
      pending.set(stored.accountId, { stored: pending.get(stored.accountId)?.stored ?? stored, next });
      edited.push({ accountId: stored.accountId, next });
    } catch (e) {
      // One cell's refusal reads best in its own words; a block's are listed together below.
      if (!(e instanceof CpwError) || patches.length === 1) throw e;
      problems.push(...(e.details?.problems ?? [{ account, rule: e.message }]));
    }
  }
  if (problems.length) {
    throw new CpwError('INVALID_INPUT', problemsMessage('nothing changed', problems.map((p) => ({ ...p, field: `${p.account}, ${p.field ?? ''}` }))), { problems });
  }
  const changes: Change[] = [];
  for (const [accountId, { stored, next }] of pending) {
    writeRowChange(db, periodId, stored, next);
    changes.push(rowChange(periodId, accountId, stored.position, stored.row, next));
  }
  recordChanges(db, patches.length === 1 ? `edit ${patches[0]!.account}` : `paste into ${patches.length} rows`, changes);
  return edited.map((e) => e.next);
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
      const id = findAccountId(db, parsed.data.account) ?? createAccount(db, parsed.data.account);
      return recorded(db, `add ${parsed.data.account}`, periodId, [id], () => insertRow(db, periodId, parsed.data));
    });
  },
  'rows.edit': ({ period, patches }, { session }) => session.write((db) => ({ rows: editRows(db, period, patches), history: historyState(db) })),
  'rows.update': ({ period, account, patch }, { session }) => session.write((db) => editRows(db, period, [{ account, patch }])[0]!),
  'rows.patch': ({ period, patches }, { session }) => session.write((db) => editRows(db, period, patches)),
  'rows.delete': ({ period, accounts }, { session }) =>
    session.write((db) => {
      const periodId = getPeriod(db, period).id;
      const ids = accounts.map((a) => accountIdOrFail(db, a));
      const label = accounts.length === 1 ? `delete ${accounts[0]}` : `delete ${accounts.length} accounts`;
      return { deleted: recorded(db, label, periodId, ids, () => deleteRows(db, periodId, accounts)) };
    }),
});

import type { Sql } from '../db/sql';
import { CpwError, type Problem } from '../../../shared/ipc/errors';
import { SheetRow, type SheetRowPatch } from '../../../shared/schemas/row';
import { historyState, recordChanges, recorded, rowChange, type Change } from '../db/repos/history';
import { getPeriod, periodIdOf } from '../db/repos/periods';
import { checkPatch, createAccount, deleteRows, findAccountId, findRow, findStoredRow, insertRow, writeRowChange, type StoredRow } from '../db/repos/rows';
import { listColumns, listRows } from '../db/repos/period-rows';
import { toRowColumns } from '../../../shared/engine/columns';
import { problemsMessage, zodProblems } from '../validation';
import { defineHandlers } from './types';

async function accountIdOrFail(tx: Sql, name: string): Promise<number> {
  const id = await findAccountId(tx, name);
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
async function editRows(tx: Sql, period: string, patches: readonly { account: string; patch: SheetRowPatch }[]): Promise<SheetRow[]> {
  const periodId = await periodIdOf(tx, period);
  const problems: Problem[] = [];
  // Two patches of one account in a block apply in turn: the second sees the first.
  const pending = new Map<number, { stored: StoredRow; next: SheetRow }>();
  const edited: { accountId: number; next: SheetRow }[] = [];
  for (const { account, patch } of patches) {
    const stored = await findStoredRow(tx, periodId, account);
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
    await writeRowChange(tx, periodId, stored, next);
    changes.push(rowChange(periodId, accountId, stored.position, stored.row, next));
  }
  await recordChanges(tx, patches.length === 1 ? `edit ${patches[0]!.account}` : `paste into ${patches.length} rows`, changes);
  return edited.map((e) => e.next);
}

export const rowHandlers = defineHandlers({
  'rows.list': ({ period }, { session }) => session.read(async (tx) => listRows(tx, (await getPeriod(tx, period)).id)),
  'rows.columns': ({ period }, { session }) => session.read(async (tx) => toRowColumns(await listColumns(tx, (await getPeriod(tx, period)).id))),
  'rows.insert': ({ period, row }, { session }) => {
    const parsed = SheetRow.safeParse(row);
    if (!parsed.success) {
      const problems = zodProblems(parsed.error, { account: row.account });
      throw new CpwError('INVALID_INPUT', problemsMessage(`account "${row.account}"`, problems), { problems });
    }
    return session.write(async (tx) => {
      const periodId = (await getPeriod(tx, period)).id;
      if (await findRow(tx, periodId, parsed.data.account)) throw new CpwError('CONFLICT', `account "${parsed.data.account}" is already in this period`);
      // The account exists before the action is recorded, so undo removes the row and leaves the name free to reuse.
      const id = (await findAccountId(tx, parsed.data.account)) ?? (await createAccount(tx, parsed.data.account));
      return recorded(tx, `add ${parsed.data.account}`, periodId, [id], () => insertRow(tx, periodId, parsed.data));
    });
  },
  'rows.edit': ({ period, patches }, { session }) => session.write(async (tx) => ({ rows: await editRows(tx, period, patches), history: await historyState(tx) })),
  'rows.update': ({ period, account, patch }, { session }) => session.write(async (tx) => (await editRows(tx, period, [{ account, patch }]))[0]!),
  'rows.patch': ({ period, patches }, { session }) => session.write((tx) => editRows(tx, period, patches)),
  'rows.delete': ({ period, accounts }, { session }) =>
    session.write(async (tx) => {
      const periodId = (await getPeriod(tx, period)).id;
      const ids: number[] = [];
      for (const a of accounts) ids.push(await accountIdOrFail(tx, a));
      const label = accounts.length === 1 ? `delete ${accounts[0]}` : `delete ${accounts.length} accounts`;
      return { deleted: await recorded(tx, label, periodId, ids, () => deleteRows(tx, periodId, accounts)) };
    }),
});

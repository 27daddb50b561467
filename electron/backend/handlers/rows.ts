import type { Sql } from '../db/sql';
import { CpwError, type Problem, type RpcError } from '../../../shared/ipc/errors';
import { SheetRow, type SheetRowPatch, type VersionedRow } from '../../../shared/schemas/row';
import { actorName } from '../actor';
import { auditRow } from '../db/repos/audit';
import { rowsChanged } from '../team/changes';
import { assertMayWrite, assertMayWriteAccount } from '../team/permissions';

type RowEdit = { account: string; patch: SheetRowPatch; version?: number };
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
async function editRows(tx: Sql, period: string, patches: readonly RowEdit[]): Promise<VersionedRow[]> {
  const periodId = await periodIdOf(tx, period);
  const problems: Problem[] = [];
  const conflicts: NonNullable<NonNullable<RpcError['details']>['conflicts']> = [];
  // Two patches of one account in a block apply in turn: the second sees the first.
  const pending = new Map<number, { stored: StoredRow; next: SheetRow }>();
  const edited: { accountId: number; next: SheetRow }[] = [];
  for (const { account, patch, version } of patches) {
    const stored = await findStoredRow(tx, periodId, account);
    if (!stored) {
      if (patches.length === 1) throw new CpwError('NOT_FOUND', `no account "${account}" in this period`);
      problems.push({ account, rule: `no account "${account}" in this period` });
      continue;
    }
    assertMayWriteAccount(stored.row.account, stored.row.owner);
    if (version !== undefined && version !== stored.version && !conflicts.some((c) => c.account === stored.row.account)) {
      conflicts.push({ account: stored.row.account, version: stored.version, row: stored.row, changedBy: stored.changedBy, changedAt: stored.changedAt });
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
  if (conflicts.length) throw conflictError(conflicts);
  if (problems.length) {
    throw new CpwError('INVALID_INPUT', problemsMessage('nothing changed', problems.map((p) => ({ ...p, field: `${p.account}, ${p.field ?? ''}` }))), { problems });
  }
  const changes: Change[] = [];
  const by = actorName();
  const at = new Date().toISOString();
  const written = new Map<number, VersionedRow>();
  for (const [accountId, { stored, next }] of pending) {
    const version = await writeRowChange(tx, periodId, stored, next, by, at);
    written.set(accountId, { ...next, version, changedBy: by, changedAt: at });
    changes.push(rowChange(periodId, accountId, stored.position, stored.row, next));
    await auditRow(tx, period, stored.row, next, at);
  }
  await recordChanges(tx, patches.length === 1 ? `edit ${patches[0]!.account}` : `paste into ${patches.length} rows`, changes);
  rowsChanged(period, [...pending.values()].map((p) => p.next.account));
  // Each patch answers its row as it was after that patch, with the version the last write gave it.
  return edited.map((e) => ({ ...e.next, version: written.get(e.accountId)!.version, changedBy: by, changedAt: at }));
}

/** A stale edit, refused whole: who changed each row and when, and the row as they left it, for the window to show beside the user's. */
function conflictError(conflicts: NonNullable<NonNullable<RpcError['details']>['conflicts']>): CpwError {
  const named = conflicts
    .slice(0, 5)
    .map((c) => `"${c.account}" was changed by ${c.changedBy ?? 'someone else'}${c.changedAt ? ` at ${c.changedAt}` : ''}`)
    .join('; ');
  const more = conflicts.length > 5 ? ` (and ${conflicts.length - 5} more)` : '';
  return new CpwError('CONFLICT', `${named}${more}, after the version this edit was made from; nothing was changed`, { conflicts });
}

export const rowHandlers = defineHandlers({
  'rows.list': ({ period, accounts }, { session }) => session.read(async (tx) => listRows(tx, (await getPeriod(tx, period)).id, accounts)),
  'rows.columns': ({ period }, { session }) =>
    session.read(async (tx) => {
      const versions: number[] = [];
      return toRowColumns(await listColumns(tx, (await getPeriod(tx, period)).id, versions), versions);
    }),
  'rows.insert': ({ period, row }, { session }) => {
    const parsed = SheetRow.safeParse(row);
    if (!parsed.success) {
      const problems = zodProblems(parsed.error, { account: row.account });
      throw new CpwError('INVALID_INPUT', problemsMessage(`account "${row.account}"`, problems), { problems });
    }
    return session.write(async (tx) => {
      const periodId = (await getPeriod(tx, period)).id;
      if (await findRow(tx, periodId, parsed.data.account)) throw new CpwError('CONFLICT', `account "${parsed.data.account}" is already in this period`);
      const known = await findAccountId(tx, parsed.data.account);
      const owner = known === null ? parsed.data.owner : await tx.value<string | null>('SELECT owner FROM accounts WHERE id = ?', [known]);
      assertMayWriteAccount(parsed.data.account, owner ?? null);
      // The account exists before the action is recorded, so undo removes the row and leaves the name free to reuse.
      const id = known ?? (await createAccount(tx, parsed.data.account, parsed.data.owner));
      const at = new Date().toISOString();
      const row = await recorded(tx, `add ${parsed.data.account}`, periodId, [id], () => insertRow(tx, periodId, parsed.data, actorName(), at));
      await auditRow(tx, period, null, row, at);
      rowsChanged(period, [row.account]);
      return row;
    });
  },
  'rows.edit': ({ period, patches }, { session }) => session.write(async (tx) => ({ rows: await editRows(tx, period, patches), history: await historyState(tx) })),
  'rows.update': ({ period, account, patch, version }, { session }) => session.write(async (tx) => (await editRows(tx, period, [{ account, patch, version }]))[0]!),
  'rows.patch': ({ period, patches }, { session }) => session.write((tx) => editRows(tx, period, patches)),
  'rows.delete': ({ period, accounts }, { session }) =>
    session.write(async (tx) => {
      assertMayWrite();
      const periodId = (await getPeriod(tx, period)).id;
      const ids: number[] = [];
      const gone: SheetRow[] = [];
      for (const a of accounts) {
        ids.push(await accountIdOrFail(tx, a));
        const row = await findRow(tx, periodId, a);
        if (row) {
          assertMayWriteAccount(row.account, row.owner);
          gone.push(row);
        }
      }
      const label = accounts.length === 1 ? `delete ${accounts[0]}` : `delete ${accounts.length} accounts`;
      const deleted = await recorded(tx, label, periodId, ids, () => deleteRows(tx, periodId, accounts));
      const at = new Date().toISOString();
      for (const row of gone) await auditRow(tx, period, row, null, at);
      rowsChanged(period, gone.map((r) => r.account));
      return { deleted };
    }),
});

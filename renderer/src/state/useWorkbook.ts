import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fedBuckets } from '../../../shared/engine/allocation';
import type { Client } from '../../../shared/ipc/client';
import type { HistoryState, WorkbookInfo } from '../../../shared/ipc/contract';
import { CpwError } from '../../../shared/ipc/errors';
import type { Assumptions, AssumptionsPatch } from '../../../shared/schemas/assumptions';
import type { Period } from '../../../shared/schemas/period';
import type { SheetRow, SheetRowPatch } from '../../../shared/schemas/row';
import { fromRowColumns, toRows } from '../../../shared/engine/columns';
import { resultFromParts } from '../../../shared/engine/sheet';
import { buildModel, modelAllocation, recompute, replaceRow, type SheetModel } from './period-model';
import { OFF_THREAD_FROM, OffThreadRecompute } from '../recompute/off-thread';
import { usePeriodActions, type Notice } from './usePeriodActions';
import { plainRow, sameRow, useTeamSync } from './useTeamSync';
export type { Notice };

/**
 * The open workbook as the window sees it: its periods, assumptions, the
 * current period's sheet model and the undo history. Every change goes to
 * the backend as one call; the model follows at once (an edit moves one
 * account in the engine), and a full recompute of a large period runs in a
 * worker.
 */
export function useWorkbook(client: Client) {
  const [info, setInfo] = useState<WorkbookInfo | null>(null);
  const [periods, setPeriods] = useState<Period[]>([]);
  const [period, setPeriod] = useState<string | null>(null);
  const [assumptions, setAssumptions] = useState<Assumptions | null>(null);
  const [model, setModel] = useState<SheetModel | null>(null);
  const [history, setHistory] = useState<HistoryState>({ undo: null, redo: null });
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const modelRef = useRef<SheetModel | null>(null);
  modelRef.current = model;
  const assumptionsRef = useRef<Assumptions | null>(null);
  assumptionsRef.current = assumptions;

  // A confirmation fades after a few seconds; an error stays until dismissed.
  useEffect(() => {
    if (notice?.kind !== 'info') return undefined;
    const timer = setTimeout(() => setNotice((n) => (n === notice ? null : n)), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  const fail = useCallback((e: unknown) => {
    setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
  }, []);

  const refreshHistory = useCallback(async () => setHistory(await client.call('history.state')), [client]);

  const loadRows = useCallback(
    async (label: string, a: Assumptions) => {
      setBusy(`Loading ${label}…`);
      try {
        const [wire, pools] = await Promise.all([client.call('rows.columns', { period: label }), client.call('pools.get', { period: label })]);
        versionsRef.current = new Map(wire.account.map((a, k) => [a.toLowerCase(), wire.version[k]!]));
        const columns = fromRowColumns(wire);
        const allocation = modelAllocation(pools.allocation.allocations, pools.setup.modes, fedBuckets(pools.setup.pools));
        setModel(buildModel(toRows(columns), a, allocation, columns));
      } finally {
        setBusy(null);
      }
    },
    [client],
  );

  const load = useCallback(
    async (wanted?: string | null) => {
      try {
        const [nextInfo, list, a] = await Promise.all([client.call('workbook.info'), client.call('periods.list'), client.call('assumptions.get')]);
        setInfo(nextInfo);
        setPeriods(list);
        setAssumptions(a);
        const label = list.find((p) => p.label === wanted)?.label ?? list[list.length - 1]?.label ?? null;
        setPeriod(label);
        if (label) await loadRows(label, a);
        else setModel(null);
        await refreshHistory();
        setLoadError(null);
      } catch (e) {
        setLoadError(e instanceof Error ? e.message : String(e));
      }
    },
    [client, loadRows, refreshHistory],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const { team, conflict, settleConflict, changedRows, versionsRef, keepVersions, meetConflict } = useTeamSync({ client, period, modelRef, assumptionsRef, setModel, setHistory, load, loadRows, fail });

  const choosePeriod = useCallback(
    async (label: string) => {
      setPeriod(label);
      if (assumptionsRef.current) await loadRows(label, assumptionsRef.current).catch(fail);
    },
    [loadRows, fail],
  );

  /** Save one row's change; the model already shows it, and is reloaded if the save fails. */
  const saveRow = useCallback(
    async (index: number, account: string, patch: SheetRowPatch, next: SheetRow) => {
      const m = modelRef.current;
      const a = assumptionsRef.current;
      if (!m || !a || !period) return;
      setModel(replaceRow(m, index, next, a));
      setBusy('Saving…');
      try {
        // One round trip: the row as stored and the history after it.
        const saved = await client.call('rows.edit', { period, patches: [{ account, patch, version: versionsRef.current.get(account.toLowerCase()) }] });
        keepVersions(saved.rows);
        const now = modelRef.current;
        const row = saved.rows[0] ? plainRow(saved.rows[0]) : undefined;
        if (now && row && !sameRow(now.rows[index], row)) setModel(replaceRow(now, index, row, a));
        setHistory(saved.history);
      } catch (e) {
        if (meetConflict(e, period, index, patch)) return;
        fail(e);
        await loadRows(period, a);
      } finally {
        setBusy(null);
      }
    },
    [client, period, loadRows, fail],
  );

  /** A block of changes as one action: all saved, or none and the reason; `words` say what it was (a paste by default). */
  const saveBlock = useCallback(
    async (patches: { index: number; account: string; patch: SheetRowPatch }[], words?: { busy: string; done: string }) => {
      const a = assumptionsRef.current;
      if (!a || !period) return false;
      setBusy(words?.busy ?? `Pasting into ${patches.length} row${patches.length === 1 ? '' : 's'}…`);
      try {
        const saved = await client.call('rows.edit', { period, patches: patches.map(({ account, patch }) => ({ account, patch, version: versionsRef.current.get(account.toLowerCase()) })) });
        keepVersions(saved.rows);
        let m = modelRef.current!;
        saved.rows.forEach((row, k) => {
          m = replaceRow(m, patches[k]!.index, plainRow(row), a);
        });
        setModel(m);
        setHistory(saved.history);
        setNotice({ kind: 'info', text: words?.done ?? `Pasted into ${patches.length} row${patches.length === 1 ? '' : 's'} (Ctrl+Z undoes it).` });
        return true;
      } catch (e) {
        fail(e);
        return false;
      } finally {
        setBusy(null);
      }
    },
    [client, period, fail],
  );

  const addAccount = useCallback(async () => {
    const m = modelRef.current;
    if (!period || !assumptionsRef.current) return null;
    const taken = new Set((m?.rows ?? []).map((r) => r.account.toLowerCase()));
    let name = 'New account';
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `New account ${k}`;
    try {
      await client.call('rows.insert', { period, row: { account: name, revenue: 0 } });
      await loadRows(period, assumptionsRef.current);
      await refreshHistory();
      return name;
    } catch (e) {
      fail(e);
      return null;
    }
  }, [client, period, loadRows, refreshHistory, fail]);

  const deleteAccounts = useCallback(
    async (accounts: string[]) => {
      if (!period || !assumptionsRef.current || accounts.length === 0) return;
      try {
        await client.call('rows.delete', { period, accounts });
        await loadRows(period, assumptionsRef.current);
        await refreshHistory();
        setNotice({ kind: 'info', text: `Deleted ${accounts.length === 1 ? accounts[0] : `${accounts.length} accounts`} (Ctrl+Z undoes it).` });
      } catch (e) {
        fail(e);
      }
    },
    [client, period, loadRows, refreshHistory, fail],
  );

  const step = useCallback(
    async (which: 'history.undo' | 'history.redo') => {
      try {
        const done = await client.call(which);
        setHistory({ undo: done.undo, redo: done.redo });
        // The step may have brought back or removed a period, so the list is read again with the rows.
        await load(done.period ?? period);
        setNotice({ kind: 'info', text: `${which === 'history.undo' ? 'Undone' : 'Redone'}: ${done.label}` });
      } catch (e) {
        if (e instanceof CpwError && e.code === 'NOT_FOUND') setNotice({ kind: 'info', text: e.message });
        else fail(e);
      }
    },
    [client, period, load, fail],
  );

  // Large periods recompute in a worker, so the window keeps answering while the assumptions change.
  const offThread = useMemo(() => new OffThreadRecompute(), []);
  useEffect(() => () => offThread.dispose(), [offThread]);

  /** The sheet again under new assumptions: at once when small, in the worker when large (asking again if an edit came meanwhile). */
  const recomputeModel = useCallback(
    async (a: Assumptions) => {
      for (let m = modelRef.current; m; ) {
        if (m.rows.length < OFF_THREAD_FROM) return setModel(recompute(m, a));
        setBusy('Recomputing…');
        try {
          const parts = await offThread.compute(m.result.columns, a);
          const now: SheetModel | null = modelRef.current;
          if (now === m) return setModel({ ...m, result: resultFromParts(m.result.columns, a, parts) });
          m = now;
        } finally {
          setBusy(null);
        }
      }
    },
    [offThread],
  );

  const changeAssumptions = useCallback(
    async (patch: AssumptionsPatch) => {
      try {
        const a = await client.call('assumptions.set', { patch });
        setAssumptions(a);
        await recomputeModel(a);
        setInfo((i) => (i ? { ...i, currency: a.currency } : i));
        return null;
      } catch (e) {
        // The rule itself ("dailyRate must be 0 or more") reads better beside the field than the call's name.
        if (e instanceof CpwError && e.details?.problems?.length) return e.details.problems.map((p) => p.rule).join('; ');
        return e instanceof Error ? e.message : String(e);
      }
    },
    [client, recomputeModel],
  );

  const { addPeriod, renamePeriod, reorderPeriods, deletePeriod } = usePeriodActions(client, period, load, setNotice, fail);
  /** A change saved by another call (a dimension's values): the model follows it, and the history is read again so Undo names it. */
  const followEdit = useCallback(async (next: (m: SheetModel, a: Assumptions) => SheetModel) => { if (modelRef.current && assumptionsRef.current) setModel(next(modelRef.current, assumptionsRef.current)); await refreshHistory(); }, [refreshHistory]);

  const [selected, setSelected] = useState<{ account: string; at: number } | null>(null);
  /** Show an account in the sheet: the dashboard's linked click. */
  const selectAccount = useCallback((account: string) => {
    setSelected({ account, at: Date.now() });
    window.location.hash = '#/sheet';
  }, []);

  /** Read the current period's rows and allocation again, and the history (Undo names the change): after the cost pools change. */
  const refreshRows = useCallback(async () => {
    if (period && assumptionsRef.current) await Promise.all([loadRows(period, assumptionsRef.current), refreshHistory()]).catch(fail);
  }, [period, loadRows, refreshHistory, fail]);

  return useMemo(
    () => ({
      client,
      team,
      conflict,
      settleConflict,
      changedRows,
      reload: load,
      refreshRows,
      followEdit,
      selected,
      selectAccount,
      info,
      periods,
      period,
      assumptions,
      model,
      history,
      busy,
      notice,
      loadError,
      setNotice,
      choosePeriod,
      saveRow,
      saveBlock,
      addAccount,
      deleteAccounts,
      undo: () => step('history.undo'),
      redo: () => step('history.redo'),
      changeAssumptions,
      addPeriod,
      renamePeriod,
      reorderPeriods,
      deletePeriod,
    }),
    [client, team, conflict, settleConflict, changedRows, load, refreshRows, followEdit, selected, selectAccount, info, periods, period, assumptions, model, history, busy, notice, loadError, choosePeriod, saveRow, saveBlock, addAccount, deleteAccounts, step, changeAssumptions, addPeriod, renamePeriod, reorderPeriods, deletePeriod],
  );
}

export type Workbook = ReturnType<typeof useWorkbook>;

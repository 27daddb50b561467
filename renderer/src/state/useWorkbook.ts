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
import { usePeriodActions } from './usePeriodActions';
import { useTeam } from './useTeam';
import { browserToken } from '../api/client';
import type { VersionedRow } from '../../../shared/schemas/row';

/** A row as the grid holds it: the stored row without its version, which the window keeps beside the rows. */
function plainRow(r: VersionedRow): SheetRow {
  const row: Partial<VersionedRow> = { ...r };
  delete row.version;
  delete row.changedBy;
  delete row.changedAt;
  return row as SheetRow;
}

/** Another person's change that refused this window's edit: both values, for the person to keep either. */
export interface Conflict {
  period: string;
  account: string;
  patch: SheetRowPatch;
  theirs: SheetRow;
  by: string | null;
  at: string | null;
  version: number;
}

/** Whether the row the window shows is the row as stored: the usual case, when nothing need be done. */
function sameRow(shown: SheetRow | undefined, stored: SheetRow): boolean {
  return shown !== undefined && (Object.keys(stored) as (keyof SheetRow)[]).every((k) => shown[k] === stored[k]);
}

import type { Notice } from './usePeriodActions';

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
  // Each row's version, by account in lower case: what every edit names, so none is written over another person's.
  const versionsRef = useRef(new Map<string, number>());
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // Rows another person changed, repainted in place (the grid's own cells keep the edit under way).
  const [changedRows, setChangedRows] = useState<{ indices: number[]; at: number } | null>(null);
  const keepVersions = (rows: readonly VersionedRow[]) => {
    for (const r of rows) versionsRef.current.set(r.account.toLowerCase(), r.version);
  };
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
        const theirs = e instanceof CpwError && e.code === 'CONFLICT' ? e.details?.conflicts?.[0] : undefined;
        if (theirs) {
          // Their row goes into the sheet; the person chooses whether theirs or their own value stays.
          versionsRef.current.set(theirs.account.toLowerCase(), theirs.version);
          const now = modelRef.current;
          if (now) setModel(replaceRow(now, index, theirs.row as SheetRow, a));
          setChangedRows({ indices: [index], at: Date.now() });
          setConflict({ period, account: theirs.account, patch, theirs: theirs.row as SheetRow, by: theirs.changedBy, at: theirs.changedAt, version: theirs.version });
          return;
        }
        fail(e);
        await loadRows(period, a);
      } finally {
        setBusy(null);
      }
    },
    [client, period, loadRows, fail],
  );

  /** A block of changes as one action: all saved, or none and the reason. */
  const saveBlock = useCallback(
    async (patches: { index: number; account: string; patch: SheetRowPatch }[]) => {
      const a = assumptionsRef.current;
      if (!a || !period) return false;
      setBusy(`Pasting into ${patches.length} row${patches.length === 1 ? '' : 's'}…`);
      try {
        const saved = await client.call('rows.edit', { period, patches: patches.map(({ account, patch }) => ({ account, patch, version: versionsRef.current.get(account.toLowerCase()) })) });
        keepVersions(saved.rows);
        let m = modelRef.current!;
        saved.rows.forEach((row, k) => {
          m = replaceRow(m, patches[k]!.index, plainRow(row), a);
        });
        setModel(m);
        setHistory(saved.history);
        setNotice({ kind: 'info', text: `Pasted into ${patches.length} row${patches.length === 1 ? '' : 's'} (Ctrl+Z undoes it).` });
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

  /** The conflict settled: their value stays (nothing to send), or this person's patch goes again, made from their version. */
  const settleConflict = useCallback(
    async (keep: 'mine' | 'theirs') => {
      const c = conflict;
      setConflict(null);
      if (!c || keep === 'theirs') return;
      const m = modelRef.current;
      const a = assumptionsRef.current;
      const index = m?.rows.findIndex((r) => r.account.toLowerCase() === c.account.toLowerCase()) ?? -1;
      if (!m || !a || index < 0) return;
      try {
        const saved = await client.call('rows.edit', { period: c.period, patches: [{ account: c.account, patch: c.patch, version: c.version }] });
        keepVersions(saved.rows);
        if (saved.rows[0] && modelRef.current) setModel(replaceRow(modelRef.current, index, plainRow(saved.rows[0]), a));
        setChangedRows({ indices: [index], at: Date.now() });
        setHistory(saved.history);
      } catch (e) {
        fail(e);
      }
    },
    [client, conflict, fail],
  );

  // Another person's change: their rows in place when they are this period's, else the workbook read again.
  const periodRef = useRef<string | null>(null);
  periodRef.current = period;
  const onTeamChange = useCallback(
    async (change: { kind: 'rows'; by: string; period: string; accounts: string[] } | { kind: 'workbook'; by: string }) => {
      const a = assumptionsRef.current;
      const shown = periodRef.current;
      try {
        if (change.kind === 'rows' && change.period !== shown) return;
        if (change.kind === 'workbook' || !a) return void (await load(shown));
        const rows = await client.call('rows.list', { period: change.period, accounts: change.accounts });
        let m = modelRef.current;
        if (!m) return;
        const indices: number[] = [];
        for (const r of rows) {
          const i = m.rows.findIndex((x) => x.account.toLowerCase() === r.account.toLowerCase());
          if (i < 0) return void (await loadRows(change.period, a));
          versionsRef.current.set(r.account.toLowerCase(), r.version);
          const row = plainRow(r);
          if (!sameRow(m.rows[i], row)) {
            m = replaceRow(m, i, row, a);
            indices.push(i);
          }
        }
        // A row removed elsewhere is not in the answer: read the period again.
        if (rows.length < change.accounts.length) return void (await loadRows(change.period, a));
        if (indices.length) {
          setModel(m);
          setChangedRows({ indices, at: Date.now() });
        }
      } catch (e) {
        fail(e);
      }
    },
    [client, load, loadRows, fail],
  );
  const token = useMemo(() => browserToken(), []);
  const team = useTeam(token, (change) => void onTeamChange(change));

  const [selected, setSelected] = useState<{ account: string; at: number } | null>(null);
  /** Show an account in the sheet: the dashboard's linked click. */
  const selectAccount = useCallback((account: string) => {
    setSelected({ account, at: Date.now() });
    window.location.hash = '#/sheet';
  }, []);

  /** Read the current period's rows and allocation again: after the cost pools change. */
  const refreshRows = useCallback(async () => {
    if (period && assumptionsRef.current) await loadRows(period, assumptionsRef.current).catch(fail);
  }, [period, loadRows, fail]);

  return useMemo(
    () => ({
      client,
      team,
      conflict,
      settleConflict,
      changedRows,
      reload: load,
      refreshRows,
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
    [client, team, conflict, settleConflict, changedRows, load, refreshRows, selected, selectAccount, info, periods, period, assumptions, model, history, busy, notice, loadError, choosePeriod, saveRow, saveBlock, addAccount, deleteAccounts, step, changeAssumptions, addPeriod, renamePeriod, reorderPeriods, deletePeriod],
  );
}

export type Workbook = ReturnType<typeof useWorkbook>;

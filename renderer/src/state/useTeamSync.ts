import { useCallback, useMemo, useRef, useState, type Dispatch, type MutableRefObject, type SetStateAction } from 'react';
import type { Client } from '../../../shared/ipc/client';
import { CpwError } from '../../../shared/ipc/errors';
import type { HistoryState } from '../../../shared/ipc/contract';
import type { Assumptions } from '../../../shared/schemas/assumptions';
import type { SheetRow, SheetRowPatch, VersionedRow } from '../../../shared/schemas/row';
import { liveSource } from '../api/client';
import { replaceRow, type SheetModel } from './period-model';
import { useTeam } from './useTeam';

/** A row as the grid holds it: the stored row without its version, which the window keeps beside the rows. */
export function plainRow(r: VersionedRow): SheetRow {
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
export function sameRow(shown: SheetRow | undefined, stored: SheetRow): boolean {
  return shown !== undefined && (Object.keys(stored) as (keyof SheetRow)[]).every((k) => shown[k] === stored[k]);
}

interface Deps {
  client: Client;
  period: string | null;
  modelRef: MutableRefObject<SheetModel | null>;
  assumptionsRef: MutableRefObject<Assumptions | null>;
  setModel: Dispatch<SetStateAction<SheetModel | null>>;
  setHistory: Dispatch<SetStateAction<HistoryState>>;
  load: (wanted?: string | null) => Promise<void>;
  loadRows: (label: string, a: Assumptions) => Promise<void>;
  fail: (e: unknown) => void;
}

/**
 * The workbook shared with others on a team server: the conflicts this
 * window's edits meet and how the person settles them, and other people's
 * changes brought into the sheet as they come.
 */
export function useTeamSync({ client, period, modelRef, assumptionsRef, setModel, setHistory, load, loadRows, fail }: Deps) {
  // Each row's version, by account in lower case: what every edit names, so none is written over another person's.
  const versionsRef = useRef(new Map<string, number>());
  const keepVersions = useCallback((rows: readonly VersionedRow[]) => {
    for (const r of rows) versionsRef.current.set(r.account.toLowerCase(), r.version);
  }, []);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // Rows another person changed, repainted in place (the grid's own cells keep the edit under way).
  const [changedRows, setChangedRows] = useState<{ indices: number[]; at: number } | null>(null);
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
  const source = useMemo(() => liveSource(), []);
  const team = useTeam(source, (change) => void onTeamChange(change));
  /** An edit refused because another person saved the row first: their row into the sheet, and the choice put to the person. */
  const meetConflict = useCallback(
    (e: unknown, period: string, index: number, patch: SheetRowPatch): boolean => {
      const theirs = e instanceof CpwError && e.code === 'CONFLICT' ? e.details?.conflicts?.[0] : undefined;
      const now = modelRef.current;
      const a = assumptionsRef.current;
      if (!theirs || !now || !a) return false;
      versionsRef.current.set(theirs.account.toLowerCase(), theirs.version);
      setModel(replaceRow(now, index, theirs.row as SheetRow, a));
      setChangedRows({ indices: [index], at: Date.now() });
      setConflict({ period, account: theirs.account, patch, theirs: theirs.row as SheetRow, by: theirs.changedBy, at: theirs.changedAt, version: theirs.version });
      return true;
    },
    [modelRef, assumptionsRef, setModel],
  );
  return { team, conflict, settleConflict, changedRows, versionsRef, keepVersions, meetConflict };
}

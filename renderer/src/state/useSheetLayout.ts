import type { ColDef, ColGroupDef, GridApi, GridState, StateUpdatedEvent } from 'ag-grid-community';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Client } from '../../../shared/ipc/client';
import type { SheetLayout } from '../../../shared/schemas/sheet-layout';
import { appearedState, defaultColumns, layoutFromState, stateFromLayout, withAbsent, withLocked } from './columnLayout';
import { gridMemory } from './gridMemory';

/** A layout is saved this long after the last change: a column dragged wider is one save, not one a pixel. */
export const SAVE_DELAY_MS = 400;

/** Per workbook, while the window is open: whether its layouts are kept, and the one last kept (and as JSON). */
const known = new Map<string, { kept: boolean; layout: SheetLayout | null; saved: string }>();

/** What the column menu calls: the sheet's own columns again, sort and filters cleared, the kept layout forgotten. */
export interface SheetLayoutContext {
  resetColumns(api: GridApi): void;
}

export interface SheetLayoutOptions {
  client: Client;
  /** The workbook's location as the window was told it; null until it is known. */
  workbook: string | null;
  memoryKey: string;
  /** False when the grid opens to show a row picked elsewhere: it goes there, not where it was left. */
  keepPlace: boolean;
  defs: readonly (ColDef | ColGroupDef | null)[];
  /** After a reset that leaves the totals as they were (they may need their columns wider again). */
  afterReset?: (api: GridApi) => void;
}

/**
 * The sheet's columns, sort and filters as the person left them in this
 * workbook, across reloads: read from their profile before the grid is made
 * (the grid reads its state only then), saved there a moment after each
 * change. Within a window the grid's full state (scroll and focus too) is
 * kept in memory as before. The locked columns (the account's name) stay
 * pinned left and shown whatever is restored; columns that come later (a
 * dimension's, once the rows arrive) take their kept place when they do.
 */
export function useSheetLayout({ client, workbook, memoryKey, keepPlace, defs, afterReset }: SheetLayoutOptions) {
  const columns = useMemo(() => defaultColumns(defs), [defs]);
  // The columns change while the grid lives (a dimension added, the rows arriving): saves read the latest.
  const columnsRef = useRef(columns);
  columnsRef.current = columns;
  const [, loaded] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<(() => void) | null>(null);
  const api = useRef<GridApi | null>(null);
  /** The columns the grid has been given its layout for. */
  const seen = useRef<Set<string>>(new Set());

  useEffect(() => {
    if (!workbook || known.has(workbook)) return undefined;
    let live = true;
    const done = (kept: boolean, layout: SheetLayout | null) => {
      known.set(workbook, { kept, layout, saved: JSON.stringify(layout) });
      if (live) loaded((n) => n + 1);
    };
    client.call('profile.sheetLayout', { workbook }).then(
      (r) => done(r.kept, r.layout),
      () => done(false, null), // a profile that cannot be read never keeps the sheet from opening
    );
    return () => {
      live = false;
    };
  }, [client, workbook]);

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const save = pending.current;
    pending.current = null;
    save?.();
  };
  // A change made just before the sheet closes (another view, a reload) is still kept.
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  /** Columns new to the grid since it was made take their kept place, width, hidden and pinned. */
  const catchUp = () => {
    const grid = api.current;
    const entry = workbook ? known.get(workbook) : undefined;
    if (!grid || grid.isDestroyed()) return;
    const appeared = new Set(columnsRef.current.map((c) => c.id).filter((id) => !seen.current.has(id)));
    for (const id of appeared) seen.current.add(id);
    if (!entry?.layout || ![...appeared].some((id) => entry.layout!.columns.some((c) => c.id === id))) return;
    flush();
    const order = grid.getColumnState().map((s) => s.colId);
    grid.applyColumnState({ state: appearedState(entry.layout, appeared, order, columnsRef.current), applyOrder: true });
  };
  useEffect(catchUp, [columns]);

  const ready = workbook !== null && known.has(workbook);
  const grid = useMemo(() => {
    if (!ready || !workbook) return null;
    const memory = gridMemory(memoryKey, { keepPlace });
    const kept = known.get(workbook)!.layout;
    // The grid's own state while the window is open; else the profile's layout over the columns there are now.
    const now = columnsRef.current;
    const initialState = memory.initialState ? withLocked(memory.initialState, now) : kept ? stateFromLayout(kept, now) : undefined;
    // Columns the grid did not have then take their kept place when they come (catchUp).
    seen.current = new Set(memory.initialState?.columnOrder?.orderedColIds ?? now.map((c) => c.id));
    const schedule = (state: GridState) => {
      const entry = known.get(workbook);
      if (!entry?.kept) return;
      pending.current = () => {
        // Over the columns the grid had then: one it had not yet (a dimension's before the rows) keeps its kept entry.
        const inGrid = new Set(state.columnOrder?.orderedColIds ?? columnsRef.current.map((c) => c.id));
        const columns = columnsRef.current.filter((c) => inGrid.has(c.id));
        const layout = withAbsent(layoutFromState(state, columns), entry.layout, columns);
        const json = JSON.stringify(layout);
        if (json === entry.saved) return;
        Object.assign(entry, { layout, saved: json });
        client.call('profile.saveSheetLayout', { workbook, layout }).catch(() => {
          entry.saved = ''; // not kept: tried again at the next change
        });
      };
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_DELAY_MS);
    };
    const context: SheetLayoutContext = {
      resetColumns(grid) {
        // Forgotten whole, absent columns too; the toggled columns stay as their toggle has them.
        const entry = known.get(workbook);
        if (entry) entry.layout = null;
        const toggledOn = (grid.getColumns() ?? []).filter((c) => c.getColDef().hide === true && c.isVisible());
        // With a column filter gone the totals change, and are fitted then (a total shown now would be the filtered one).
        const refiltered = grid.isColumnFilterPresent();
        grid.resetColumnState();
        grid.setFilterModel(null);
        if (toggledOn.length) grid.setColumnsVisible(toggledOn, true);
        if (!refiltered) afterReset?.(grid);
      },
    };
    return {
      initialState,
      onStateUpdated: (e: StateUpdatedEvent) => {
        memory.onStateUpdated(e);
        if (!api.current) {
          api.current = e.api;
          catchUp();
        }
        schedule(e.state);
      },
      context,
    };
    // Made once per workbook: the grid reads its initial state only when it is created.
  }, [ready, workbook]);

  return { ready, grid };
}

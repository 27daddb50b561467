import type { ColDef, ColGroupDef, ColumnState, GridState } from 'ag-grid-community';
import { ColumnFilter, SheetLayout } from '../../../shared/schemas/sheet-layout';

/** A column as the sheet defines it: where it starts, and what a layout may not change of it. */
export interface DefaultColumn {
  id: string;
  width: number;
  pinned?: 'left' | 'right';
  /** Pinned left and shown whatever a layout says (the account's name). */
  locked: boolean;
  /** Hidden until a toggle of the sheet shows it (plan vs actual): its being shown is the toggle's, never kept. */
  toggled?: boolean;
}

/** AG Grid's own width for a column that names none. */
const GRID_WIDTH = 200;

/** The leaf columns of the definitions, in order, as they start. */
export function defaultColumns(defs: readonly (ColDef | ColGroupDef | null)[]): DefaultColumn[] {
  return defs.flatMap((d): DefaultColumn[] => {
    if (!d) return [];
    if ('children' in d) return defaultColumns(d.children);
    const id = d.colId ?? d.field;
    if (!id) return [];
    const pinned = d.pinned === 'left' || d.pinned === true ? 'left' : d.pinned === 'right' ? 'right' : undefined;
    const locked = pinned === 'left' && Boolean(d.lockPinned) && Boolean(d.lockVisible);
    return [{ id, width: d.width ?? GRID_WIDTH, ...(pinned ? { pinned } : {}), locked, ...(d.hide === true ? { toggled: true } : {}) }];
  });
}

/**
 * A kept order over today's columns: columns that no longer exist left out,
 * a new one placed after the column it follows by default (first if none
 * does), the locked ones first.
 */
export function mergedOrder(stored: readonly string[], columns: readonly DefaultColumn[]): string[] {
  const known = new Set(columns.map((c) => c.id));
  const locked = new Set(columns.filter((c) => c.locked).map((c) => c.id));
  const lockedFirst = (ids: string[]) => [...ids.filter((id) => locked.has(id)), ...ids.filter((id) => !locked.has(id))];
  const order = lockedFirst(stored.filter((id, i) => known.has(id) && stored.indexOf(id) === i));
  const placed = new Set(order);
  columns.forEach((c, i) => {
    if (placed.has(c.id)) return;
    const before = columns.slice(0, i).reverse().find((d) => placed.has(d.id));
    order.splice(before === undefined ? 0 : order.indexOf(before.id) + 1, 0, c.id);
    placed.add(c.id);
  });
  return lockedFirst(order);
}

/** A grid filter model reduced to the fields a kept filter has, or null when it is none of ours. */
function keptFilter(model: unknown): ColumnFilter | null {
  if (typeof model !== 'object' || model === null) return null;
  const pick = (m: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(m).filter(([k, v]) => ['filterType', 'type', 'filter', 'filterTo', 'operator'].includes(k) && v !== undefined));
  const m = model as Record<string, unknown>;
  const shaped = Array.isArray(m.conditions) ? { ...pick(m), conditions: (m.conditions as Record<string, unknown>[]).map(pick) } : pick(m);
  const parsed = ColumnFilter.safeParse(shaped);
  return parsed.success ? parsed.data : null;
}

/**
 * The grid's state as a layout to keep, or null when it is the sheet's own
 * (nothing to keep). Scroll, focus and selection are not part of it, nor is
 * a toggled column's being shown; a filter too big to keep is left out
 * rather than the whole layout.
 */
export function layoutFromState(state: GridState, columns: readonly DefaultColumn[]): SheetLayout | null {
  const widths = new Map((state.columnSizing?.columnSizingModel ?? []).map((s) => [s.colId, s.width]));
  const hidden = new Set(state.columnVisibility?.hiddenColIds ?? []);
  const left = new Set(state.columnPinning?.leftColIds ?? []);
  const right = new Set(state.columnPinning?.rightColIds ?? []);
  const byId = new Map(columns.map((c) => [c.id, c]));
  const order = mergedOrder(state.columnOrder?.orderedColIds ?? columns.map((c) => c.id), columns);
  const layout: SheetLayout = {
    columns: order.map((id) => {
      const width = Math.round(widths.get(id) ?? byId.get(id)!.width);
      const pinned = left.has(id) ? 'left' : right.has(id) ? 'right' : undefined;
      return { id, width, ...(hidden.has(id) && !byId.get(id)!.toggled ? { hide: true } : {}), ...(pinned ? { pinned } : {}) };
    }),
    sort: (state.sort?.sortModel ?? []).filter((s) => byId.has(s.colId) && (s.sort === 'asc' || s.sort === 'desc')).map((s) => ({ id: s.colId, sort: s.sort as 'asc' | 'desc' })),
    filter: Object.fromEntries(
      Object.entries(state.filter?.filterModel ?? {}).flatMap(([id, model]) => {
        const kept = byId.has(id) ? keptFilter(model) : null;
        return kept ? [[id, kept]] : [];
      }),
    ),
  };
  const asDefault =
    layout.sort.length === 0 &&
    Object.keys(layout.filter).length === 0 &&
    layout.columns.every((c, i) => {
      const d = columns[i]!;
      return c.id === d.id && c.width === d.width && !c.hide && c.pinned === d.pinned;
    });
  if (asDefault) return null;
  if (SheetLayout.safeParse(layout).success) return layout;
  return { ...layout, filter: {} };
}

/**
 * A layout to keep, with the kept entries of columns the sheet lacks right
 * now (a dimension's column before the period's rows arrive) at their kept
 * places: their being absent a moment never loses them. Left out when the
 * whole would be too big.
 */
export function withAbsent(layout: SheetLayout | null, kept: SheetLayout | null, columns: readonly DefaultColumn[]): SheetLayout | null {
  const known = new Set(columns.map((c) => c.id));
  if (!kept || kept.columns.every((c) => known.has(c.id))) return layout;
  const base = layout ?? { columns: columns.map((c) => ({ id: c.id, width: c.width, ...(c.pinned ? { pinned: c.pinned } : {}) })), sort: [], filter: {} };
  const out = [...base.columns];
  kept.columns.forEach((c, i) => {
    if (known.has(c.id) || out.some((o) => o.id === c.id)) return;
    const before = kept.columns.slice(0, i).reverse().find((d) => out.some((o) => o.id === d.id));
    out.splice(before ? out.findIndex((o) => o.id === before.id) + 1 : 0, 0, c);
  });
  const merged = { ...base, columns: out };
  return SheetLayout.safeParse(merged).success ? merged : layout;
}

/** A kept layout as the grid's state to start with, over today's columns (see mergedOrder), the locked ones pinned and shown. */
export function stateFromLayout(layout: SheetLayout, columns: readonly DefaultColumn[]): GridState {
  const byId = new Map(columns.map((c) => [c.id, c]));
  const kept = new Map(layout.columns.filter((c) => byId.has(c.id)).map((c) => [c.id, c]));
  const order = mergedOrder(layout.columns.map((c) => c.id), columns);
  const pinnedOf = (id: string) => (byId.get(id)!.locked ? 'left' : kept.has(id) ? kept.get(id)!.pinned : byId.get(id)!.pinned);
  return {
    columnOrder: { orderedColIds: order },
    columnSizing: { columnSizingModel: order.map((id) => ({ colId: id, width: kept.get(id)?.width ?? byId.get(id)!.width })) },
    columnVisibility: { hiddenColIds: order.filter((id) => byId.get(id)!.toggled || (kept.get(id)?.hide && !byId.get(id)!.locked)) },
    columnPinning: { leftColIds: order.filter((id) => pinnedOf(id) === 'left'), rightColIds: order.filter((id) => pinnedOf(id) === 'right') },
    sort: { sortModel: layout.sort.filter((s) => byId.has(s.id)).map((s) => ({ colId: s.id, sort: s.sort })) },
    filter: { filterModel: Object.fromEntries(Object.entries(layout.filter).filter(([id]) => byId.has(id))) },
  };
}

/**
 * The kept order, widths, hidden and pinned of columns that appeared after
 * the grid was made (a dimension's, once the rows arrive), as column state
 * for the grid: the grid's own order otherwise, the others as they are.
 */
export function appearedState(kept: SheetLayout, appeared: ReadonlySet<string>, gridOrder: readonly string[], columns: readonly DefaultColumn[]): ColumnState[] {
  const byId = new Map(columns.map((c) => [c.id, c]));
  const now = gridOrder.filter((id) => byId.has(id)).map((id) => byId.get(id)!);
  const entries = new Map(kept.columns.map((c) => [c.id, c]));
  const order = mergedOrder(kept.columns.map((c) => c.id).filter((id) => appeared.has(id) || gridOrder.includes(id)), now);
  return order.map((id) => {
    const k = appeared.has(id) ? entries.get(id) : undefined;
    if (!k) return { colId: id };
    const d = byId.get(id)!;
    return { colId: id, width: k.width, hide: d.toggled ? true : d.locked ? false : Boolean(k.hide), pinned: d.locked ? 'left' : (k.pinned ?? null) };
  });
}

/** Any state the grid starts from (kept in the window, or from a layout): the locked columns first, pinned left and shown, the toggled ones hidden. */
export function withLocked(state: GridState, columns: readonly DefaultColumn[]): GridState {
  const locked = columns.filter((c) => c.locked).map((c) => c.id);
  const toggled = columns.filter((c) => c.toggled).map((c) => c.id);
  const isLocked = (id: string) => locked.includes(id);
  const order = state.columnOrder?.orderedColIds;
  return {
    ...state,
    ...(order ? { columnOrder: { orderedColIds: mergedOrder(order, columns) } } : {}),
    columnVisibility: { hiddenColIds: [...new Set([...(state.columnVisibility?.hiddenColIds ?? []).filter((id) => !isLocked(id)), ...toggled])] },
    columnPinning: {
      leftColIds: [...locked, ...(state.columnPinning?.leftColIds ?? []).filter((id) => !isLocked(id))],
      rightColIds: (state.columnPinning?.rightColIds ?? []).filter((id) => !isLocked(id)),
    },
  };
}

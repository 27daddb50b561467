import type { AgPublicEventType, GridApi } from 'ag-grid-community';
import { useEffect, useRef, useState, type MouseEvent as ReactMouseEvent, type RefObject } from 'react';
import type { SheetRow } from '../../../../shared/schemas/row';
import type { Block } from '../../components/useBlockSelection';
import { INPUT_COLUMN_IDS } from './columns';
import type { FillRequest } from './fillPlan';
import './fill.css';

/** Where the grid's cells may have moved under the handle. */
const MOVES: readonly AgPublicEventType[] = ['bodyScroll', 'modelUpdated', 'columnResized', 'cellEditingStarted', 'cellEditingStopped', 'displayedColumnsChanged', 'gridSizeChanged'];
/** Where the person may have changed the selection. */
const DOM_MOVES = ['focusin', 'focusout', 'keydown', 'keyup', 'mouseup'] as const;

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A drawn cell of the grid (not of the totals row), or null when it is not drawn. */
function cellElement(frame: HTMLElement, row: number, col: string): HTMLElement | null {
  return frame.querySelector<HTMLElement>(`.ag-row[row-index="${row}"]:not(.ag-row-pinned) .ag-cell[col-id="${CSS.escape(col)}"]`);
}

/** The cell of the grid under a point: its display row and column id. */
function cellAt(frame: HTMLElement, x: number, y: number): { row: number; col: string } | null {
  const cell = document.elementFromPoint(x, y)?.closest<HTMLElement>('.ag-cell');
  const row = cell?.closest<HTMLElement>('.ag-row');
  if (!cell || !row || !frame.contains(cell) || row.classList.contains('ag-row-pinned')) return null;
  const col = cell.getAttribute('col-id');
  const index = Number(row.getAttribute('row-index'));
  return col && Number.isInteger(index) ? { row: index, col } : null;
}

/**
 * The fill handle: a small square at the bottom-right corner of the
 * selection (a block or the focused cell) that the mouse drags down or
 * across; the cells dragged over are outlined, and filled on release.
 */
export function FillHandle({ apiRef, nudge, wrapRef, block, columnIds, enabled, onFill }: {
  apiRef: RefObject<GridApi<SheetRow> | null>;
  /** Set to a function that places the handle again (after a fill selects the cells it filled). */
  nudge: RefObject<() => void>;
  wrapRef: RefObject<HTMLDivElement | null>;
  block: () => Block | null;
  columnIds: () => string[];
  enabled: () => boolean;
  onFill: (request: FillRequest) => void;
}) {
  const [corner, setCorner] = useState<{ left: number; top: number } | null>(null);
  const [preview, setPreview] = useState<Box | null>(null);
  const dragging = useRef(false);
  const frame = useRef(0);
  const props = useRef({ block, columnIds, enabled });
  props.current = { block, columnIds, enabled };

  useEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return undefined;
    let api: GridApi<SheetRow> | null = null;
    const place = () => {
      frame.current = 0;
      const b = props.current.block();
      const cols = props.current.columnIds();
      const fillable = b && cols.slice(b.left, b.right + 1).some((c) => c !== 'account' && INPUT_COLUMN_IDS.has(c));
      const cell = b && fillable && props.current.enabled() && !apiRef.current?.getEditingCells().length ? cellElement(wrap, b.bottom, cols[b.right]!) : null;
      if (!cell) return setCorner(null);
      const r = cell.getBoundingClientRect();
      // Hidden when the corner is scrolled under the pinned name column, the header or the totals row.
      const probe = document.elementFromPoint(r.right - 6, r.bottom - 6);
      if (!probe || !cell.contains(probe)) return setCorner(null);
      const outer = wrap.getBoundingClientRect();
      const left = Math.round(r.right - outer.left);
      const top = Math.round(r.bottom - outer.top);
      setCorner((c) => (c && c.left === left && c.top === top ? c : { left, top }));
    };
    const schedule = () => {
      // Grid events are first met after the grid has drawn: listen to them from the first time the person touches it.
      if (!api && apiRef.current) {
        api = apiRef.current;
        for (const e of MOVES) api.addEventListener(e, schedule);
      }
      if (!frame.current && !dragging.current) frame.current = requestAnimationFrame(place);
    };
    nudge.current = schedule;
    for (const e of DOM_MOVES) wrap.addEventListener(e, schedule);
    wrap.addEventListener('scroll', schedule, true);
    window.addEventListener('resize', schedule);
    return () => {
      for (const e of DOM_MOVES) wrap.removeEventListener(e, schedule);
      wrap.removeEventListener('scroll', schedule, true);
      window.removeEventListener('resize', schedule);
      if (api && !api.isDestroyed()) for (const e of MOVES) api.removeEventListener(e, schedule);
      cancelAnimationFrame(frame.current);
    };
  }, [apiRef, wrapRef, nudge]);

  /** Drag from the handle: the cells dragged over below (or to the right of) the selection, filled on release. */
  const startDrag = (down: ReactMouseEvent) => {
    const wrap = wrapRef.current;
    const source = props.current.block();
    if (down.button !== 0 || !wrap || !source) return;
    down.preventDefault();
    down.stopPropagation();
    const cols = props.current.columnIds();
    dragging.current = true;
    document.body.classList.add('filling');
    let request: FillRequest | null = null;

    /** The fill a point asks for: down when it is further below the selection than to its right, else right. */
    const requestAt = (x: number, y: number): FillRequest | null => {
      const at = cellAt(wrap, x, y);
      if (!at) return request;
      const k = cols.indexOf(at.col);
      const rows = at.row - source.bottom;
      const across = k - source.right;
      if (rows > 0 && rows >= across) return { source, axis: 'down', through: at.row, how: 'series' };
      if (across > 0) return { source, axis: 'right', through: k, how: 'series' };
      return null;
    };
    const outline = (r: FillRequest | null): Box | null => {
      if (!r) return null;
      const first = r.axis === 'down' ? cellElement(wrap, source.bottom + 1, cols[source.left]!) : cellElement(wrap, source.top, cols[source.right + 1]!);
      const last = r.axis === 'down' ? cellElement(wrap, r.through, cols[source.right]!) : cellElement(wrap, source.bottom, cols[r.through]!);
      if (!first || !last) return null;
      const a = first.getBoundingClientRect();
      const z = last.getBoundingClientRect();
      const outer = wrap.getBoundingClientRect();
      return { left: a.left - outer.left, top: a.top - outer.top, width: z.right - a.left, height: z.bottom - a.top };
    };
    const move = (e: MouseEvent) => {
      // Near the bottom edge the sheet scrolls on, so a fill can run past the rows in view.
      const viewport = wrap.querySelector<HTMLElement>('.ag-body-viewport');
      const box = viewport?.getBoundingClientRect();
      if (viewport && box && e.clientY > box.bottom - 12) viewport.scrollTop += 24;
      request = requestAt(e.clientX, Math.min(e.clientY, (box?.bottom ?? e.clientY) - 14));
      setPreview(outline(request));
    };
    const stop = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', stop);
      window.removeEventListener('keydown', stop, true);
      document.body.classList.remove('filling');
      dragging.current = false;
      setPreview(null);
      if (e instanceof MouseEvent && request) onFill(request);
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', stop);
    window.addEventListener('keydown', stop, true);
  };

  return (
    <>
      {preview ? <div className="fill-preview" style={preview} /> : null}
      {corner ? (
        <div
          className="fill-handle"
          data-testid="fill-handle"
          aria-hidden="true"
          title="Drag down or across to fill: a series goes on, other values repeat (Ctrl+D fills down, Ctrl+R right)"
          style={{ left: corner.left, top: corner.top }}
          onMouseDown={startDrag}
        />
      ) : null}
    </>
  );
}

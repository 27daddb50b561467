import type { AgPublicEventType, GridApi } from 'ag-grid-community';
import { useEffect, useState, type RefObject } from 'react';

export interface CellError {
  row: number;
  col: string;
  text: string;
}

/** What moves the rows under a message: after any of them it would point at another row's cell. */
const MOVES: readonly AgPublicEventType[] = ['sortChanged', 'filterChanged', 'rowDataUpdated', 'columnMoved'];

/** A refused edit's message, just under the cell it is about, until dismissed, Escaped, replaced, or the rows move (a sort, an undo). */
export function CellErrorPopover<T>({ error, frame, apiRef, onDismiss }: {
  error: CellError | null;
  frame: RefObject<HTMLDivElement | null>;
  apiRef: RefObject<GridApi<T> | null>;
  onDismiss: () => void;
}) {
  const [box, setBox] = useState<{ top: number; left: number } | null>(null);
  useEffect(() => {
    const api = apiRef.current;
    if (!error || !api) return undefined;
    for (const e of MOVES) api.addEventListener(e, onDismiss);
    return () => {
      if (!api.isDestroyed()) for (const e of MOVES) api.removeEventListener(e, onDismiss);
    };
  }, [error, apiRef, onDismiss]);
  useEffect(() => {
    if (!error || !frame.current) return setBox(null);
    const cell = frame.current.querySelector<HTMLElement>(`.ag-row[row-index="${error.row}"] .ag-cell[col-id="${CSS.escape(error.col)}"]`);
    const outer = frame.current.getBoundingClientRect();
    if (!cell) return setBox({ top: 8, left: 8 });
    const r = cell.getBoundingClientRect();
    setBox({ top: r.bottom - outer.top + 2, left: Math.max(0, r.left - outer.left) });
  }, [error, frame]);
  if (!error || !box) return null;
  return (
    <div className="cell-error" role="alert" style={{ top: box.top, left: box.left }}>
      {error.text}
      <button type="button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}

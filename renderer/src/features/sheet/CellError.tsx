import { useEffect, useState, type RefObject } from 'react';

export interface CellError {
  row: number;
  col: string;
  text: string;
}

/** A refused edit's message, just under the cell it is about, until dismissed, Escaped or replaced. */
export function CellErrorPopover({ error, frame, onDismiss }: { error: CellError | null; frame: RefObject<HTMLDivElement | null>; onDismiss: () => void }) {
  const [box, setBox] = useState<{ top: number; left: number } | null>(null);
  useEffect(() => {
    if (!error || !frame.current) return setBox(null);
    const cell = frame.current.querySelector<HTMLElement>(`.ag-row[row-index="${error.row}"] .ag-cell[col-id="${error.col}"]`);
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

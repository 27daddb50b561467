import type { CellFocusedEvent, GridApi } from 'ag-grid-community';
import { useRef, type RefObject } from 'react';

export interface CellRef {
  row: number;
  col: string;
}

/** A block of cells by display row and by place among the displayed columns, inclusive. */
export interface Block {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The selected cells: display rows and column ids. */
export interface Selection {
  rows: number[];
  cols: string[];
}

export const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/**
 * A grid's block selection, ours since AG Grid Community has none: an
 * anchor where the focus last landed by itself, a block Shift+arrows grow
 * from it, and the cells of either as a selection.
 */
export function useBlockSelection<T>(apiRef: RefObject<GridApi<T> | null>) {
  const anchor = useRef<CellRef | null>(null);
  const block = useRef<Block | null>(null);
  /** Where a Shift+arrow moved the focus: that focus change extends the block instead of starting a new one. */
  const extendTarget = useRef<CellRef | null>(null);

  const columnIds = (): string[] => (apiRef.current?.getAllDisplayedColumns() ?? []).map((c) => c.getColId());
  const repaint = () => apiRef.current?.refreshCells({ force: true });

  const focused = (): CellRef | null => {
    const f = apiRef.current?.getFocusedCell();
    if (!f || f.rowPinned) return null;
    return { row: f.rowIndex, col: f.column.getColId() };
  };

  const inBlock = (row: number, col: string): boolean => {
    const b = block.current;
    if (!b) return false;
    const k = columnIds().indexOf(col);
    return row >= b.top && row <= b.bottom && k >= b.left && k <= b.right;
  };

  const onCellFocused = (e: CellFocusedEvent) => {
    if (e.rowPinned) return;
    const col = typeof e.column === 'string' ? e.column : e.column?.getColId();
    if (e.rowIndex === null || e.rowIndex === undefined || !col) return;
    const target = extendTarget.current;
    if (target && target.row === e.rowIndex && target.col === col) {
      extendTarget.current = null;
      return;
    }
    anchor.current = { row: e.rowIndex, col };
    if (block.current) {
      block.current = null;
      repaint();
    }
  };

  const extend = (key: string) => {
    const api = apiRef.current!;
    const focus = focused();
    if (!focus) return;
    const cols = columnIds();
    const start = anchor.current ?? focus;
    let row = focus.row;
    let k = cols.indexOf(focus.col);
    if (key === 'ArrowUp') row = Math.max(0, row - 1);
    if (key === 'ArrowDown') row = Math.min(api.getDisplayedRowCount() - 1, row + 1);
    if (key === 'ArrowLeft') k = Math.max(0, k - 1);
    if (key === 'ArrowRight') k = Math.min(cols.length - 1, k + 1);
    const a = cols.indexOf(start.col);
    block.current = { top: Math.min(start.row, row), bottom: Math.max(start.row, row), left: Math.min(a, k), right: Math.max(a, k) };
    extendTarget.current = { row, col: cols[k]! };
    api.ensureIndexVisible(row);
    api.setFocusedCell(row, cols[k]!);
    repaint();
  };

  /** The selected block, or the focused cell, as row indices and column ids. */
  const selection = (): Selection | null => {
    const cols = columnIds();
    const b = block.current;
    if (b) {
      return {
        rows: Array.from({ length: b.bottom - b.top + 1 }, (_, k) => b.top + k),
        cols: cols.slice(b.left, b.right + 1),
      };
    }
    const f = focused();
    return f ? { rows: [f.row], cols: [f.col] } : null;
  };

  /** Select a block (after a paste, the cells it filled). */
  const select = (b: Block) => {
    block.current = b;
    repaint();
  };

  return { columnIds, focused, inBlock, onCellFocused, extend, selection, select };
}


import type { GridApi } from 'ag-grid-community';

/**
 * Widen each column whose totals cell is cut (an ellipsis in "$3,221,051,…"
 * at 100,000 accounts): a total is the figure people read first, so it is
 * never shown in part. Columns only grow, so a width the person chose stays
 * when it already fits. Measured in the page, as the cell's font draws it.
 */
export function fitTotals(api: GridApi, root: HTMLElement | null): void {
  if (!root || api.isDestroyed()) return;
  const widths: { key: string; newWidth: number }[] = [];
  for (const cell of root.querySelectorAll<HTMLElement>('.totals-row .ag-cell[col-id]')) {
    const inner = cell.querySelector<HTMLElement>('.ag-cell-value') ?? cell;
    const cut = Math.max(cell.scrollWidth - cell.clientWidth, inner.scrollWidth - inner.clientWidth);
    const column = api.getColumn(cell.getAttribute('col-id')!);
    if (cut > 0 && column) widths.push({ key: column.getColId(), newWidth: column.getActualWidth() + cut + 6 });
  }
  if (widths.length) api.setColumnWidths(widths);
}

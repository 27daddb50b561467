import type { GridState, StateUpdatedEvent } from 'ag-grid-community';
import { remember, remembered } from './useRemembered';

/**
 * A grid's sort, filters, column widths, scroll and focus, kept while the
 * window is open: a grid drawn again (back from another view, in a new number
 * format) opens where the person left it. Only the grid's creation reads it.
 */
export function gridMemory(
  key: string,
  { keepPlace = true }: { keepPlace?: boolean } = {},
): { initialState: GridState | undefined; onStateUpdated: (e: StateUpdatedEvent) => void } {
  const state = remembered<GridState>(key);
  return {
    // A grid opened to show one row (picked elsewhere) goes there, not where it was left.
    initialState: state && !keepPlace ? { ...state, focusedCell: undefined, scroll: undefined } : state,
    onStateUpdated: (e) => remember(key, e.state),
  };
}

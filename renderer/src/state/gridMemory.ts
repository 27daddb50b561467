import type { GridState, StateUpdatedEvent } from 'ag-grid-community';
import { remember, remembered } from './useRemembered';

/**
 * A grid's sort, filters, column widths, scroll and focus, kept while the
 * window is open: a grid drawn again (back from another view, in a new number
 * format) opens where the person left it. Only the grid's creation reads it.
 */
export function gridMemory(key: string): { initialState: GridState | undefined; onStateUpdated: (e: StateUpdatedEvent) => void } {
  return {
    initialState: remembered<GridState>(key),
    onStateUpdated: (e) => remember(key, e.state),
  };
}

import type { GridApi } from 'ag-grid-community';
import { useEffect, useRef, type RefObject } from 'react';
import type { SheetRow } from '../../../../shared/schemas/row';
import { remember, remembered } from '../../state/useRemembered';

type Pick = { account: string; at: number } | null;

/**
 * An account picked elsewhere (the dashboard, its own page) is shown once:
 * its row brought into view with the focus on its name. Until then the grid
 * goes to it rather than to the place it was left; after, back in the sheet,
 * it keeps the person's place.
 */
export function usePickedRow(apiRef: RefObject<GridApi<SheetRow> | null>, picked: Pick, memoryKey: string) {
  const pickRef = useRef(picked);
  pickRef.current = picked;
  const shownKey = `${memoryKey}:shown-pick`;
  const unshown = () => pickRef.current !== null && remembered<number>(shownKey) !== pickRef.current.at;

  const show = () => {
    const api = apiRef.current;
    const wanted = pickRef.current;
    if (!api || !wanted || !unshown()) return;
    api.forEachNodeAfterFilterAndSort((node) => {
      if (node.data?.account !== wanted.account || node.rowIndex === null) return;
      remember(shownKey, wanted.at);
      api.ensureIndexVisible(node.rowIndex, 'middle');
      api.setFocusedCell(node.rowIndex, 'account');
      api.flashCells({ rowNodes: [node] });
    });
  };
  useEffect(show, [picked]);
  return { unshown, show };
}

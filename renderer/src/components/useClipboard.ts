import type { GridApi } from 'ag-grid-community';
import { useEffect, type RefObject } from 'react';
import { toTsv } from './clipboard';
import type { Selection } from './useBlockSelection';

/**
 * Copy a block out and paste one in, as tab-separated text, as spreadsheets
 * do. The grid is the target while one of its cells has the focus and no cell
 * is being edited (an editor copies and pastes its own text).
 */
export function useClipboard<T>(
  frame: RefObject<HTMLDivElement | null>,
  apiRef: RefObject<GridApi<T> | null>,
  selection: () => Selection | null,
  paste: (text: string) => void,
): void {
  useEffect(() => {
    const wrap = frame.current;
    if (!wrap) return;
    const editingNow = () => (apiRef.current?.getEditingCells().length ?? 0) > 0;
    const onCopy = (e: ClipboardEvent) => {
      if (editingNow() || !wrap.contains(document.activeElement)) return;
      const s = selection();
      const api = apiRef.current;
      if (!s || !api) return;
      const lines = s.rows.map((r) => {
        const node = api.getDisplayedRowAtIndex(r);
        return s.cols.map((c) => {
          const v = node ? api.getCellValue({ rowNode: node, colKey: c }) : '';
          return v === null || v === undefined ? '' : String(v);
        });
      });
      e.clipboardData?.setData('text/plain', toTsv(lines));
      e.preventDefault();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (editingNow() || !wrap.contains(document.activeElement)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      e.preventDefault();
      paste(text);
    };
    wrap.addEventListener('copy', onCopy);
    wrap.addEventListener('paste', onPaste);
    return () => {
      wrap.removeEventListener('copy', onCopy);
      wrap.removeEventListener('paste', onPaste);
    };
  });
}

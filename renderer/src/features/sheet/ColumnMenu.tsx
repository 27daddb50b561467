import type { Column, GridApi } from 'ag-grid-community';
import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { SheetLayoutContext } from '../../state/useSheetLayout';
import './column-menu.css';

interface Item {
  label: string;
  run: () => void;
}

/** What a column's menu offers: pin or unpin it, hide it, show the hidden ones, or the sheet's own columns again. */
function itemsOf(api: GridApi, column: Column, context: SheetLayoutContext | undefined): Item[] {
  const id = column.getColId();
  const locked = Boolean(column.getColDef().lockPinned && column.getColDef().lockVisible);
  // Not the columns a toggle of the sheet shows (plan vs actual): those are the toggle's.
  const hidden = api.getColumns()?.filter((c) => !c.isVisible() && c.getColDef().hide !== true) ?? [];
  const items: Item[] = [];
  if (!locked) {
    items.push(column.isPinnedLeft() ? { label: 'Unpin column', run: () => api.setColumnsPinned([id], null) } : { label: 'Pin to the left', run: () => api.setColumnsPinned([id], 'left') });
    items.push({ label: 'Hide column', run: () => api.setColumnsVisible([id], false) });
  }
  if (hidden.length > 0) items.push({ label: `Show hidden columns (${hidden.length})`, run: () => api.setColumnsVisible(hidden, true) });
  if (context) items.push({ label: 'Reset columns', run: () => context.resetColumns(api) });
  return items;
}

/**
 * The "⋮" of a sheet column's header and its menu (AG Grid Community has no
 * column menu of its own). The "⋮" shows while the header is hovered or
 * focused, so headers read as before; a right-click on the header, or
 * Alt+Down on a focused one (as in AG Grid's own menu), opens it too. Arrows
 * move in it, Enter chooses, Escape closes, and the focus goes back to the
 * header. Out of the Tab order like the header's "?".
 */
export function ColumnMenu({ api, column, name, header, context }: { api: GridApi; column: Column; name: string; header: HTMLElement; context: SheetLayoutContext | undefined }) {
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);

  /** Below the "⋮" (or the header, while the "⋮" is not shown), or where the header was right-clicked. */
  const open = (at?: { x: number; y: number }) => {
    const b = button.current!.getBoundingClientRect();
    const r = b.width > 0 ? b : header.getBoundingClientRect();
    const { x, y } = at ?? { x: r.left, y: r.bottom + 2 };
    setAt({ top: Math.min(y, window.innerHeight - 180), left: Math.max(4, Math.min(x, window.innerWidth - 230)) });
  };
  /** Back to the column's header (drawn anew if the column moved), or the first one if it was hidden. */
  const close = (refocus: boolean) => {
    setAt(null);
    if (!refocus) return;
    requestAnimationFrame(() => {
      if (header.isConnected) return header.focus();
      const target = column.isVisible() ? column : api.getAllDisplayedColumns()[0];
      if (target) api.setFocusedHeader(target);
    });
  };

  // The click is stopped natively, before AG Grid's header sorts; Alt+Down on the header, or a right-click, opens it too.
  useEffect(() => {
    const el = button.current!;
    const click = (e: MouseEvent) => {
      e.stopPropagation();
      e.preventDefault();
      open();
    };
    const key = (e: KeyboardEvent) => {
      if (!e.altKey || e.key !== 'ArrowDown' || e.target !== header) return;
      e.preventDefault();
      e.stopPropagation();
      open();
    };
    const context = (e: MouseEvent) => {
      e.preventDefault();
      open({ x: e.clientX, y: e.clientY });
    };
    el.addEventListener('click', click);
    header.addEventListener('keydown', key);
    header.addEventListener('contextmenu', context);
    return () => {
      el.removeEventListener('click', click);
      header.removeEventListener('keydown', key);
      header.removeEventListener('contextmenu', context);
    };
  }, [header]);

  // Open: the first item has the focus; a press anywhere else closes the menu.
  useEffect(() => {
    if (!at) return undefined;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const outside = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener('mousedown', outside, true);
    return () => document.removeEventListener('mousedown', outside, true);
  }, [at]);

  const onKey = (e: ReactKeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    else if (e.key === 'Home' || e.key === 'End') items[e.key === 'Home' ? 0 : items.length - 1]?.focus();
    else if (e.key === 'Escape' || e.key === 'Tab') close(true);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <>
      <button type="button" ref={button} className="column-menu-button" tabIndex={-1} aria-haspopup="menu" aria-expanded={at !== null} aria-label={`Column menu of ${name} (Alt+Down)`} title="Pin, hide or reset columns (Alt+Down)">
        ⋮
      </button>
      {at
        ? createPortal(
            <div ref={menu} className="column-menu" role="menu" aria-label={`Column menu of ${name}`} style={{ top: at.top, left: at.left }} onKeyDown={onKey}>
              {itemsOf(api, column, context).map((item) => (
                <button
                  key={item.label}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  onClick={() => {
                    item.run();
                    close(true);
                  }}
                >
                  {item.label}
                </button>
              ))}
            </div>,
            document.body,
          )
        : null}
    </>
  );
}

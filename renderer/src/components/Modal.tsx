import { useLayoutEffect, useRef, type ReactNode } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A dialog over the window: focus moves into it and Tab stays inside, Escape
 * or a click outside closes it, and focus goes back where it was (the cell
 * the user pressed F1 on).
 */
export function Modal({ label, className, onClose, children, initialFocus }: {
  label: string;
  className?: string;
  onClose: () => void;
  children: ReactNode;
  /** A selector inside the dialog to focus first; else its first focusable element. */
  initialFocus?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  // Before paint, so a key pressed the moment the dialog appears already lands in it.
  useLayoutEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const el = box.current!;
    (el.querySelector<HTMLElement>(initialFocus ?? FOCUSABLE) ?? el).focus();
    // On the window, so Escape works wherever the focus was left; only the topmost dialog answers.
    const onKey = (e: KeyboardEvent) => {
      const open = document.querySelectorAll('.modal-backdrop');
      if (open[open.length - 1] !== el.parentElement) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        close.current();
      } else if (e.key === 'Tab') {
        const items = [...el.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((i) => i.offsetParent !== null);
        if (items.length === 0) return;
        const first = items[0]!;
        const last = items[items.length - 1]!;
        if (e.shiftKey && document.activeElement === first) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first.focus();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (returnTo?.isConnected) returnTo.focus();
    };
    // Focus is placed once, when the dialog opens.
  }, []);

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={`modal ${className ?? ''}`} role="dialog" aria-modal="true" aria-label={label} ref={box} tabIndex={-1}>
        {children}
      </div>
    </div>
  );
}

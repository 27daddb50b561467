import { useEffect, useRef } from 'react';

/** Ask the window for help from anywhere (a column header's or a tile's "?" button): App listens. */
export function requestHelp(name: string | null): void {
  window.dispatchEvent(new CustomEvent('cpw:help', { detail: name }));
}

/**
 * The "?" beside a column header or a KPI tile: the glossary at that metric.
 * Out of the Tab order (F1 on the focused column or tile does the same from
 * the keyboard); its click is stopped natively, before AG Grid's header sorts.
 */
export function HelpButton({ metric, label }: { metric: string; label: string }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const el = button.current!;
    const open = (e: MouseEvent) => {
      e.stopPropagation();
      e.preventDefault();
      requestHelp(metric);
    };
    el.addEventListener('click', open);
    return () => el.removeEventListener('click', open);
  }, [metric]);
  return (
    <button type="button" ref={button} className="help-link" tabIndex={-1} aria-label={`What is ${label}? (F1)`} title={`What is ${label}? (F1)`}>
      ?
    </button>
  );
}

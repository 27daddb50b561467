import { useEffect, useLayoutEffect, useRef, useState } from 'react';

interface Step {
  /** What the step points at. */
  target: string;
  title: string;
  text: string;
}

/** Three stops a director needs on day one: the sheet, the dashboard, the pre-call check; then where help is. */
export const TOUR_STEPS: readonly Step[] = [
  {
    target: '.grid-wrap',
    title: 'The sheet',
    text: 'A row per account: type revenue and the five cost buckets as in a spreadsheet (Enter, Tab, arrows, Ctrl+C / Ctrl+V). The tinted columns are computed; a loss shows in red with a minus sign. Sort by Profit to see who costs more than they bring.',
  },
  {
    target: '.rail a[href="#/dashboard"]',
    title: 'The dashboard',
    text: 'The portfolio at a glance: profit, ROI, churn, NPS and CSAT tiles, the whale curve and the profitability matrix. Present it full screen in a workshop.',
  },
  {
    target: '.rail a[href="#/interactions"]',
    title: 'The pre-call check',
    text: 'Before a meeting, enter who goes, for how long and what it could win: the check weighs its cost against the expected return and says Invest, Review or Skip.',
  },
  {
    target: '.help-button',
    title: 'Help is one key away',
    text: 'F1 explains the metric of the column or tile in focus, with an example and what to do about it; ? lists the keyboard shortcuts. The tour is here too, to take again.',
  },
];

/**
 * A short guided tour over the window, one step at a time. Skip (or Escape)
 * ends it at once; either way it is not shown again at start, and Help >
 * Take the Tour brings it back.
 */
export function Tour({ onEnd }: { onEnd: () => void }) {
  const [at, setAt] = useState(0);
  const [box, setBox] = useState<DOMRect | null>(null);
  const card = useRef<HTMLDivElement>(null);
  const step = TOUR_STEPS[at]!;
  const last = at === TOUR_STEPS.length - 1;

  useLayoutEffect(() => {
    const place = () => setBox(document.querySelector(step.target)?.getBoundingClientRect() ?? null);
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [step]);

  useEffect(() => {
    card.current?.querySelector<HTMLElement>('.tour-next')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onEnd();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [at, onEnd]);

  // Beside the target when there is room on its right, else below it; centred when the target is not on screen.
  const style = !box
    ? { top: '30%', left: '50%', transform: 'translateX(-50%)' }
    : box.right + 380 < window.innerWidth
      ? { top: Math.max(12, box.top), left: box.right + 16 }
      : { top: Math.min(window.innerHeight - 260, box.bottom + 12), left: Math.max(12, Math.min(box.left, window.innerWidth - 392)) };

  return (
    <div className="tour" aria-live="polite">
      {box ? <div className="tour-ring" style={{ top: box.top - 4, left: box.left - 4, width: box.width + 8, height: box.height + 8 }} /> : null}
      <div className="tour-card" role="dialog" aria-modal="false" aria-labelledby="tour-title" ref={card} style={style}>
        <p className="tour-count">
          Step {at + 1} of {TOUR_STEPS.length}
        </p>
        <h2 id="tour-title">{step.title}</h2>
        <p>{step.text}</p>
        <footer>
          <button type="button" className="tour-skip" onClick={onEnd}>
            Skip tour
          </button>
          <span>
            {at > 0 ? (
              <button type="button" onClick={() => setAt(at - 1)}>
                Back
              </button>
            ) : null}
            <button type="button" className="tour-next primary" onClick={() => (last ? onEnd() : setAt(at + 1))}>
              {last ? 'Done' : 'Next'}
            </button>
          </span>
        </footer>
      </div>
    </div>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { ChartCanvas } from '../../components/ChartCanvas';
import { openAccount } from '../../router';
import type { Workbook } from '../../state/useWorkbook';
import { KeyFiguresSlide } from './KeyFiguresSlide';
import { slides, type Slide } from './slides';
import { useDashboard } from './useDashboard';
import { filterWords, useDashboardChoice } from './useDashboardChoice';

type Page = Pick<Slide, 'id' | 'title' | 'explain'> & Partial<Pick<Slide, 'config' | 'note'>>;
const KEY_FIGURES: Page = { id: 'figures', title: 'Key figures', explain: 'The period at a glance, as the workshop report opens: each figure with its change on the previous period.' };

/** Workshops: full screen, large type, one chart a slide; arrows move, Escape leaves. */
export function PresentationView({ wb }: { wb: Workbook }) {
  // The dashboard's own filter and "Group by": what was shown there is what is presented.
  const { filter, group } = useDashboardChoice(wb);
  const data = useDashboard(wb, filter);
  const currency = wb.info?.currency ?? 'USD';
  // The key figures open the workshop, then one chart a slide.
  const all = useMemo<Page[]>(() => (data ? [KEY_FIGURES, ...slides(data, { currency, select: openAccount, large: true }, group)] : []), [data, currency, group]);
  const [at, setAt] = useState(0);

  useEffect(() => {
    document.documentElement.requestFullscreen?.().catch(() => undefined);
    return () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ') setAt((k) => Math.min(all.length - 1, k + 1));
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') setAt((k) => Math.max(0, k - 1));
      else if (e.key === 'Escape') window.location.hash = '#/dashboard';
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [all.length]);

  const slide = all[Math.min(at, all.length - 1)];
  if (!slide) return <div className="presentation">Loading…</div>;
  return (
    <div className="presentation" data-testid="presentation">
      <header>
        <h1>{slide.title}</h1>
        <span className="slide-count" data-testid="slide-count">
          {at + 1} / {all.length} · {wb.period}
          {filterWords(filter)}
        </span>
      </header>
      <p className="explain">{slide.explain}</p>
      <div className="slide-chart">
        {slide.id === KEY_FIGURES.id && data ? (
          <KeyFiguresSlide figures={data.result.figures} previous={data.previous} currency={currency} />
        ) : slide.config ? (
          <ChartCanvas key={slide.id} id={`present-${slide.id}`} config={slide.config} label={`${slide.title}: ${slide.explain}`} />
        ) : (
          <p className="chart-note">{slide.note}</p>
        )}
      </div>
      <footer>← → to move · Esc to leave</footer>
    </div>
  );
}

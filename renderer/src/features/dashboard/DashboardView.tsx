import { useMemo, useState } from 'react';
import { SEGMENTS, type SegmentName } from '../../../../shared/schemas/fields';
import { ChartCanvas, chartPng, copyChartPng } from '../../components/ChartCanvas';
import { downloadUrl } from '../../components/download';
import { EmptyState } from '../../components/EmptyState';
import { PagedTable, tableOf } from '../../components/PagedTable';
import { formatCount } from '../../../../shared/format';
import { openAccount } from '../../router';
import type { Workbook } from '../../state/useWorkbook';
import { slides, type Slide } from './slides';
import { groupTable } from './groupBy';
import { DimensionFilter, GroupBySelect, GroupSection } from './DimensionControls';
import { filterWords, useDashboardChoice } from './useDashboardChoice';
import { glossaryEntry } from '../../../../shared/glossary';
import { HelpButton } from '../../components/HelpButton';
import { TILES, tileChange, tileText } from './tiles';
import { useDashboard } from './useDashboard';
import { usePlan } from '../plan/usePlan';
import { varianceSlides } from './varianceSlides';

/** A table of formatted rows: a PagedTable of them, so a long one pages like the dashboard's own. */
export function DataTable({ head, rows, caption, explained }: { head: string[]; rows: string[][]; caption: string; explained?: boolean }) {
  return <PagedTable table={tableOf(head, rows)} caption={caption} explained={explained} />;
}

export function ChartCard({ slide, period }: { slide: Slide; period: string }) {
  const titled = `${slide.title}, ${period}`;
  const [copied, setCopied] = useState<string | null>(null);
  // Built when opened: closed, a 100,000-row table still costs the window its DOM.
  const [showTable, setShowTable] = useState(false);
  const canvasOf = (el: HTMLElement) => el.closest('figure')?.querySelector('canvas') ?? null;
  return (
    <figure className="chart-card" data-testid={`card-${slide.id}`}>
      <figcaption>
        <h3>{slide.title}</h3>
        {slide.config ? (
          <span className="png">
            {copied ? <small aria-live="polite">{copied}</small> : null}
            <button
              type="button"
              title="Copy the chart as an image, to paste into slides"
              onClick={(e) => {
                const canvas = canvasOf(e.currentTarget);
                if (!canvas) return;
                copyChartPng(canvas, titled).then(
                  () => setCopied('Copied'),
                  (err: unknown) => setCopied(`Cannot copy: ${(err as Error).message}`),
                );
              }}
            >
              Copy
            </button>
            <button
              type="button"
              title="Save the chart as a PNG file"
              onClick={(e) => {
                const canvas = canvasOf(e.currentTarget);
                if (canvas) downloadUrl(chartPng(canvas, titled), `${slide.id}-${period}.png`);
              }}
            >
              PNG
            </button>
          </span>
        ) : null}
      </figcaption>
      <p className="explain">{slide.explain}</p>
      <div className="chart-box">
        {slide.config ? <ChartCanvas id={slide.id} config={slide.config} label={`${slide.title}: ${slide.explain}`} /> : <p className="chart-note">{slide.note}</p>}
      </div>
      {slide.aside ? <p className="chart-aside">{slide.aside}</p> : null}
      <details onToggle={(e) => setShowTable(e.currentTarget.open)}>
        <summary>Data as a table ({formatCount(slide.table.count, 'row')})</summary>
        {showTable ? <PagedTable table={slide.table} caption={slide.title} /> : null}
      </details>
    </figure>
  );
}

export function DashboardView({ wb }: { wb: Workbook }) {
  const { filter, setFilter, group, setGroup, dimensions } = useDashboardChoice(wb);
  const data = useDashboard(wb, filter);
  const currency = wb.info?.currency ?? 'USD';
  // A click on an account in a chart opens its Customer Picture, which links on to its row in the sheet.
  const ctx = useMemo(() => ({ currency, select: openAccount }), [currency]);
  const charts = useMemo(() => (data ? slides(data, ctx, group) : []), [data, ctx, group]);
  // Plan vs actual, when the period has a plan: the whole period's actuals against it.
  const plan = usePlan(wb);
  const actual = wb.model?.result;
  const variance = useMemo(() => (actual && plan.result ? varianceSlides(actual, plan.result, ctx) : []), [actual, plan.result, ctx]);
  if (!wb.period) {
    return <EmptyState title="Nothing to chart yet">Add a period and its accounts in the Sheet; the dashboard draws itself from them.</EmptyState>;
  }
  if (!data) return <EmptyState title="Loading the period…">The dashboard appears as soon as the period is computed.</EmptyState>;
  const f = data.result.figures;
  const table = groupTable(data.result, group, currency);
  return (
    <div className="dashboard">
      <h2 className="print-only">
        {wb.info?.name} — period {wb.period}
        {filterWords(filter)} ({formatCount(f.count, 'account')}, {currency})
      </h2>
      <div className="dashboard-bar" role="toolbar" aria-label="Dashboard">
        <label>
          Owner{' '}
          <select aria-label="Filter by owner" value={filter.owner ?? ''} onChange={(e) => setFilter({ ...filter, owner: e.target.value || null })}>
            <option value="">All owners</option>
            {data.owners.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        </label>
        <label>
          Segment{' '}
          <select aria-label="Filter by segment" value={filter.segment ?? ''} onChange={(e) => setFilter({ ...filter, segment: (e.target.value || null) as SegmentName | null })}>
            <option value="">All segments</option>
            {SEGMENTS.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <DimensionFilter dimensions={dimensions} filter={filter} setFilter={setFilter} />
        <GroupBySelect dimensions={dimensions} group={group} setGroup={setGroup} />
        <span className="hint">
          {formatCount(f.count, 'account')}{data.previous ? `, compared with ${data.previous.label}` : ''}
        </span>
        <a className="button" href="#/present">
          Present
        </a>
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <section className="tiles" aria-label="Key figures">
        {TILES.map((t) => {
          const value = f[t.key] as number | null;
          const shown = tileText(t, value, currency);
          const change = data.previous ? tileChange(t, value, data.previous.figures[t.key] as number | null, currency) : null;
          return (
            // Focusable, so F1 on a tile opens the glossary at its metric as on a column.
            <div className="tile" key={t.key} data-testid={`tile-${t.key}`} data-metric={t.key} title={t.explain} tabIndex={0} role="group" aria-label={t.label}>
              <div className="tile-label">
                {t.label}
                {glossaryEntry(t.key) ? <HelpButton metric={t.key} label={t.label} /> : null}
              </div>
              <div className={`tile-value${typeof value === 'number' && value < 0 ? ' loss' : ''}`} title={shown.full ?? undefined} data-full={shown.full ?? undefined}>
                {shown.text}
              </div>
              {change ? <div className={`tile-change ${change.tone}`}>{change.text} vs {data.previous!.label}</div> : null}
              <div className="tile-explain">{t.explain}</div>
            </div>
          );
        })}
      </section>
      <section className="charts">
        {charts.map((s) => (
          <ChartCard key={s.id} slide={s} period={wb.period ?? ''} />
        ))}
        {variance.map((s) => (
          <ChartCard key={s.id} slide={s} period={wb.period ?? ''} />
        ))}
        <GroupSection table={table} dimensions={dimensions} />
      </section>
    </div>
  );
}

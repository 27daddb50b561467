import type { ChartConfiguration } from 'chart.js';
import { useEffect, useMemo, useState } from 'react';
import { formatMoney, formatPercent } from '../../../../shared/format';
import type { Trends } from '../../../../shared/schemas/trends';
import { ChartCanvas } from '../../components/ChartCanvas';
import { EmptyState } from '../../components/EmptyState';
import type { Workbook } from '../../state/useWorkbook';
import { DataTable } from '../dashboard/DashboardView';
import { OKABE_ITO, themeColours } from '../dashboard/palette';
import { formatMetric, portfolioFigures } from '../../../../shared/catalogue/format';
import { TREND_FIGURES } from '../../../../shared/catalogue/figures';
import { explainSegmentChanges } from '../../../../shared/engine/trend-moves';
import { AccountsFilter, shownInWords, useTrendsWhere } from './TrendsFilter';

type Metric = (typeof TREND_FIGURES)[number];

const METRICS = portfolioFigures(TREND_FIGURES);

/** Each portfolio metric per period, each account's profit, ROI and segment over the periods, and who moved segment. */
export function TrendsView({ wb }: { wb: Workbook }) {
  const [trends, setTrends] = useState<Trends | null>(null);
  const [metric, setMetric] = useState<Metric>('profit');
  const currency = wb.info?.currency ?? 'USD';
  // All accounts, or those with one value of a dimension (region = EMEA).
  const { where, setWhere, dimensions } = useTrendsWhere(wb);
  const [refused, setRefused] = useState<string | null>(null);
  // The accounts the trends on screen are of: the status line says what is shown, not what was last picked.
  const [shownFor, setShownFor] = useState(where);

  // Every saved change (and undo) moves the history; the trends are read again then, so an edit shows at once.
  useEffect(() => {
    let live = true;
    wb.client.call('trends.get', where ? { where } : {}).then(
      (t) => {
        if (!live) return;
        setTrends(t);
        setShownFor(where);
        setRefused(null);
      },
      (e: unknown) => live && setRefused(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [wb.client, wb.history, wb.periods, wb.assumptions, where]);

  const def = METRICS.find((m) => m.key === metric)!;
  const fmt = (v: number | null) => formatMetric(def.spec, v, currency);
  const config = useMemo<ChartConfiguration | null>(() => {
    if (!trends) return null;
    const t = themeColours();
    return {
      type: 'line',
      data: {
        labels: trends.periods.map((p) => p.period),
        datasets: [{ label: def.label, data: trends.periods.map((p) => p.portfolio[metric] as number | null), borderColor: OKABE_ITO.blue, backgroundColor: OKABE_ITO.blue, pointRadius: 5, spanGaps: false }],
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: (i) => `${def.label}: ${fmt(i.parsed.y)}` } } },
        scales: {
          x: { ticks: { color: t.muted }, grid: { color: t.line } },
          // Counts have whole ticks only, so a 6-to-7 range does not read 6, 6, 7, 7.
          y: { ticks: { color: t.muted, precision: def.spec.format === 'count' || def.spec.format === 'score' ? 0 : undefined, callback: (v: number | string) => fmt(Number(v)) }, grid: { color: t.line } },
        },
      },
    };
    // fmt and def are derived from metric and currency, the dependencies that matter.
  }, [trends, metric, currency]);

  if (!wb.periods.length) return <EmptyState title="No periods yet">Trends need at least one period; add one in the Sheet.</EmptyState>;
  if (!trends || !config) return <EmptyState title="Reading the periods…">Each period is computed with the same engine as the sheet.</EmptyState>;
  const periods = trends.periods.map((p) => p.period);
  return (
    <div className="dashboard trends">
      <div className="dashboard-bar" role="toolbar" aria-label="Trends">
        <label>
          Metric{' '}
          <select aria-label="Metric" value={metric} onChange={(e) => setMetric(e.target.value as Metric)}>
            {METRICS.map((m) => (
              <option key={m.key} value={m.key}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <AccountsFilter dimensions={dimensions} where={where} setWhere={setWhere} />
        <span className="hint" role="status" data-testid="trends-shown">
          {refused ?? shownInWords(trends, shownFor)}
        </span>
      </div>
      <figure className="chart-card wide" data-testid="card-trend">
        <figcaption>
          <h3>
            {def.label} per period{shownFor ? `, ${shownFor.name} = ${shownFor.value}` : ''}
          </h3>
        </figcaption>
        <div className="chart-box">
          <ChartCanvas id="trend" config={config} label={`${def.label} per period`} />
        </div>
        <DataTable caption={`${def.label} per period`} head={['Period', def.label]} rows={trends.periods.map((p) => [p.period, fmt(p.portfolio[metric] as number | null)])} />
      </figure>
      <section className="charts">
        <figure className="chart-card wide">
          <figcaption>
            <h3>Accounts that changed segment</h3>
          </figcaption>
          {trends.segmentChanges.length ? (
            <div data-testid="segment-changes">
              <p className="hint">
                The matrix splits at the period's median revenue and the portfolio's margin unless Assumptions set them, so a change to other accounts can move an account: the last
                column says which split it crossed.
              </p>
              <DataTable
                caption="From one period to the next"
                explained
                head={['Account', 'From', 'To', 'Was', 'Now', 'Why']}
                rows={explainSegmentChanges(trends, currency).map(({ change: c, why }) => [c.account, c.fromPeriod, c.toPeriod, c.from, c.to, why])}
              />
            </div>
          ) : (
            <p className="chart-note">No account changed segment between periods.</p>
          )}
        </figure>
        <figure className="chart-card wide">
          <figcaption>
            <h3>Each account's profit over the periods</h3>
          </figcaption>
          <div data-testid="account-trends">
            <DataTable
              caption="Profit, ROI and segment per period; empty where the account has no row"
              head={['Account', ...periods]}
              rows={trends.accounts.map((a) => [a.account, ...a.points.map((pt) => (pt ? `${formatMoney(pt.profit, currency)} · ${formatPercent(pt.roi)} · ${pt.segment}` : ''))])}
            />
          </div>
        </figure>
      </section>
    </div>
  );
}

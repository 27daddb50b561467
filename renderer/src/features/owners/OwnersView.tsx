import type { ChartConfiguration } from 'chart.js';
import { useEffect, useMemo, useState } from 'react';
import { inRange, periodDates } from '../../../../shared/engine/period-dates';
import { ownerScorecard, type OwnerScore } from '../../../../shared/engine/scorecard';
import { formatMoney, formatNumber, formatPercent } from '../../../../shared/format';
import type { Interaction } from '../../../../shared/schemas/interaction';
import { ChartCanvas } from '../../components/ChartCanvas';
import { EmptyState } from '../../components/EmptyState';
import { HelpButton } from '../../components/HelpButton';
import type { Workbook } from '../../state/useWorkbook';
import { OKABE_ITO, themeColours } from '../dashboard/palette';

type Column = { key: keyof OwnerScore; label: string; help: string; show: (s: OwnerScore) => string };

/**
 * The owner scorecard: each key account director's accounts summed, ranked by
 * profit per hour of customer interaction, so a value-based plan rewards what
 * the time earned rather than how many meetings filled it.
 */
export function OwnersView({ wb }: { wb: Workbook }) {
  // Null until the log is read: the recognised share is not shown as missing while it loads.
  const [log, setLog] = useState<Interaction[] | null>(null);
  const currency = wb.info?.currency ?? 'USD';
  const { client, setNotice } = wb;

  useEffect(() => {
    client.call('interactions.list').then(setLog, (e: unknown) => setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) }));
  }, [client, setNotice, wb.history]);

  const card = useMemo(() => {
    if (!wb.model || !wb.assumptions || !log) return [];
    const dates = wb.period ? periodDates(wb.period) : null;
    return ownerScorecard(wb.model.result, log.filter((it) => inRange(it.date, dates)), wb.assumptions);
  }, [wb.model, wb.assumptions, wb.period, log]);
  const config = useMemo<ChartConfiguration<'bar'> | null>(() => {
    if (!card.length) return null;
    const t = themeColours();
    return {
      type: 'bar',
      data: {
        labels: card.map((s) => s.owner ?? 'No owner'),
        datasets: [{ label: 'Profit per interaction hour', data: card.map((s) => s.profitPerInteractionHour ?? 0), backgroundColor: card.map((s) => ((s.profitPerInteractionHour ?? 0) < 0 ? OKABE_ITO.vermillion : OKABE_ITO.blue)) }],
      },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: (i) => `${formatMoney(i.parsed.x, currency)} profit per hour` } } },
        scales: {
          x: { ticks: { color: t.muted, callback: (v) => formatMoney(Number(v), currency) }, grid: { color: t.line } },
          y: { ticks: { color: t.ink }, grid: { display: false } },
        },
      },
    };
  }, [card, currency]);

  if (!wb.model || !wb.assumptions) return <EmptyState title="No period to score yet">Add a period with + Period, then accounts with their owners in the Sheet.</EmptyState>;
  if (wb.model.rows.length === 0) return <EmptyState title={`No accounts in ${wb.period}`}>Add accounts, each with its owner, in the Sheet.</EmptyState>;
  if (!log) return <EmptyState title="Reading the interactions log…">The recognised share of each owner comes from it.</EmptyState>;

  const m = (v: number | null) => formatMoney(v, currency);
  const columns: Column[] = [
    { key: 'accounts', label: 'Accounts', help: 'Accounts the director owns this period.', show: (s) => formatNumber(s.accounts) },
    { key: 'revenue', label: 'Revenue', help: 'Sum of their accounts’ revenue.', show: (s) => m(s.revenue) },
    { key: 'profit', label: 'Profit', help: 'Revenue minus total cost of their accounts.', show: (s) => m(s.profit) },
    { key: 'roi', label: 'ROI', help: 'Profit / total cost of their accounts.', show: (s) => formatPercent(s.roi) },
    { key: 'profitPerInteractionHour', label: 'Profit / interaction hour', help: 'Profit / the rep hours of the sheet’s meetings and calls: the ranking. Value, not volume.', show: (s) => m(s.profitPerInteractionHour) },
    { key: 'interactionHours', label: 'Interaction hours', help: 'Meetings × meeting hours + calls × call hours.', show: (s) => formatNumber(s.interactionHours, 1) },
    { key: 'interactionCost', label: 'Interaction cost', help: 'Those hours at the daily rate: rep time already inside the buckets.', show: (s) => m(s.interactionCost) },
    { key: 'revenuePerInteraction', label: 'Revenue / interaction', help: 'Revenue / (meetings + calls).', show: (s) => m(s.revenuePerInteraction) },
    { key: 'recognisedShare', label: 'Recognised share', help: 'Of the logged interactions this period with a yes or no answer, the cost share the customer valued.', show: (s) => formatPercent(s.recognisedShare) },
    { key: 'clv', label: 'CLV', help: 'Sum of their accounts’ customer lifetime value.', show: (s) => m(s.clv) },
    { key: 'upsell', label: 'Upsell', help: 'Revenue from selling more of the same.', show: (s) => m(s.upsell) },
    { key: 'crossSell', label: 'Cross-sell', help: 'Revenue from selling other products.', show: (s) => m(s.crossSell) },
    { key: 'referrals', label: 'Referrals', help: 'New customers their accounts referred.', show: (s) => formatNumber(s.referrals) },
    { key: 'valueDelivered', label: 'Value delivered', help: 'What their customers gained, as estimated.', show: (s) => m(s.valueDelivered) },
    { key: 'nps', label: 'NPS', help: '100 × (promoters − detractors) / rated accounts, −100 to 100.', show: (s) => (s.nps === null ? '—' : formatNumber(s.nps)) },
    { key: 'csat', label: 'CSAT', help: 'Share of rated accounts scoring 4 or 5.', show: (s) => formatPercent(s.csat) },
  ];

  return (
    <div className="dashboard owners">
      <div className="dashboard-bar" role="toolbar" aria-label="Owner scorecard">
        <h2>Owner scorecard, {wb.period}</h2>
        <span className="hint">Ranked by profit per interaction hour: what each hour with customers earned, not how many meetings filled the week.</span>
      </div>
      <section className="chart-card wide" aria-label="Profit per interaction hour">
        <div className="chart-box short">{config ? <ChartCanvas id="owners" config={config as ChartConfiguration} label="Profit per interaction hour by owner" /> : null}</div>
      </section>
      {/* Focusable so the keyboard can scroll a scorecard wider than the window. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Owner scorecard table">
        <table className="data-table scorecard" data-testid="scorecard">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Owner</th>
              {columns.map((c) => (
                <th scope="col" key={c.key} title={c.help}>
                  {c.label}
                  {c.key === 'recognisedShare' || c.key === 'profitPerInteractionHour' ? <HelpButton metric={c.key} label={c.label} /> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {card.map((s, k) => (
              <tr key={s.owner ?? ''}>
                <td>{k + 1}</td>
                <th scope="row">{s.owner ?? 'No owner'}</th>
                {columns.map((c) => (
                  <td key={c.key} className={c.key === 'profit' && s.profit < 0 ? 'loss' : undefined}>
                    {c.show(s)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="explain-all">
        <summary>What each measure means</summary>
        <dl>
          {columns.map((c) => (
            <div key={c.key}>
              <dt>{c.label}</dt>
              <dd>{c.help}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}

import type { ChartConfiguration } from 'chart.js';
import { useEffect, useMemo, useState } from 'react';
import type { AuditEntry } from '../../../../shared/schemas/audit';
import { summariseInteractions } from '../../../../shared/engine/interactions';
import { inRange, periodDates } from '../../../../shared/engine/period-dates';
import { formatMoney, formatMultiple, formatNumber, formatPercent } from '../../../../shared/format';
import { BUCKETS, SEGMENT_FOCUS, SEGMENTS, STATUSES, type InputField } from '../../../../shared/schemas/fields';
import type { Output } from '../../../../shared/ipc/contract';
import type { AccountResult } from '../../../../shared/schemas/report';
import { SheetRow } from '../../../../shared/schemas/row';
import { readCell } from '../../../../shared/text/cells';
import { ChartCanvas } from '../../components/ChartCanvas';
import { EmptyState } from '../../components/EmptyState';
import type { Workbook } from '../../state/useWorkbook';
import { DataTable } from '../dashboard/DashboardView';
import { BUCKET_COLOURS, themeColours } from '../dashboard/palette';
import { withFigures, type Logged } from '../interactions/log';
import { AllocatedCost } from './AllocatedCost';
import { PICTURE_FIELDS } from './fields';
import { fieldLabel, fieldSpec, isInputField, metricLabel } from '../../../../shared/catalogue';


type Picture = Output<'account.picture'>;

/** The text an input shows for a value: plain digits, so it reads back as typed. */
const asText = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/**
 * One account on one page, as a director fills it in a review: the five
 * buckets against revenue, the figures that say whether it pays back, its
 * segment and what to do about it, its interactions, and each figure over the
 * periods. The inputs are editable here as in the sheet, and saved the same way.
 */
export function CustomerPicture({ wb, account }: { wb: Workbook; account: string }) {
  const [picture, setPicture] = useState<Picture | null>(null);
  const [log, setLog] = useState<Logged[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  const [fieldError, setFieldError] = useState<{ field: InputField; text: string } | null>(null);
  const currency = wb.info?.currency ?? 'USD';
  const money = (v: number | null) => formatMoney(v, currency);

  // Read again after every saved change (the history moves) and when the assumptions change.
  useEffect(() => {
    let live = true;
    Promise.all([wb.client.call('account.picture', { account }), wb.client.call('interactions.list', { account }), wb.client.call('audit.list', { account, limit: 200 })]).then(
      ([p, l, changes]) => {
        if (!live) return;
        setPicture(p);
        setLog(l);
        setAudit(changes);
        setError(null);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [wb.client, account, wb.history, wb.assumptions, wb.periods]);

  const index = useMemo(() => (wb.model?.rows ?? []).findIndex((r) => r.account.toLowerCase() === account.toLowerCase()), [wb.model, account]);
  const here = picture?.periods.find((p) => p.period === wb.period)?.result ?? null;
  const config = useMemo<ChartConfiguration<'bar'> | null>(() => (here ? bucketChart(here, currency) : null), [here, currency]);

  if (error) return <EmptyState title={`No account "${account}"`}>{error}. Pick one in the <a href="#/sheet">Sheet</a> or search for it above.</EmptyState>;
  if (!picture || !wb.assumptions) return <EmptyState title={`Reading ${account}…`}>Every period of the workbook is computed for it.</EmptyState>;

  const dates = wb.period ? periodDates(wb.period) : null;
  // Planned ones too, for the list; the summary counts only those held.
  const inPeriod = withFigures(log.filter((it) => inRange(it.date, dates)), wb.assumptions);
  const logged = summariseInteractions(inPeriod, wb.assumptions)[0];
  const row = index >= 0 ? wb.model!.rows[index]! : null;

  const save = async (field: Exclude<InputField, 'account'>, text: string) => {
    if (!row || asText(row[field]) === text.trim()) return;
    const read = readCell(field, text);
    if (!read.ok) return setFieldError({ field, text: `${field} ${read.rule}` });
    const next = SheetRow.safeParse({ ...row, [field]: read.value });
    if (!next.success) return setFieldError({ field, text: next.error.issues.map((i) => i.message).join('; ') });
    setFieldError(null);
    await wb.saveRow(index, row.account, { [field]: read.value }, next.data);
  };

  const tiles: [string, string, string][] = here
    ? [
        ['Revenue', money(here.revenue), 'What the account brought in this period.'],
        [metricLabel('totalCost', 'account'), money(here.totalCost), BUCKETS.map((b) => fieldLabel(b)).join(' + ') + '.'],
        ['Profit', money(here.profit), 'Revenue minus total cost.'],
        ['ROI', formatPercent(here.roi), 'Profit / total cost.'],
        ['Cost to revenue', formatMultiple(here.costToRevenue), 'Total cost / revenue: above 1.00x it costs more than it brings.'],
        ['Interaction cost', money(here.interactionCost), "Rep time in the sheet's meetings and calls; it sits inside the buckets."],
        ['Logged interactions', logged ? money(logged.cost) : '—', `What the held interactions in the log cost${dates ? ' in the period' : ''}.`],
        ['Recognised share', formatPercent(logged?.recognisedShare ?? null), 'Cost of interactions the customer valued / cost of those with a yes or no answer.'],
        ['CLV', money(here.clv), 'Average order value × purchases per year × lifespan, or revenue × lifespan.'],
        ['Lifetime profit', money(here.lifetimeProfit), 'CLV × margin.'],
        ['Value delivered', money(here.valueDelivered), `What the customer gained; ${formatMultiple(here.valueMultiple)} its revenue.`],
        ['CSAT / NPS', `${here.csat ?? '—'} / ${here.nps ?? '—'}`, `Satisfaction 1–5 and likelihood to recommend 0–10${here.npsCategory ? ` (a ${here.npsCategory})` : ''}.`],
      ]
    : [];

  return (
    <div className="picture">
      <header className="picture-head">
        <div>
          <h1>{picture.account}</h1>
          <p className="hint">
            {here ? `${wb.period} · ${here.owner ? `owner ${here.owner}` : 'no owner'} · ${here.status} · Pareto class ${here.paretoClass}` : `Not in ${wb.period ?? 'this period'}.`}{' '}
            <a href="#/sheet" onClick={() => wb.selectAccount(picture.account)}>
              Show in the sheet
            </a>
          </p>
        </div>
        {here ? (
          <div className={`segment-badge segment-${here.segment.toLowerCase()}`} aria-label="Segment">
            <strong>{here.segment}</strong>
            {here.segmentOverride ? ' (pinned)' : ''}
            <span>{SEGMENT_FOCUS[here.segment]}</span>
          </div>
        ) : null}
      </header>
      {here ? (
        <>
          <div className="tiles small" aria-label="Figures">
            {tiles.map(([label, value, help]) => (
              <div className="tile" key={label} title={help}>
                <span className="tile-label">{label}</span>
                <span className={`tile-value${label === 'Profit' && here.profit < 0 ? ' loss' : ''}`} data-testid={`picture-${label}`}>
                  {value}
                </span>
              </div>
            ))}
          </div>
          <section className="card" aria-label="Cost against revenue">
            <h2>Cost against revenue</h2>
            <div className="chart-box short">{config ? <ChartCanvas id="picture-buckets" config={config as ChartConfiguration} label={`${picture.account}: the five cost buckets against revenue`} /> : null}</div>
          </section>
          <AllocatedCost wb={wb} account={picture.account} />
        </>
      ) : null}
      {row ? (
        <section className="card picture-form" aria-label="Inputs">
          <h2>Inputs for {wb.period}</h2>
          <p className="hint">Edit as in the sheet: a change is saved when you leave the field, and Ctrl+Z undoes it.</p>
          {PICTURE_FIELDS.map((g) => (
            <fieldset key={g.group}>
              <legend>{g.group}</legend>
              {g.fields.map(({ field, label, kind }) => (
                <label key={field}>
                  <span>{label}</span>
                  {kind === 'choice' ? (
                    <select name={field} value={asText(row[field])} onChange={(e) => void save(field, e.target.value)}>
                      {field === 'segmentOverride' ? <option value="">(the matrix decides)</option> : null}
                      {(field === 'status' ? STATUSES : SEGMENTS).map((v) => (
                        <option key={v}>{v}</option>
                      ))}
                    </select>
                  ) : (
                    <input
                      name={field}
                      key={`${field}-${asText(row[field])}`}
                      defaultValue={asText(row[field])}
                      inputMode={kind === 'text' ? 'text' : 'decimal'}
                      aria-invalid={fieldError?.field === field ? true : undefined}
                      onBlur={(e) => void save(field, e.currentTarget.value)}
                      onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
                    />
                  )}
                  {fieldError?.field === field ? (
                    <em className="form-error" role="alert">
                      {fieldError.text}
                    </em>
                  ) : null}
                </label>
              ))}
            </fieldset>
          ))}
        </section>
      ) : null}
      <section className="card" aria-label="Over the periods">
        <h2>Over the periods</h2>
        <DataTable
          caption={`${picture.account} in each period of the workbook`}
          head={['Period', 'Revenue', 'Total cost', 'Profit', 'ROI', 'Cost to revenue', 'Interaction cost', 'CLV', 'CSAT', 'NPS', 'Segment']}
          rows={picture.periods.map(({ period, result: r }) =>
            r
              ? [period, money(r.revenue), money(r.totalCost), money(r.profit), formatPercent(r.roi), formatMultiple(r.costToRevenue), money(r.interactionCost), money(r.clv), formatNumber(r.csat), formatNumber(r.nps), r.segment]
              : [period, 'not in this period', '', '', '', '', '', '', '', '', ''],
          )}
        />
      </section>
      <section className="card" aria-label="Its interactions">
        <h2>Interactions{dates ? ` in ${wb.period}` : ''}</h2>
        {inPeriod.length === 0 ? (
          <p className="hint">
            None logged. Price the next one with the <a href="#/interactions">pre-call check</a>.
          </p>
        ) : (
          <DataTable
            caption={`Interactions with ${picture.account}`}
            head={['Date', 'Kind', 'Hours', 'Cost', 'Expected return', 'Verdict', 'Valued', 'Planned']}
            rows={inPeriod.map((it) => [it.date, it.kind, formatNumber(it.hours + it.prepHours, 1), money(it.cost), money(it.expectedReturn), it.verdict, it.valued, it.planned ? 'yes' : ''])}
          />
        )}
      </section>
      <section className="card" aria-label="Its changes">
        <h2>Who changed what</h2>
        {audit.length === 0 ? (
          <p className="hint">No change recorded yet: every edit from now on is listed here with who made it and when.</p>
        ) : (
          <DataTable
            caption={`Changes to ${picture.account}, newest first`}
            head={['When', 'Who', 'Period', 'Field', 'Before', 'After']}
            rows={[...audit].reverse().map((e) => [new Date(e.at).toLocaleString(), e.person, e.period ?? '', auditField(e), auditValue(e.field, e.before, currency), auditValue(e.field, e.after, currency)])}
          />
        )}
      </section>
    </div>
  );
}

/** The field an audit entry names, as its label; a row added or removed says so. */
function auditField(e: AuditEntry): string {
  if (e.field === 'account' && e.before === null) return 'Row added';
  if (e.field === 'account' && e.after === null) return 'Row removed';
  return isInputField(e.field) ? fieldLabel(e.field) : e.field;
}

function auditValue(field: string, v: string | null, currency: string): string {
  if (v === null) return '';
  return isInputField(field) && fieldSpec(field).kind === 'money' && v !== '' && Number.isFinite(Number(v)) ? formatMoney(Number(v), currency) : v;
}

function bucketChart(r: AccountResult, currency: string): ChartConfiguration<'bar'> {
  const t = themeColours();
  return {
    type: 'bar',
    data: {
      labels: ['Revenue', 'Cost'],
      datasets: [
        { label: 'Revenue', data: [r.revenue, 0], backgroundColor: '#4d5b70', stack: 's' },
        ...BUCKETS.map((b) => ({ label: fieldLabel(b), data: [0, r[b]], backgroundColor: BUCKET_COLOURS[b], stack: 's' })),
      ],
    },
    options: {
      indexAxis: 'y',
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { position: 'bottom', labels: { color: t.ink } },
        tooltip: { callbacks: { label: (i) => `${i.dataset.label}: ${formatMoney(i.parsed.x, currency)}` } },
      },
      scales: {
        x: { stacked: true, ticks: { color: t.muted, callback: (v) => formatMoney(Number(v), currency) }, grid: { color: t.line } },
        y: { stacked: true, ticks: { color: t.ink }, grid: { display: false } },
      },
    },
  };
}


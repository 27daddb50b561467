import type { ChartConfiguration } from 'chart.js';
import { useEffect, useMemo, useState } from 'react';
import { whaleData } from '../../../../shared/charts/chartData';
import { applyScenario, figureDifference } from '../../../../shared/engine/scenarios';
import { describeMove, segmentMoveCauses, standingAt } from '../../../../shared/engine/segment-moves';
import { computeColumns } from '../../../../shared/engine/sheet';
import { formatPercent } from '../../../../shared/format';
import { SCALABLE_FIELDS, SEGMENTS, type ScalableField, type SegmentName } from '../../../../shared/schemas/fields';
import { describeAdjustment, type Adjustment, type Scenario, type Where } from '../../../../shared/schemas/scenario';
import { ChartCanvas } from '../../components/ChartCanvas';
import { EmptyState } from '../../components/EmptyState';
import type { Workbook } from '../../state/useWorkbook';
import { DataTable } from '../dashboard/DashboardView';
import { OKABE_ITO, themeColours } from '../dashboard/palette';
import { compareFigures } from '../../../../shared/catalogue/format';
import { SCENARIO_FIGURES } from '../../../../shared/catalogue/figures';
import { dimensionChoices, dimensionOf, dimensionScope, dimensionWhere, type DimensionScope } from './dimensionScope';

type Scope = 'all' | 'segment' | 'owner' | 'account' | DimensionScope;

/**
 * What-ifs on a copy of the period: scale a field or drop accounts, for all,
 * a segment, an owner or one account. Computed here with the same engine as
 * the sheet, on a copy of its columns: the rows are never changed. Saved
 * scenarios live in the workbook.
 */
export function ScenariosView({ wb }: { wb: Workbook }) {
  const [saved, setSaved] = useState<Scenario[]>([]);
  const [name, setName] = useState('New scenario');
  const [steps, setSteps] = useState<Adjustment[]>([]);
  const [kind, setKind] = useState<'scale' | 'drop'>('scale');
  const [field, setField] = useState<ScalableField>('service');
  const [pct, setPct] = useState('-30');
  const [scope, setScope] = useState<Scope>('segment');
  const [target, setTarget] = useState<string>('Reassess');
  const [message, setMessage] = useState<string | null>(null);
  const currency = wb.info?.currency ?? 'USD';

  useEffect(() => {
    void wb.client.call('scenarios.list').then(setSaved);
  }, [wb.client]);

  const base = wb.model?.result;
  const outcome = useMemo(() => {
    if (!base || !wb.assumptions) return null;
    const next = computeColumns(applyScenario(base, steps), wb.assumptions);
    const at = new Map(base.columns.account.map((a, i) => [a, i]));
    // Each account whose segment the changes move, and why: often a split that moved, not the account itself.
    const moved = next.columns.account.flatMap((a, i) => {
      const was = at.get(a)!;
      const [from, to] = [SEGMENTS[base.segment[was]!]!, SEGMENTS[next.segment[i]!]!];
      if (from === to) return [];
      return [[a, from, to, describeMove(segmentMoveCauses(standingAt(base, was), standingAt(next, i), base.figures, next.figures), currency)]];
    });
    return { next, difference: figureDifference(base.figures, next.figures), moved };
  }, [base, steps, wb.assumptions, currency]);

  if (!wb.period || !base || !outcome) return <EmptyState title="No period to try things on">Open a period with accounts in the Sheet first.</EmptyState>;

  const owners = base.columns.owners;
  const accounts = base.columns.account;
  // The workbook's dimensions (region, industry...): "for a value of region" beside segment, owner and account.
  const dims = dimensionChoices(base.columns);
  const dimValues = (sc: string) => dims.find((d) => d.name === dimensionOf(sc))?.values ?? [];
  const where = (): Where =>
    dimensionOf(scope) !== null ? dimensionWhere(scope, target) : scope === 'segment' ? { segment: target as SegmentName } : scope === 'owner' ? { owner: target } : scope === 'account' ? { accounts: [target] } : {};
  const add = () => {
    const change = Number(pct.replace('%', ''));
    if (kind === 'scale' && (!Number.isFinite(change) || change < -100)) return setMessage('The change is a percentage from -100 up, e.g. -30 to cut by 30%.');
    if (kind === 'drop' && scope === 'all') return setMessage('Drop needs a segment, an owner, a value of a dimension or an account.');
    if (scope !== 'all' && !target) return setMessage('Pick which accounts first.');
    setMessage(null);
    setSteps([...steps, kind === 'scale' ? { kind: 'scale', field, pct: change, where: where() } : { kind: 'drop', where: where() }]);
  };
  const save = async () => {
    try {
      const s = await wb.client.call('scenarios.save', { scenario: { name, adjustments: steps } });
      setSaved(await wb.client.call('scenarios.list'));
      setMessage(`Saved "${s.name}" in the workbook.`);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  const remove = async (n: string) => {
    await wb.client.call('scenarios.delete', { name: n });
    setSaved(await wb.client.call('scenarios.list'));
  };
  const figures = compareFigures(SCENARIO_FIGURES, base.figures, outcome.next.figures, outcome.difference, currency);
  const t = themeColours();
  const wBase = whaleData(base);
  const wNext = whaleData(outcome.next);
  const whale: ChartConfiguration = {
    type: 'scatter',
    data: {
      datasets: [
        { label: 'Baseline', data: wBase?.points ?? [], showLine: true, pointRadius: 0, borderColor: t.muted, backgroundColor: t.muted, borderDash: [6, 4] },
        { label: name || 'Scenario', data: wNext?.points ?? [], showLine: true, pointRadius: 0, borderColor: OKABE_ITO.blue, backgroundColor: OKABE_ITO.blue, borderWidth: 2 },
      ],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { labels: { color: t.ink } } },
      scales: {
        x: { min: 0, max: 1, ticks: { color: t.muted, callback: (v: number | string) => formatPercent(Number(v), 0) }, title: { display: true, text: 'Share of accounts', color: t.ink } },
        y: { min: 0, ticks: { color: t.muted, callback: (v: number | string) => formatPercent(Number(v), 0) }, title: { display: true, text: 'Share of profit', color: t.ink } },
      },
    },
  };
  return (
    <div className="dashboard scenarios">
      <div className="scenario-grid">
        <section className="chart-card" aria-label="Scenario">
          <h3>Scenario on {wb.period}</h3>
          <label>
            Name <input aria-label="Scenario name" value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <ol data-testid="scenario-steps">
            {steps.map((s, k) => (
              <li key={k}>
                {describeAdjustment(s)}{' '}
                <button type="button" aria-label={`Remove: ${describeAdjustment(s)}`} onClick={() => setSteps(steps.filter((_, j) => j !== k))}>
                  ×
                </button>
              </li>
            ))}
          </ol>
          {steps.length === 0 ? <p className="hint">No change yet: add one below. The sheet's rows are never changed.</p> : null}
          <fieldset className="add-step">
            <legend>Add a change</legend>
            <select aria-label="Change" value={kind} onChange={(e) => setKind(e.target.value as 'scale' | 'drop')}>
              <option value="scale">Scale a field</option>
              <option value="drop">Drop accounts</option>
            </select>
            {kind === 'scale' ? (
              <>
                <select aria-label="Field" value={field} onChange={(e) => setField(e.target.value as ScalableField)}>
                  {SCALABLE_FIELDS.map((f) => (
                    <option key={f}>{f}</option>
                  ))}
                </select>
                <input aria-label="Change in percent" value={pct} onChange={(e) => setPct(e.target.value)} size={6} />%
              </>
            ) : null}
            <select
              aria-label="For"
              value={scope}
              onChange={(e) => {
                const s = e.target.value as Scope;
                setScope(s);
                setTarget(s === 'segment' ? SEGMENTS[3] : s === 'owner' ? (owners[0] ?? '') : s === 'account' ? (accounts[0] ?? '') : (dimValues(s)[0] ?? ''));
              }}
            >
              <option value="all">all accounts</option>
              <option value="segment">a segment</option>
              <option value="owner">an owner</option>
              <option value="account">an account</option>
              {dims.map((d) => (
                <option key={d.name} value={dimensionScope(d.name)}>
                  a value of {d.name}
                </option>
              ))}
            </select>
            {scope !== 'all' ? (
              <select aria-label="Which" value={target} onChange={(e) => setTarget(e.target.value)}>
                {(scope === 'segment' ? [...SEGMENTS] : scope === 'owner' ? owners : scope === 'account' ? accounts : dimValues(scope)).map((o) => (
                  <option key={o}>{o}</option>
                ))}
              </select>
            ) : null}
            <button type="button" onClick={add}>
              Add
            </button>
          </fieldset>
          <button type="button" className="primary" onClick={() => void save()} disabled={steps.length === 0 || !name.trim()}>
            Save scenario
          </button>
          {message ? <p role="status">{message}</p> : null}
          <h3>Saved in this workbook</h3>
          {saved.length ? (
            <ul className="saved-scenarios">
              {saved.map((s) => (
                <li key={s.name}>
                  <button type="button" onClick={() => {
                      setName(s.name);
                      setSteps(s.adjustments);
                    }}>
                    {s.name}
                  </button>{' '}
                  <button type="button" onClick={() => {
                      setName(`${s.name} (copy)`);
                      setSteps(s.adjustments);
                    }} title="Start a new scenario from this one">
                    Duplicate
                  </button>{' '}
                  <button type="button" onClick={() => void remove(s.name)} aria-label={`Delete ${s.name}`}>
                    Delete
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="hint">None yet.</p>
          )}
        </section>
        <section className="chart-card" aria-label="Result">
          <h3>Against the baseline</h3>
          <div data-testid="scenario-figures">
            <DataTable
              caption="The period as it is, and with the changes"
              head={['Figure', 'Baseline', 'Scenario', 'Difference']}
              rows={figures.map((f) => [f.label, f.baseline, f.scenario, f.difference.text])}
            />
          </div>
          <div className="chart-box">
            <ChartCanvas id="scenario-whale" config={whale} label="Whale curves of the baseline and the scenario" />
          </div>
          <h3>Accounts that change segment</h3>
          {outcome.moved.length ? (
            <DataTable caption="Segments as the scenario leaves them" explained head={['Account', 'Now', 'With the changes', 'Why']} rows={outcome.moved} />
          ) : (
            <p className="hint">None.</p>
          )}
        </section>
      </div>
    </div>
  );
}

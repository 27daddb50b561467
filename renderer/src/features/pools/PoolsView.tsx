import type { ChartConfiguration } from 'chart.js';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { fieldLabel } from '../../../../shared/catalogue';
import { formatNumber } from '../../../../shared/format';
import type { PoolsState } from '../../../../shared/ipc/contract';
import { BUCKETS } from '../../../../shared/schemas/fields';
import type { AllocationMode, CostPool, PoolSetup } from '../../../../shared/schemas/pools';
import { ChartCanvas } from '../../components/ChartCanvas';
import { EmptyState } from '../../components/EmptyState';
import type { Workbook } from '../../state/useWorkbook';
import { ActivitiesEditor } from './ActivitiesEditor';
import { BalanceTab } from './BalanceTab';
import { capacityChart } from './capacityChart';
import { DriversGrid } from './DriversGrid';
import { fileSource } from './files';
import { readNumber } from './numbers';
import { PoolsTable } from './PoolsTable';
import { PoolsTabs } from './PoolsTabs';

type Part = 'pools' | 'activities' | 'drivers' | 'lines';

/**
 * Time-driven costing of the period (Kaplan and Anderson): each team's cost
 * and practical capacity give a cost per minute; the minutes each activity
 * takes and each account's count of it put that cost into the account's
 * bucket. Unused capacity stays visible with the pool.
 */
export function PoolsView({ wb }: { wb: Workbook }) {
  const [state, setState] = useState<PoolsState | null>(null);
  const [linesActivity, setLinesActivity] = useState('');
  const [capacity, setCapacity] = useState({ people: '10', hours: '1680', utilisation: '80' });
  const { client, setNotice, period, refreshRows } = wb;
  const currency = wb.info?.currency ?? 'USD';
  const fail = useCallback((e: unknown) => setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) }), [setNotice]);

  // Read again whenever the sheet's allocation is read again: an undo or redo of a pools change shows here too.
  const allocation = wb.model?.allocation;
  useEffect(() => {
    if (!period) return;
    client.call('pools.get', { period }).then(setState, fail);
  }, [client, period, fail, allocation]);

  const save = async (setup: PoolSetup) => {
    if (!period) return;
    try {
      setState(await client.call('pools.save', { period, setup }));
      await refreshRows();
    } catch (e) {
      fail(e);
      setState(await client.call('pools.get', { period }));
    }
  };

  const load = async (part: Part, file: File | undefined) => {
    if (!file || !period) return;
    try {
      const source = await fileSource(file);
      const done = await client.call('pools.import', part === 'lines' ? { period, lines: { source, activity: linesActivity } } : { period, [part]: source });
      setState(await client.call('pools.get', { period }));
      await refreshRows();
      setNotice({
        kind: 'info',
        text: part === 'lines' ? `Counted ${formatNumber(done.lines)} lines of ${file.name} as ${linesActivity}.` : `Loaded ${file.name}: ${done.pools} pools, ${done.activities} activities, ${formatNumber(done.drivers)} driver counts.`,
      });
    } catch (e) {
      fail(e);
    }
  };

  const activities = useMemo(() => state?.setup.pools.flatMap((p) => p.activities.map((a) => a.name)) ?? [], [state]);
  const chart = useMemo(() => (state ? capacityChart(state, currency) : null), [state, currency]);

  if (!period) return <EmptyState title="No period yet">Cost pools belong to a period: add one with + Period first.</EmptyState>;
  if (!state) return <EmptyState title="Reading the cost pools…">The pools, activities and driver counts of {period}.</EmptyState>;
  const setup = state.setup;
  const withPools = (pools: CostPool[]) => void save({ ...setup, pools });
  const changePool = (k: number, patch: Partial<CostPool>) => withPools(setup.pools.map((p, j) => (j === k ? { ...p, ...patch } : p)));
  const fed = BUCKETS.filter((b) => setup.pools.some((p) => p.bucket === b));
  const capacityMinutes = (() => {
    const [people, hours, use] = [readNumber(capacity.people), readNumber(capacity.hours), readNumber(capacity.utilisation)];
    return people !== null && hours !== null && use !== null ? people * hours * 60 * (use > 1 ? use / 100 : use) : null;
  })();
  const fileInput = (part: Part, label: string) => (
    <label className="button">
      {label}
      <input
        type="file"
        accept=".csv,.xlsx"
        hidden
        aria-label={label}
        onChange={(e) => {
          void load(part, e.currentTarget.files?.[0]);
          e.currentTarget.value = '';
        }}
      />
    </label>
  );

  return (
    <PoolsTabs balance={(toSetup) => <BalanceTab wb={wb} state={state} onSetup={toSetup} />}>
      <div className="dashboard-bar" role="toolbar" aria-label="Cost pools">
        <h2>Cost pools, {period}</h2>
        {fileInput('pools', 'Import pools…')}
        {fileInput('activities', 'Import activities…')}
        {fileInput('drivers', 'Import drivers…')}
        <select aria-label="Activity the lines count" value={linesActivity} onChange={(e) => setLinesActivity(e.target.value)} disabled={!activities.length}>
          <option value="">Lines count as…</option>
          {activities.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
        {linesActivity ? fileInput('lines', 'Import transaction lines…') : null}
      </div>
      <p className="hint">
        Time-driven costing: a team's cost for the period over its practical capacity in minutes gives a cost per minute; each activity's minutes
        times each account's count of it puts that cost into the account's bucket. What no account used stays below as unused capacity, never
        spread over the accounts.
      </p>
      {setup.pools.length === 0 ? (
        <EmptyState title="No cost pools in this period yet">
          Add a pool below, or use the imports above: <b>Import pools…</b> (a row per pool: its name, cost, capacity in minutes and cost
          bucket), then <b>Import activities…</b> (pool, activity and minutes per unit), then <b>Import drivers…</b> (a row per account with a
          column per activity) or transaction lines from your ERP or CRM.
        </EmptyState>
      ) : null}
      <PoolsTable state={state} currency={currency} changePool={changePool} deletePool={(k) => withPools(setup.pools.filter((_, j) => j !== k))} fail={fail} />
      <div className="pool-actions">
        <button
          type="button"
          onClick={() => {
            let name = 'New pool';
            for (let n = 2; setup.pools.some((p) => p.name.toLowerCase() === name.toLowerCase()); n++) name = `New pool ${n}`;
            withPools([...setup.pools, { name, cost: 0, capacityMinutes: capacityMinutes ?? 1, bucket: 'service', activities: [], feeds: [], feedBy: 'split' }]);
          }}
        >
          + Pool
        </button>
        <span className="capacity-helper">
          Capacity from people:{' '}
          <input aria-label="People" value={capacity.people} onChange={(e) => setCapacity({ ...capacity, people: e.target.value })} size={4} /> ×{' '}
          <input aria-label="Hours each" value={capacity.hours} onChange={(e) => setCapacity({ ...capacity, hours: e.target.value })} size={5} /> h × 60 ×{' '}
          <input aria-label="Utilisation %" value={capacity.utilisation} onChange={(e) => setCapacity({ ...capacity, utilisation: e.target.value })} size={3} />% ={' '}
          <b>{capacityMinutes === null ? '—' : `${formatNumber(capacityMinutes)} min`}</b> (new pools start with it)
        </span>
      </div>
      {chart ? (
        <section className="chart-card wide" aria-label="Capacity used and unused">
          <h3>Capacity used and unused</h3>
          <div className="chart-box short">
            <ChartCanvas id="pools-capacity" config={chart as ChartConfiguration} label="Each pool's cost: allocated to accounts, unused capacity, over capacity" />
          </div>
        </section>
      ) : null}
      {setup.pools.length ? <ActivitiesEditor setup={setup} activities={activities} currency={currency} save={(s) => void save(s)} changePool={changePool} /> : null}
      {fed.length ? (
        <section className="bucket-modes" aria-label="How the buckets take allocated amounts">
          <h3>Allocated amounts and what was typed</h3>
          {fed.map((b) => (
            <label key={b}>
              {fieldLabel(b)}:{' '}
              <select aria-label={`How ${fieldLabel(b)} takes allocated amounts`} value={setup.modes[b]} onChange={(e) => void save({ ...setup, modes: { ...setup.modes, [b]: e.target.value as AllocationMode } })}>
                <option value="add">added to what was typed</option>
                <option value="replace">replaces what was typed</option>
              </select>
            </label>
          ))}
          <p className="hint">The sheet marks allocated cells with a green corner; hover one for its breakdown.</p>
        </section>
      ) : null}
      {activities.length && wb.model ? <DriversGrid state={state} rows={wb.model.rows} activities={activities} currency={currency} save={(s) => void save(s)} /> : null}
    </PoolsTabs>
  );
}

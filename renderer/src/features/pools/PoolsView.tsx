import type { CellValueChangedEvent, ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import type { ChartConfiguration } from 'chart.js';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PoolsState } from '../../../../shared/ipc/contract';
import { formatMoney, formatNumber, formatPercent, formatRate } from '../../../../shared/format';
import { BUCKETS, type Bucket } from '../../../../shared/schemas/fields';
import type { AllocationMode, CostPool, PoolSetup } from '../../../../shared/schemas/pools';
import { parseNumber } from '../../../../shared/text/numbers';
import { ChartCanvas } from '../../components/ChartCanvas';
import { EmptyState } from '../../components/EmptyState';
import { gridTheme } from '../../components/grid';
import type { Workbook } from '../../state/useWorkbook';
import { OKABE_ITO, themeColours } from '../dashboard/palette';
import { fileSource } from './files';
import { fieldLabel } from '../../../../shared/catalogue';


/** A number typed in a field, or null when it is not one. */
const read = (text: string): number | null => {
  const n = parseNumber(text);
  return n.ok && n.value !== null && Number.isFinite(n.value) ? n.value : null;
};

type DriverRow = { account: string } & Record<string, number | string>;

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
  const m = (v: number | null) => formatMoney(v, currency);
  const fail = useCallback((e: unknown) => setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) }), [setNotice]);

  useEffect(() => {
    if (!period) return;
    client.call('pools.get', { period }).then(setState, fail);
  }, [client, period, fail]);

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

  const load = async (part: 'pools' | 'activities' | 'drivers' | 'lines', file: File | undefined) => {
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
  const driverRows = useMemo<DriverRow[]>(() => {
    if (!state || !wb.model) return [];
    const counts = new Map(state.setup.drivers.map((d) => [`${d.account.toLowerCase()}\u0000${d.activity.toLowerCase()}`, d.count]));
    const allocated = new Map<string, number>();
    for (const l of state.allocation.allocations) allocated.set(l.account.toLowerCase(), (allocated.get(l.account.toLowerCase()) ?? 0) + l.amount);
    return wb.model.rows.map((r) => ({
      account: r.account,
      ...Object.fromEntries(activities.map((a) => [a, counts.get(`${r.account.toLowerCase()}\u0000${a.toLowerCase()}`) ?? 0])),
      allocated: allocated.get(r.account.toLowerCase()) ?? 0,
    }));
  }, [state, wb.model, activities]);

  const driverDefs = useMemo<ColDef<DriverRow>[]>(
    () => [
      { colId: 'account', field: 'account', headerName: 'Account', pinned: 'left', width: 200 },
      ...activities.map<ColDef<DriverRow>>((a) => ({
        colId: `driver:${a}`,
        field: a,
        headerName: a,
        editable: true,
        type: 'rightAligned',
        width: 130,
        cellClass: 'num',
        valueFormatter: (p) => formatNumber(Number(p.value ?? 0)),
        valueParser: (p) => read(String(p.newValue ?? '')) ?? p.oldValue,
      })),
      { colId: 'allocated', field: 'allocated', headerName: 'Allocated', type: 'rightAligned', width: 140, cellClass: ['computed', 'num'], valueFormatter: (p) => m(Number(p.value ?? 0)) },
    ],
    // m depends on the currency only.
    [activities, currency],
  );

  const chart = useMemo<ChartConfiguration<'bar'> | null>(() => {
    if (!state?.allocation.pools.length) return null;
    const t = themeColours();
    const pools = state.allocation.pools;
    return {
      type: 'bar',
      data: {
        labels: pools.map((p) => p.pool),
        datasets: [
          { label: 'Used (allocated to accounts)', data: pools.map((p) => Math.min(p.allocated, p.cost)), backgroundColor: OKABE_ITO.blue, stack: 'c' },
          { label: 'Unused capacity', data: pools.map((p) => Math.max(p.unused, 0)), backgroundColor: '#c9d3df', stack: 'c' },
          { label: 'Over capacity', data: pools.map((p) => Math.max(-p.unused, 0)), backgroundColor: OKABE_ITO.vermillion, stack: 'c' },
        ],
      },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { position: 'bottom', labels: { color: t.ink } }, tooltip: { callbacks: { label: (i) => `${i.dataset.label}: ${formatMoney(i.parsed.x, currency)}` } } },
        scales: { x: { stacked: true, ticks: { color: t.muted, callback: (v) => formatMoney(Number(v), currency) }, grid: { color: t.line } }, y: { stacked: true, ticks: { color: t.ink } } },
      },
    };
  }, [state, currency]);

  if (!period) return <EmptyState title="No period yet">Cost pools belong to a period: add one with + Period first.</EmptyState>;
  if (!state) return <EmptyState title="Reading the cost pools…">The pools, activities and driver counts of {period}.</EmptyState>;
  const setup = state.setup;
  const figures = new Map(state.allocation.pools.map((p) => [p.pool, p]));
  const withPools = (pools: CostPool[]) => void save({ ...setup, pools });
  const changePool = (k: number, patch: Partial<CostPool>) => withPools(setup.pools.map((p, j) => (j === k ? { ...p, ...patch } : p)));
  const fed = BUCKETS.filter((b) => setup.pools.some((p) => p.bucket === b));
  const capacityMinutes = (() => {
    const [people, hours, use] = [read(capacity.people), read(capacity.hours), read(capacity.utilisation)];
    return people !== null && hours !== null && use !== null ? people * hours * 60 * (use > 1 ? use / 100 : use) : null;
  })();
  const changedCount = (e: CellValueChangedEvent<DriverRow>) => {
    const activity = String(e.colDef.field);
    const others = setup.drivers.filter((d) => !(d.account.toLowerCase() === e.data.account.toLowerCase() && d.activity.toLowerCase() === activity.toLowerCase()));
    void save({ ...setup, drivers: [...others, { account: e.data.account, activity, count: Number(e.newValue) }] });
  };
  const fileInput = (part: 'pools' | 'activities' | 'drivers' | 'lines', label: string) => (
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
    <div className="dashboard pools">
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
          Add a pool below, or import <code>pool,cost,capacityMinutes,bucket</code>, then <code>pool,activity,minutesPerUnit</code>, then a drivers
          sheet (<code>account</code> and a column per activity) or transaction lines from your ERP or CRM.
        </EmptyState>
      ) : null}
      <table className="data-table pools-table" data-testid="pool-figures">
        <thead>
          <tr>
            <th scope="col">Pool</th>
            <th scope="col">Cost</th>
            <th scope="col" title="Practical capacity: people × hours × 60 × utilisation (about 80%)">Capacity (min)</th>
            <th scope="col">Bucket</th>
            <th scope="col" title="Cost / capacity minutes">Rate / min</th>
            <th scope="col" title="Sum of count × minutes per unit">Used (min)</th>
            <th scope="col" title="Used minutes × rate">Allocated</th>
            <th scope="col" title="Cost − allocated: capacity paid for and not used">Unused</th>
            <th scope="col" aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {setup.pools.map((p, k) => {
            const f = figures.get(p.name);
            const over = state.overCapacity.includes(p.name);
            const numberField = (key: 'cost' | 'capacityMinutes', label: string) => (
              <input
                aria-label={`${label} of ${p.name}`}
                key={`${key}-${p[key]}`}
                defaultValue={String(p[key])}
                inputMode="decimal"
                onBlur={(e) => {
                  const v = read(e.currentTarget.value);
                  if (v === null) return fail(new Error(`${label} of ${p.name} must be a number`));
                  if (v !== p[key]) changePool(k, { [key]: v });
                }}
                onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
              />
            );
            return (
              <tr key={`${k}-${p.name}`} className={over ? 'over' : undefined}>
                <th scope="row">
                  <input
                    aria-label={`Name of pool ${p.name}`}
                    defaultValue={p.name}
                    onBlur={(e) => e.currentTarget.value.trim() && e.currentTarget.value.trim() !== p.name && changePool(k, { name: e.currentTarget.value.trim() })}
                    onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
                  />
                </th>
                <td>{numberField('cost', 'Cost')}</td>
                <td>{numberField('capacityMinutes', 'Capacity')}</td>
                <td>
                  <select aria-label={`Bucket of ${p.name}`} value={p.bucket} onChange={(e) => changePool(k, { bucket: e.target.value as Bucket })}>
                    {BUCKETS.map((b) => (
                      <option key={b} value={b}>
                        {fieldLabel(b)}
                      </option>
                    ))}
                  </select>
                </td>
                <td data-testid={`rate-${p.name}`}>{f ? formatRate(f.rate, currency) : '—'}</td>
                <td data-testid={`used-${p.name}`}>
                  {f ? formatNumber(f.usedMinutes) : '—'}
                  {f ? <small> ({formatPercent(f.usedMinutes / p.capacityMinutes, 1)})</small> : null}
                </td>
                <td data-testid={`allocated-${p.name}`}>{f ? m(f.allocated) : '—'}</td>
                <td data-testid={`unused-${p.name}`} className={over ? 'loss' : undefined}>
                  {f ? m(f.unused) : '—'}
                  {over ? <strong role="alert"> over capacity</strong> : null}
                </td>
                <td>
                  <button type="button" aria-label={`Delete pool ${p.name}`} onClick={() => withPools(setup.pools.filter((_, j) => j !== k))}>
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="pool-actions">
        <button
          type="button"
          onClick={() => {
            let name = 'New pool';
            for (let n = 2; setup.pools.some((p) => p.name.toLowerCase() === name.toLowerCase()); n++) name = `New pool ${n}`;
            withPools([...setup.pools, { name, cost: 0, capacityMinutes: capacityMinutes ?? 1, bucket: 'service', activities: [] }]);
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
      {setup.pools.length ? (
        <section className="pool-activities" aria-label="Activities">
          <h3>Activities</h3>
          {setup.pools.map((p, k) => (
            <div key={`${k}-${p.name}`} className="activity-list">
              <b>{p.name}</b>
              {p.activities.map((a, j) => (
                <span key={`${j}-${a.name}`} className="activity">
                  <input
                    aria-label={`Activity ${a.name} of ${p.name}`}
                    defaultValue={a.name}
                    onBlur={(e) => {
                      const name = e.currentTarget.value.trim();
                      if (name && name !== a.name) {
                        const drivers = setup.drivers.map((d) => (d.activity.toLowerCase() === a.name.toLowerCase() ? { ...d, activity: name } : d));
                        void save({ ...setup, drivers, pools: setup.pools.map((q, i) => (i === k ? { ...q, activities: q.activities.map((x, y) => (y === j ? { ...x, name } : x)) } : q)) });
                      }
                    }}
                  />
                  <input
                    aria-label={`Minutes per ${a.name}`}
                    key={`m-${a.minutesPerUnit}`}
                    defaultValue={String(a.minutesPerUnit)}
                    size={5}
                    onBlur={(e) => {
                      const v = read(e.currentTarget.value);
                      if (v !== null && v !== a.minutesPerUnit) changePool(k, { activities: p.activities.map((x, y) => (y === j ? { ...x, minutesPerUnit: v } : x)) });
                    }}
                  />{' '}
                  min
                  <button
                    type="button"
                    aria-label={`Delete activity ${a.name}`}
                    onClick={() =>
                      void save({
                        ...setup,
                        drivers: setup.drivers.filter((d) => d.activity.toLowerCase() !== a.name.toLowerCase()),
                        pools: setup.pools.map((q, i) => (i === k ? { ...q, activities: q.activities.filter((_, y) => y !== j) } : q)),
                      })
                    }
                  >
                    ×
                  </button>
                </span>
              ))}
              <button
                type="button"
                onClick={() => {
                  let name = 'New activity';
                  for (let n = 2; activities.some((x) => x.toLowerCase() === name.toLowerCase()); n++) name = `New activity ${n}`;
                  changePool(k, { activities: [...p.activities, { name, minutesPerUnit: 0 }] });
                }}
              >
                + Activity
              </button>
            </div>
          ))}
        </section>
      ) : null}
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
      {activities.length ? (
        <section className="drivers" aria-label="Driver counts">
          <h3>Driver counts per account</h3>
          <div className="grid-wrap drivers-grid" data-testid="drivers-grid">
            <AgGridReact<DriverRow>
              theme={gridTheme}
              rowData={driverRows}
              columnDefs={driverDefs}
              getRowId={(p) => p.data.account}
              onCellValueChanged={changedCount}
              stopEditingWhenCellsLoseFocus
              enterNavigatesVertically
              enterNavigatesVerticallyAfterEdit
              suppressColumnVirtualisation
              animateRows={false}
            />
          </div>
        </section>
      ) : null}
    </div>
  );
}

import { Fragment, useState } from 'react';
import { formatMoney, formatNumber, formatPercent, formatRate } from '../../../../shared/format';
import type { PoolsState } from '../../../../shared/ipc/contract';
import { fieldLabel } from '../../../../shared/catalogue';
import { BUCKETS, type Bucket } from '../../../../shared/schemas/fields';
import type { CostPool } from '../../../../shared/schemas/pools';
import { FeedsEditor } from './FeedsEditor';
import { readNumber } from './numbers';

/** Where a pool passes its cost, in a few words: "Customer service 60%, Sales desk 40%". */
function feedsInWords(p: CostPool): string {
  const each = p.feeds.map((f) => (p.feedBy === 'split' ? `${f.pool} ${+(f.share * 100).toFixed(2)}%` : p.feedBy === 'driver' ? `${f.pool} (${+f.share.toFixed(4)})` : f.pool));
  return each.join(', ') + (p.feeds.length && p.feedBy === 'minutes' ? ' by minutes used' : '');
}

/**
 * The pools of the period, each editable in place (name, cost, capacity,
 * bucket, the pools it passes its cost to), beside what the allocation made
 * of it: rate, minutes used, allocated and unused; a pool used beyond its
 * capacity is flagged. A pool's feeds open in a row below it.
 */
export function PoolsTable({ state, currency, changePool, deletePool, fail }: {
  state: PoolsState;
  currency: string;
  changePool: (k: number, patch: Partial<CostPool>) => void;
  deletePool: (k: number) => void;
  fail: (e: unknown) => void;
}) {
  const m = (v: number | null) => formatMoney(v, currency);
  const figures = new Map(state.allocation.pools.map((p) => [p.pool, p]));
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const names = state.setup.pools.map((p) => p.name);
  return (
    <table className="data-table pools-table" data-testid="pool-figures">
      <thead>
        <tr>
          <th scope="col">Pool</th>
          <th scope="col">Cost</th>
          <th scope="col" title="Practical capacity: people × hours × 60 × utilisation (about 80%)">Capacity (min)</th>
          <th scope="col">Bucket</th>
          <th scope="col" className="feeds-cell" title="Two stages: a pool may pass its whole cost to other pools before any activity reaches accounts">
            Passes its cost to
          </th>
          <th scope="col" title="Cost / capacity minutes">Rate / min</th>
          <th scope="col" title="Sum of count × minutes per unit">Used (min)</th>
          <th scope="col" title="Used minutes × rate">Allocated</th>
          <th scope="col" title="Cost − allocated: capacity paid for and not used">Unused</th>
          <th scope="col" aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {state.setup.pools.map((p, k) => {
          const f = figures.get(p.name);
          const over = state.overCapacity.includes(p.name);
          const numberField = (key: 'cost' | 'capacityMinutes', label: string) => (
            <input
              aria-label={`${label} of ${p.name}`}
              key={`${key}-${p[key]}`}
              defaultValue={String(p[key])}
              inputMode="decimal"
              onBlur={(e) => {
                const v = readNumber(e.currentTarget.value);
                if (v === null) return fail(new Error(`${label} of ${p.name} must be a number`));
                if (v !== p[key]) changePool(k, { [key]: v });
              }}
              onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
            />
          );
          const shown = open.has(p.name);
          const feeds = feedsInWords(p) || 'No pool';
          return (
            <Fragment key={`${k}-${p.name}`}>
              <tr className={over ? 'over' : undefined}>
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
                <td className="feeds-cell">
                  <button
                    type="button"
                    className="link-button"
                    aria-expanded={shown}
                    aria-label={`${p.name} passes its cost to: ${feeds}`}
                    onClick={() => setOpen(new Set(shown ? [...open].filter((n) => n !== p.name) : [...open, p.name]))}
                  >
                    {feeds} {shown ? '▴' : '▾'}
                  </button>
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
                  <button type="button" aria-label={`Delete pool ${p.name}`} onClick={() => deletePool(k)}>
                    ×
                  </button>
                </td>
              </tr>
              {shown ? (
                <tr className="feeds-row">
                  <td colSpan={10}>
                    <FeedsEditor pool={p} pools={names} commit={(patch) => changePool(k, patch)} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

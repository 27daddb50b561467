import type { ChartConfiguration } from 'chart.js';
import { formatMoney } from '../../../../shared/format';
import type { PoolsState } from '../../../../shared/ipc/contract';
import { OKABE_ITO, themeColours } from '../dashboard/palette';

/**
 * Each pool's cost (with what earlier pools passed to it) as a bar: allocated
 * to accounts, unused capacity, and any use beyond capacity. A pool that
 * passes its whole cost on has no capacity of its own to show: the Balance
 * tab shows where its cost went.
 */
export function capacityChart(state: PoolsState, currency: string): ChartConfiguration<'bar'> | null {
  const pools = state.allocation.pools.filter((p) => p.passed === 0);
  if (!pools.length) return null;
  const t = themeColours();
  return {
    type: 'bar',
    data: {
      labels: pools.map((p) => p.pool),
      datasets: [
        { label: 'Used (allocated to accounts)', data: pools.map((p) => Math.min(p.allocated, p.cost + p.received)), backgroundColor: OKABE_ITO.blue, stack: 'c' },
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
}

import { describe, expect, it } from 'vitest';
import { compareFigures, formatChange } from '../../../shared/catalogue/format';
import { METRICS, type MetricSpec } from '../../../shared/catalogue/metrics';
import { SCENARIO_FIGURES } from '../../../shared/catalogue/figures';
import { runScenario } from '../../../shared/engine/scenarios';
import { toColumns } from '../../../shared/engine/columns';
import { DEFAULT_ASSUMPTIONS } from '../../../shared/schemas/assumptions';
import { Adjustment } from '../../../shared/schemas/scenario';
import { rows } from './helpers';

const spec = (name: string) => (METRICS as readonly MetricSpec[]).find((m) => m.scope === 'portfolio' && m.name === name)!;

describe('a change of a figure, as every table shows it', () => {
  it('says ratios in percentage points, money and counts signed, and whether the change is good news', () => {
    expect(formatChange(spec('margin'), 0.023, 'USD')).toEqual({ text: '+2.3 pts', tone: 'good' });
    // A churn rate shown without decimals still shows a change of half a point.
    expect(formatChange(spec('churnRate'), -0.005, 'USD')).toEqual({ text: '−0.5 pts', tone: 'good' });
    expect(formatChange(spec('totalCost'), -1250, 'EUR')).toEqual({ text: '−€1,250', tone: 'good' });
    expect(formatChange(spec('profit'), -1250, 'USD')).toEqual({ text: '−$1,250', tone: 'bad' });
    expect(formatChange(spec('lossMakers'), 3, 'USD')).toEqual({ text: '+3', tone: 'bad' });
    expect(formatChange(spec('profit'), 0, 'USD')).toEqual({ text: 'no change', tone: 'flat' });
    expect(formatChange(spec('roi'), null, 'USD')).toEqual({ text: '—', tone: 'flat' });
  });

  it('compares a real scenario: a service cut lowers the total cost, in green, and raises the margin in points', () => {
    const base = rows([
      { account: 'P', revenue: 500, service: 100 },
      { account: 'Q', revenue: 50, service: 100 },
    ]);
    const r = runScenario(toColumns(base), DEFAULT_ASSUMPTIONS, [Adjustment.parse({ kind: 'scale', field: 'service', pct: -50 })], { name: 't', period: '2026-Q1' });
    const table = compareFigures(SCENARIO_FIGURES, r.baseline, r.scenario, r.difference, 'USD');
    const row = (label: string) => table.find((f) => f.label === label)!;
    expect(row('Total cost')).toEqual({ label: 'Total cost', baseline: '$200', scenario: '$100', difference: { text: '−$100', tone: 'good' } });
    // Margin 350/550 = 63.6% to 450/550 = 81.8%: 18.2 points, not 18.2%.
    expect(row('Margin').difference).toEqual({ text: '+18.2 pts', tone: 'good' });
    expect(table.map((f) => f.label)).toHaveLength(SCENARIO_FIGURES.length);
  });
});

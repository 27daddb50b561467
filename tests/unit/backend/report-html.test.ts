import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/dispatch';
import { formatMetric } from '../../../shared/catalogue/format';
import { METRICS, type MetricSpec } from '../../../shared/catalogue/metrics';
import { fieldIds, leakedIds } from '../../e2e/field-ids';
import { useTempDir } from '../../helpers';
import type { Report } from '../../../shared/schemas/report';

const spec = (name: string) => (METRICS as readonly MetricSpec[]).find((m) => m.scope === 'portfolio' && m.name === name)!;
/** A table row of the report by its first cell: the text of each cell, and each cell's class. */
function rowOf(html: string, label: string, from = 0): { cells: string[]; classes: string[] } {
  const at = html.indexOf(`<tr><td class="">${label}</td>`, from);
  expect(at, label).toBeGreaterThan(-1);
  const row = html.slice(at, html.indexOf('</tr>', at));
  const cells = [...row.matchAll(/<td class="([^"]*)">([^<]*)<\/td>/g)];
  return { cells: cells.map((c) => c[2]!), classes: cells.map((c) => c[1]!) };
}

describe('the workshop report, as the HTML it prints', () => {
  const tmp = useTempDir();
  let backend: Backend;
  beforeEach(async () => {
    backend = createBackend();
    await backend.call('workbook.create', { path: join(tmp(), 'demo.cpw'), sample: true });
    await backend.call('scenarios.save', { scenario: { name: 'Cut service', adjustments: [{ kind: 'scale', field: 'service', pct: -30, where: {} }] } });
  });
  afterEach(() => backend.close());

  it('shows a scenario’s lower cost as good news and a ratio’s change in points, the window’s CSAT, and assumptions by their labels', async () => {
    const made = await backend.call('report.html', { period: '2026-Q3' });
    if (!made.ok) throw new Error(made.error.message);
    const { html } = made.value as { html: string };
    const scenarios = html.indexOf('Scenarios against the baseline');
    const cost = rowOf(html, 'Total cost', scenarios);
    expect(cost.cells[3]).toMatch(/^−\$[\d,]+$/);
    expect(cost.classes[3]).toBe('num good');
    expect(rowOf(html, 'Profit', scenarios).classes[3]).toBe('num good');
    expect(rowOf(html, 'Margin', scenarios).cells[3]).toMatch(/^\+\d+\.\d pts$/);

    const got = await backend.call('report.get', { period: '2026-Q3' });
    if (!got.ok) throw new Error(got.error.message);
    const report = got.value as Report;
    expect(rowOf(html, 'CSAT').cells[1]).toBe(formatMetric(spec('csat'), report.portfolio.csat, 'USD'));

    expect(rowOf(html, 'Daily rate').cells[1]).toBe('$1,000');
    expect(rowOf(html, 'Revenue split').cells[1]).toBe('the period’s median revenue');
    expect(rowOf(html, 'Invest threshold (×)').cells[1]).toBe('3×');
    const visible = html.replace(/<style[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');
    expect(leakedIds(visible, fieldIds()), 'field ids in the report').toEqual([]);
  });
});

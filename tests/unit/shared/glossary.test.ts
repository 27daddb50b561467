import { describe, expect, it } from 'vitest';
import { computeAccountMetrics } from '../../../shared/engine/metrics';
import { toColumns } from '../../../shared/engine/columns';
import { preCall } from '../../../shared/engine/interactions';
import { GLOSSARY, glossaryEntry } from '../../../shared/glossary';
import { DEFAULT_ASSUMPTIONS } from '../../../shared/schemas/assumptions';
import { SheetRow } from '../../../shared/schemas/row';
import { InteractionPlan } from '../../../shared/schemas/interaction';
import { COMPUTED } from '../../../renderer/src/state/period-model';
import { TILES } from '../../../renderer/src/features/dashboard/tiles';

// The glossary's examples are worked with the engine, so a formula that changes cannot leave its example behind.

/** The account every per-account example uses. */
const EXAMPLE = SheetRow.parse({
  account: 'Example',
  revenue: 120_000,
  presale: 8_000,
  production: 50_000,
  distribution: 6_000,
  service: 9_000,
  labour: 12_000,
  meetings: 6,
  calls: 20,
  upsell: 15_000,
  crossSell: 9_000,
  valueDelivered: 180_000,
  avgOrderValue: 10_000,
  purchasesPerYear: 12,
  lifespanYears: 3,
});

const en = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const example = (name: string) => glossaryEntry(name)!.example;

describe('the glossary', () => {
  it('explains every computed column of the sheet and every KPI tile but the plain sums', () => {
    for (const c of COMPUTED) expect(glossaryEntry(c), c).toBeDefined();
    const plainSums = new Set(['revenue']);
    for (const t of TILES) if (!plainSums.has(t.key) && !glossaryEntry(t.key)) expect.fail(`tile ${t.key} has no glossary entry`);
    expect(new Set(GLOSSARY.map((g) => g.name)).size).toBe(GLOSSARY.length);
    for (const g of GLOSSARY) for (const part of [g.title, g.words, g.example, g.action]) expect(part.length, g.name).toBeGreaterThan(2);
  });

  it("per-account examples are the engine's figures for the example account", () => {
    const m = computeAccountMetrics(toColumns([EXAMPLE]), DEFAULT_ASSUMPTIONS);
    const at = (k: keyof typeof m) => (m[k] as Float64Array)[0]!;
    expect(example('totalCost')).toContain(`= ${en(at('totalCost'))}`);
    expect(example('profit')).toContain(`= ${en(at('profit'))}`);
    expect(example('margin')).toContain(`= ${en(at('margin') * 100, 1)}%`);
    expect(example('roi')).toContain(`= ${en(at('roi') * 100, 1)}%`);
    expect(example('costToRevenue')).toContain(`= ${en(at('costToRevenue'), 2)}x`);
    expect(example('costToServe')).toContain(`= ${en(at('costToServe'))}`);
    expect(example('interactionCost')).toContain(`= ${en(at('interactionCost'))}`);
    expect(example('revenuePerInteraction')).toContain(`= ${en(at('revenuePerInteraction'))} per`);
    expect(example('clv')).toContain(`= ${en(at('clv'))}`);
    expect(example('lifetimeProfit')).toContain(`= ${en(at('lifetimeProfit'))}`);
    expect(example('valueMultiple')).toContain(`= ${en(at('valueMultiple'), 2)}x`);
    expect(example('expansionShare')).toContain(`= ${en(at('expansionShare') * 100)}%`);
  });

  it("the pre-call example is the engine's check of that meeting", () => {
    const r = preCall(InteractionPlan.parse({ hours: 2, prepHours: 1, attendees: 2, travel: 300, projectedRevenue: 20_000, winProbability: 0.25 }), DEFAULT_ASSUMPTIONS);
    expect(example('preCall')).toContain(`= ${en(r.cost)}`);
    expect(example('preCall')).toContain(`${en(r.expectedReturn)} expected: ${en(r.returnMultiple!, 1)}x, ${r.verdict}`);
  });
});

import { describe, expect, it } from 'vitest';
import { computeAccountMetrics } from '../../../shared/engine/metrics';
import { toColumns } from '../../../shared/engine/columns';
import { interactionCostOf, preCall, recognisedShare } from '../../../shared/engine/interactions';
import { allocate } from '../../../shared/engine/allocation';
import { CostPool, DriverCount } from '../../../shared/schemas/pools';
import { Interaction } from '../../../shared/schemas/interaction';
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

  // Issue 24, item 9: the figures of the Interactions log, the owner scorecard and the Cost pools view have entries too.
  it('explains the figures of the interactions log, the owner scorecard and the cost pools', () => {
    for (const name of ['loggedInteractionCost', 'recognisedShare', 'profitPerInteractionHour', 'poolRate', 'allocatedCost', 'unusedCapacity', 'tieOut', 'twoStages', 'timeEquation', 'costLevel']) {
      expect(glossaryEntry(name), name).toBeDefined();
    }
    expect(glossaryEntry('recognisedShare')!.example).toContain('about 10% of the activity done for them');
  });

  it("the interactions log's examples are the engine's", () => {
    const meeting = Interaction.parse({ account: 'A', date: '2026-01-05', kind: 'meeting', hours: 2, prepHours: 1, attendees: 2, travel: 300, projectedRevenue: 0, winProbability: 0 });
    expect(example('loggedInteractionCost')).toContain(`= ${en(interactionCostOf(meeting, DEFAULT_ASSUMPTIONS))}`);
    // 8 answered interactions costing 4,000: 5 of 600 (4.8 hours) and 1 of 400 not valued, 2 of 300 (2.4 hours) valued; one unanswered.
    const log = [
      ...Array.from({ length: 5 }, () => Interaction.parse({ account: 'A', date: '2026-01-05', kind: 'call', hours: 4.8, valued: 'no' })),
      Interaction.parse({ account: 'A', date: '2026-01-05', kind: 'call', hours: 3.2, valued: 'no' }),
      ...Array.from({ length: 2 }, () => Interaction.parse({ account: 'A', date: '2026-01-05', kind: 'call', hours: 2.4, valued: 'yes' })),
      Interaction.parse({ account: 'A', date: '2026-01-05', kind: 'call', hours: 9 }),
    ];
    const share = recognisedShare(log, DEFAULT_ASSUMPTIONS)!;
    expect(share).toBeCloseTo(600 / 4_000, 10);
    expect(example('recognisedShare')).toContain('600 / 4,000 = 15%');
  });

  it("the cost pools' examples are the engine's allocation of Kaplan and Anderson's figures", () => {
    const pool = CostPool.parse({
      name: 'Customer service',
      cost: 560_000,
      capacityMinutes: 700_000,
      bucket: 'service',
      activities: [
        { name: 'Orders', minutesPerUnit: 8 },
        { name: 'Inquiries', minutesPerUnit: 44 },
        { name: 'Credit checks', minutesPerUnit: 50 },
      ],
    });
    const drivers = [
      { activity: 'Orders', count: 49_000 },
      { activity: 'Inquiries', count: 1_400 },
      { activity: 'Credit checks', count: 2_500 },
    ].map((d) => DriverCount.parse({ account: 'All', ...d }));
    const f = allocate([pool], drivers).pools[0]!;
    expect(example('poolRate')).toContain(`= ${en(f.rate, 2)} a minute`);
    expect(example('allocatedCost')).toContain(`= ${en(f.usedMinutes)} minutes; × ${en(f.rate, 2)} = ${en(f.allocated)} allocated`);
    expect(example('unusedCapacity')).toContain(`${en(f.unused)} unused`);
    expect(example('tieOut')).toContain(`${en(f.allocated)} to accounts + 0 to other pools + ${en(f.unused)} unused`);
    const it2 = CostPool.parse({ name: 'IT', cost: 100_000, capacityMinutes: 1, bucket: 'service', feeds: [{ pool: 'Customer service', share: 0.6 }, { pool: 'Order handling', share: 0.4 }] });
    const handling = CostPool.parse({ name: 'Order handling', cost: 0, capacityMinutes: 1, bucket: 'distribution' });
    const fed = allocate([it2, pool, handling], drivers).pools.find((p) => p.pool === 'Customer service')!;
    expect(example('twoStages')).toContain(`receives ${en(fed.received)}`);
    expect(example('twoStages')).toContain(`= ${en(fed.rate, 2)} a minute`);
  });
});

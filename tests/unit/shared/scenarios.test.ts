import { describe, expect, it } from 'vitest';
import { toColumns, toRows } from '../../../shared/engine/columns';
import type { SheetColumns } from '../../../shared/engine/columns';
import { runScenario } from '../../../shared/engine/scenarios';
import { DEFAULT_ASSUMPTIONS } from '../../../shared/schemas/assumptions';
import { Adjustment } from '../../../shared/schemas/scenario';
import type { ScenarioResult } from '../../../shared/schemas/trends';
import { PORTFOLIO_FIGURE_KEYS } from '../../../shared/schemas/trends';
import { rows } from './helpers';

// DOMAIN.md, "Scenarios". The baseline: revenues 500, 250, 250, 100, 50 (median 250),
// service 100, 125, 200, 50, 100; profit 575 of 1150 (margin 0.5).
// Segments: P Protect, X Protect (ties high), W Fix, Z Develop, Q Reassess.
const BASE = rows([
  { account: 'P', owner: 'Ann', revenue: 500, service: 100, meetings: 4 },
  { account: 'X', owner: 'Bob', revenue: 250, service: 125, calls: 2 },
  { account: 'W', owner: 'Ann', revenue: 250, service: 200, meetings: 1 },
  { account: 'Z', revenue: 100, service: 50 },
  { account: 'Q', owner: 'Bob', revenue: 50, service: 100 },
]);

const adj = (a: unknown) => Adjustment.parse(a);
const run = (adjustments: unknown[], cols: SheetColumns = toColumns(BASE)) =>
  runScenario(cols, DEFAULT_ASSUMPTIONS, adjustments.map(adj), { name: 'test', period: '2026-Q1' });

function expectDifferenceIsScenarioMinusBaseline(r: ScenarioResult) {
  for (const k of PORTFOLIO_FIGURE_KEYS) {
    const b = r.baseline[k];
    const s = r.scenario[k];
    if (b === null || s === null) expect(r.difference[k], k).toBeNull();
    else expect(r.difference[k], k).toBeCloseTo(s - b, 9);
  }
}

describe('baseline', () => {
  it('is the portfolio of the rows as they are', () => {
    const r = run([]);
    expect(r.name).toBe('test');
    expect(r.period).toBe('2026-Q1');
    expect(r.baseline).toMatchObject({ count: 5, revenue: 1_150, service: 575, profit: 575, margin: 0.5, revenueSplit: 250 });
    expect(r.baseline.bySegment.map((s) => s.count)).toEqual([2, 1, 1, 1]);
  });
  it('with no adjustments the scenario is the baseline and every difference is 0 or null', () => {
    const r = run([]);
    expect(r.scenario).toEqual(r.baseline);
    for (const k of PORTFOLIO_FIGURE_KEYS) {
      if (r.baseline[k] === null) expect(r.difference[k]).toBeNull();
      else expect(r.difference[k]).toBe(0);
    }
  });
});

describe('scale', () => {
  it('by a percentage for a segment: service -30% for Fix takes 60 off W', () => {
    const r = run([{ kind: 'scale', field: 'service', pct: -30, where: { segment: 'Fix' } }]);
    expect(r.scenario.service).toBeCloseTo(515, 9);
    expect(r.scenario.profit).toBeCloseTo(635, 9);
    expect(r.scenario.revenue).toBe(1_150);
    expect(r.difference.service).toBeCloseTo(-60, 9);
    expect(r.difference.profit).toBeCloseTo(60, 9);
    expect(r.difference.revenue).toBe(0);
    expectDifferenceIsScenarioMinusBaseline(r);
  });

  it('for all accounts when where is empty: revenue +10%', () => {
    const r = run([{ kind: 'scale', field: 'revenue', pct: 10 }]);
    expect(r.scenario.revenue).toBeCloseTo(1_265, 9);
    expect(r.difference.revenue).toBeCloseTo(115, 9);
    expect(r.difference.profit).toBeCloseTo(115, 9);
    expectDifferenceIsScenarioMinusBaseline(r);
  });

  it('for an owner: revenue +10% for Ann (P and W)', () => {
    const r = run([{ kind: 'scale', field: 'revenue', pct: 10, where: { owner: 'Ann' } }]);
    expect(r.difference.revenue).toBeCloseTo(75, 9);
    expect(r.scenario.revenue).toBeCloseTo(1_225, 9);
    expectDifferenceIsScenarioMinusBaseline(r);
  });

  it('for chosen accounts: service +100% for Z and Q', () => {
    const r = run([{ kind: 'scale', field: 'service', pct: 100, where: { accounts: ['Z', 'Q'] } }]);
    expect(r.difference.service).toBe(150);
    expect(r.difference.profit).toBe(-150);
    // Z goes to profit 0 (not a loss), Q to -150.
    expect(r.scenario.lossMakers).toBe(1);
    expect(r.scenario.profitGivenBack).toBe(150);
    expect(r.difference.profitGivenBack).toBe(100);
    expectDifferenceIsScenarioMinusBaseline(r);
  });

  it('where criteria combine: owner Bob and segment Reassess is Q only', () => {
    const r = run([{ kind: 'scale', field: 'service', pct: -100, where: { owner: 'Bob', segment: 'Reassess' } }]);
    expect(r.difference.service).toBe(-100);
    expect(r.scenario.lossMakers).toBe(0);
  });

  it('meetings and calls scale the interaction cost', () => {
    // Baseline: P 4 meetings (800), X 2 calls (100), W 1 meeting (200). Halving meetings saves 400 + 100.
    const r = run([{ kind: 'scale', field: 'meetings', pct: -50 }]);
    expect(r.baseline.interactionCost).toBe(1_100);
    expect(r.scenario.meetings).toBeCloseTo(2.5, 9);
    expect(r.difference.interactionCost).toBeCloseTo(-500, 9);
    expect(r.difference.totalCost).toBe(0);
  });

  it('-100% takes a field to 0', () => {
    const r = run([{ kind: 'scale', field: 'service', pct: -100 }]);
    expect(r.scenario.service).toBe(0);
    expect(r.scenario.profit).toBe(1_150);
  });

  it('segment picks use the baseline segments even after an earlier adjustment moves accounts', () => {
    // (scenarios.ts contract.) After revenue x11 on Q (550) Q is Protect in the scenario and Z
    // (margin 0.5 under a split of 1125 / 1650) Reassess; "Reassess" still names Q, the baseline's.
    const r = run([
      { kind: 'scale', field: 'revenue', pct: 1_000, where: { accounts: ['Q'] } },
      { kind: 'scale', field: 'service', pct: -50, where: { segment: 'Reassess' } },
    ]);
    expect(r.difference.revenue).toBe(500);
    expect(r.difference.service).toBe(-50);
    expect(r.scenario.bySegment.find((s) => s.segment === 'Reassess')!.revenue).toBe(100);
  });
});

describe('drop', () => {
  it('drops a segment: without Reassess (Q) the portfolio is the other four', () => {
    const r = run([{ kind: 'drop', where: { segment: 'Reassess' } }]);
    expect(r.scenario.count).toBe(4);
    expect(r.scenario.revenue).toBe(1_100);
    expect(r.scenario.service).toBe(475);
    expect(r.scenario.profit).toBe(625);
    expect(r.difference.count).toBe(-1);
    expect(r.difference.profit).toBe(50);
    expect(r.scenario.lossMakers).toBe(0);
    expect(r.difference.lossMakers).toBe(-1);
    expectDifferenceIsScenarioMinusBaseline(r);
  });

  it('re-segments the rest against the new splits', () => {
    // Revenues 500, 250, 250, 100: median 250; margin 625 / 1100 = 0.568.
    // P 0.8 Protect; X 0.5 now Fix; W 0.2 Fix; Z 0.5 small, now Reassess.
    const r = run([{ kind: 'drop', where: { segment: 'Reassess' } }]);
    expect(r.scenario.bySegment.map((s) => [s.segment, s.count])).toEqual([
      ['Protect', 1],
      ['Fix', 2],
      ['Develop', 0],
      ['Reassess', 1],
    ]);
  });

  it('drops chosen accounts, case-insensitively by name', () => {
    const r = run([{ kind: 'drop', where: { accounts: ['p', 'W'] } }]);
    expect(r.scenario.count).toBe(3);
    expect(r.scenario.revenue).toBe(400);
    expect(r.scenario.profit).toBe(125);
  });

  it('drops an owner', () => {
    const r = run([{ kind: 'drop', where: { owner: 'Bob' } }]);
    expect(r.scenario.count).toBe(3);
    expect(r.scenario.revenue).toBe(850);
  });

  it('a drop then a scale applies the scale to the accounts left', () => {
    const r = run([
      { kind: 'drop', where: { accounts: ['P'] } },
      { kind: 'scale', field: 'service', pct: 100, where: { owner: 'Ann' } },
    ]);
    // Only W of Ann is left: service 575 - 100 (P) + 200 (W doubled).
    expect(r.scenario.service).toBe(675);
    expect(r.scenario.count).toBe(4);
  });

  it('a second drop still finds its accounts after the first has moved the rows up', () => {
    // Drop P, then the baseline's Reassess (Q): X, W and Z are left.
    const r = run([
      { kind: 'drop', where: { accounts: ['P'] } },
      { kind: 'drop', where: { segment: 'Reassess' } },
    ]);
    expect(r.scenario.count).toBe(3);
    expect(r.scenario.revenue).toBe(600);
    expect(r.scenario.service).toBe(375);
  });

  it('an adjustment after two drops still picks the accounts it names', () => {
    // After dropping P and Q, doubling W's service: X 125 + W 400 + Z 50.
    const r = run([
      { kind: 'drop', where: { accounts: ['P'] } },
      { kind: 'drop', where: { segment: 'Reassess' } },
      { kind: 'scale', field: 'service', pct: 100, where: { accounts: ['W'] } },
    ]);
    expect(r.scenario.service).toBe(575);
    expect(r.scenario.profit).toBe(25);
  });

  it('dropping every account leaves an empty portfolio with no whale curve', () => {
    const r = run([{ kind: 'drop', where: { accounts: ['P', 'X', 'W', 'Z', 'Q'] } }]);
    expect(r.scenario.count).toBe(0);
    expect(r.scenario.whaleCurve).toBeNull();
    expect(r.difference.whalePeak).toBeNull();
    expect(r.difference.revenue).toBe(-1_150);
  });

  it('a drop needs a segment, an owner or accounts', () => {
    expect(Adjustment.safeParse({ kind: 'drop', where: {} }).success).toBe(false);
  });
});

describe('the rows given are never changed', () => {
  it('columns and rows are the same after any scenario', () => {
    const cols = toColumns(BASE);
    const before = structuredClone(toRows(cols));
    const revenueBefore = Float64Array.from(cols.revenue);
    const serviceBefore = Float64Array.from(cols.service);
    run(
      [
        { kind: 'scale', field: 'revenue', pct: 50 },
        { kind: 'scale', field: 'service', pct: -30, where: { segment: 'Fix' } },
        { kind: 'drop', where: { segment: 'Reassess' } },
        { kind: 'scale', field: 'meetings', pct: -100 },
      ],
      cols,
    );
    expect(cols.n).toBe(5);
    expect(cols.revenue).toEqual(revenueBefore);
    expect(cols.service).toEqual(serviceBefore);
    expect(toRows(cols)).toEqual(before);
    expect(toRows(cols)).toEqual(BASE);
  });
});

describe('whale curve of the scenario', () => {
  it('is computed on the adjusted rows', () => {
    // Drop Q (-50): profits 400, 125, 50, 50 of 625.
    const r = run([{ kind: 'drop', where: { accounts: ['Q'] } }]);
    expect(r.scenario.whaleCurve).toHaveLength(4);
    expect(r.scenario.whaleCurve!.map((p) => p.y)).toEqual([400 / 625, 525 / 625, 575 / 625, 1]);
    expect(r.scenario.whalePeak).toBe(1);
    // Baseline: 400, 125, 50, 50, -50 of 575, peak 625 / 575.
    expect(r.baseline.whalePeak).toBeCloseTo(625 / 575, 12);
    expect(r.difference.whalePeak).toBeCloseTo(1 - 625 / 575, 12);
  });
});

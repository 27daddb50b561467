import { describe, expect, it } from 'vitest';
import { toColumns } from '../../../shared/engine/columns';
import { computeColumns } from '../../../shared/engine/sheet';
import { accountVariances, largestVariances, planFigures, planVariance, profitVariances, reportPlan, varianceByKey, variancePct } from '../../../shared/engine/variance';
import { DEFAULT_ASSUMPTIONS } from '../../../shared/schemas/assumptions';
import { PlanFigures } from '../../../shared/schemas/report';
import { PORTFOLIO_FIGURE_KEYS } from '../../../shared/schemas/trends';
import { glossaryEntry } from '../../../shared/glossary';
import { rows } from './helpers';

// DOMAIN.md, "Plan, dimensions": variance = actual - plan for sums, profit and counts; for margin and roi the difference of the ratios.

const computed = (input: Parameters<typeof rows>[0]) => computeColumns(toColumns(rows(input)), DEFAULT_ASSUMPTIONS);

// No meetings or calls, so total cost is the buckets' sum and every figure is worked by hand.
const ACTUAL = computed([
  { account: 'Acme', owner: 'Ann', revenue: 1000, presale: 100, production: 200 },
  { account: 'Beta', owner: 'Bob', revenue: 500, production: 600 },
  { account: 'Cold', owner: null, revenue: 50, service: 10 },
]);
const PLAN = computed([
  { account: 'ACME', owner: 'Ann', revenue: 1200, presale: 100, production: 300 },
  { account: 'Beta', owner: 'Bob', revenue: 800, production: 400 },
  { account: 'Gone', owner: 'Bob', revenue: 100, labour: 20 },
]);

describe('plan variance (engine)', () => {
  it('is actual minus plan for the sums and counts, and the difference of the ratios for margin and roi', () => {
    const v = planVariance(ACTUAL.figures, PLAN.figures);
    // Actual: revenue 1,550, cost 910, profit 640. Plan: revenue 2,100, cost 820, profit 1,280.
    expect(v.revenue).toBe(1550 - 2100);
    expect(v.totalCost).toBe(910 - 820);
    expect(v.profit).toBe(640 - 1280);
    expect(v.production).toBe(800 - 700);
    expect(v.labour).toBe(-20);
    expect(v.count).toBe(0);
    expect(v.margin).toBeCloseTo(640 / 1550 - 1280 / 2100, 12);
    expect(v.roi).toBeCloseTo(640 / 910 - 1280 / 820, 12);
  });

  it('has no ratio variance when either side has no ratio', () => {
    const empty = computed([]);
    const v = planVariance(ACTUAL.figures, empty.figures);
    expect(v.margin).toBeNull();
    expect(v.roi).toBeNull();
    expect(v.revenue).toBe(1550);
  });

  it("a plan's figures are the portfolio's one-number figures, in their order", () => {
    const plan = planFigures(PLAN);
    expect(Object.keys(plan)).toEqual(Object.keys(PlanFigures.shape));
    expect(Object.keys(plan)).toEqual(PORTFOLIO_FIGURE_KEYS);
    expect(PlanFigures.parse(plan)).toEqual(plan);
    expect(reportPlan(ACTUAL, PLAN).variance.profit).toBe(-640);
  });

  it('per account: matched by name ignoring case, an account the plan lacks planned at 0, percentages of the plan', () => {
    const v = accountVariances(ACTUAL, PLAN);
    // Acme: revenue 1,000 vs 1,200; profit 700 vs 800. Beta: profit -100 vs 400. Cold: no plan row.
    expect(Array.from(v.revenue)).toEqual([-200, -300, 50]);
    expect(v.revenuePct[0]).toBeCloseTo(-200 / 1200, 12);
    expect(Array.from(v.profit)).toEqual([-100, -500, 40]);
    expect(v.profitPct[1]).toBeCloseTo(-500 / 400, 12);
    expect(Number.isNaN(v.profitPct[2]!)).toBe(true);
    expect(Array.from(v.totalCost)).toEqual([-100, 200, 10]);
    expect(variancePct(-50, -100)).toBe(0.5);
  });

  it('by account and by any key: every account of either side, adding up to the portfolio', () => {
    const all = profitVariances(ACTUAL, PLAN);
    expect(all.map((a) => [a.account, a.variance])).toEqual([
      ['Acme', -100],
      ['Beta', -500],
      ['Cold', 40],
      ['Gone', -80],
    ]);
    expect(all.reduce((s, a) => s + a.variance, 0)).toBe(planVariance(ACTUAL.figures, PLAN.figures).profit);
    expect(largestVariances(all, 2).map((a) => a.account)).toEqual(['Beta', 'Acme']);
    const byOwner = varianceByKey(all, all.map((a) => a.owner));
    expect(byOwner.map((g) => [g.key, g.count, g.variance])).toEqual([
      ['Bob', 2, -580],
      ['Ann', 1, -100],
      [null, 1, 40],
    ]);
  });

  it('every figure shown has a glossary entry', () => {
    for (const name of ['plan', 'variance', 'variancePct']) expect(glossaryEntry(name), name).toBeDefined();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromRowColumns, toColumns, toRowColumns, toRows } from '../../../shared/engine/columns';
import { RowColumns } from '../../../shared/schemas/row-columns';
import { runScenario } from '../../../shared/engine/scenarios';
import { median } from '../../../shared/engine/segmentation';
import { accountResults, computeSheet, toPortfolio } from '../../../shared/engine/results';
import { computeColumns } from '../../../shared/engine/sheet';
import { reportJson } from '../../../shared/engine/report-json';
import { Report } from '../../../shared/schemas/report';
import { profitOrder } from '../../../shared/engine/whale';
import { Assumptions, DEFAULT_ASSUMPTIONS } from '../../../shared/schemas/assumptions';
import { PARETO_CLASSES, SCALABLE_FIELDS, SEGMENTS } from '../../../shared/schemas/fields';
import { SheetRow } from '../../../shared/schemas/row';
import type { SheetRowInput } from '../../../shared/schemas/row';
import { Adjustment } from '../../../shared/schemas/scenario';
import { PORTFOLIO_FIGURE_KEYS } from '../../../shared/schemas/trends';
import { plainCompute } from '../../bench/plain';

const RUNS = { numRuns: 200 };

/** Money: often 0, often whole, sometimes cents, sometimes any double. */
const money = fc.oneof(
  { arbitrary: fc.constant(0), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 100_000 }), weight: 4 },
  { arbitrary: fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100), weight: 2 },
  // Any double, but no subnormals: a revenue of 5e-324 makes margins overflow to -Infinity, which is no money.
  { arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v) => (v < 1e-6 ? 0 : v)), weight: 2 },
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
const name = fc
  .string({ minLength: 1, maxLength: 6, unit: fc.constantFrom('a', 'b', 'A', 'B', 'x', 'Z', ' ', '-', 'é') })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

const rowArb = fc
  .record({
    account: name,
    owner: optional(fc.constantFrom('Ann', 'Bob', 'Cy')),
    segmentOverride: fc.option(fc.constantFrom(...SEGMENTS), { nil: null, freq: 6 }),
    revenue: money,
    presale: money,
    production: money,
    distribution: money,
    service: money,
    labour: money,
    meetings: fc.nat({ max: 40 }),
    calls: fc.nat({ max: 100 }),
    csat: optional(fc.integer({ min: 1, max: 5 })),
    nps: optional(fc.integer({ min: 0, max: 10 })),
    status: fc.constantFrom('active', 'new', 'churned'),
    upsellShare: optional(fc.double({ min: 0, max: 1, noNaN: true })),
    crossSellShare: optional(fc.double({ min: 0, max: 1, noNaN: true })),
    referrals: optional(fc.nat({ max: 5 })),
    valueDelivered: optional(money),
    avgOrderValue: optional(money),
    purchasesPerYear: optional(fc.integer({ min: 0, max: 52 })),
    lifespanYears: optional(fc.integer({ min: 0, max: 20 })),
  })
  .map(({ upsellShare, crossSellShare, ...r }) => {
    // upsell + crossSell stay within revenue: upsell takes a share of it, crossSell a share of the rest.
    const upsell = upsellShare === null ? null : r.revenue * upsellShare;
    const crossSell = crossSellShare === null ? null : (r.revenue - (upsell ?? 0)) * crossSellShare;
    return SheetRow.parse({ ...r, upsell, crossSell });
  });

/** Valid sheets: unique account names, case-insensitively. */
const sheetArb = fc.uniqueArray(rowArb, { minLength: 0, maxLength: 30, selector: (r) => r.account.toLowerCase() });
const nonEmptySheetArb = fc.uniqueArray(rowArb, { minLength: 1, maxLength: 30, selector: (r) => r.account.toLowerCase() });

/** Assumptions, sometimes with the splits set. */
const assumptionsArb = fc
  .record({
    dailyRate: fc.integer({ min: 0, max: 5_000 }),
    hoursPerDay: fc.integer({ min: 1, max: 12 }),
    meetingHours: fc.constantFrom(0, 0.4, 1, 1.6, 3),
    callHours: fc.constantFrom(0, 0.25, 0.4, 1),
    revenueSplit: fc.option(money, { nil: null, freq: 2 }),
    marginSplit: fc.option(fc.double({ min: -2, max: 1, noNaN: true }), { nil: null, freq: 2 }),
    defaultLifespanYears: fc.integer({ min: 0, max: 10 }),
  })
  .map((p) => Assumptions.parse({ ...DEFAULT_ASSUMPTIONS, ...p }));

const close = (actual: number | null, expected: number | null, rel = 1e-9): boolean =>
  actual === expected ||
  (actual !== null &&
    expected !== null &&
    Math.abs(actual - expected) <= rel * Math.max(1, Math.abs(actual), Math.abs(expected)));

function expectClose(actual: number | null, expected: number | null, what: string) {
  if (!close(actual, expected)) expect.fail(`${what}: ${actual} is not close to ${expected}`);
}

describe('properties of random sheets', () => {
  it('the arbitrary makes valid, uniquely named rows', () => {
    fc.assert(
      fc.property(sheetArb, (rows) => {
        for (const r of rows) expect(SheetRow.safeParse(r).success).toBe(true);
        expect(new Set(rows.map((r) => r.account.toLowerCase())).size).toBe(rows.length);
      }),
      { numRuns: 50 },
    );
  });

  it('profit = revenue - totalCost, totalCost = the five buckets, for every account', () => {
    fc.assert(
      fc.property(sheetArb, assumptionsArb, (rows, a) => {
        const { accounts } = computeSheet(rows, a);
        expect(accounts).toHaveLength(rows.length);
        accounts.forEach((x, i) => {
          const r = rows[i]!;
          expect(x.account).toBe(r.account);
          expectClose(x.totalCost, r.presale + r.production + r.distribution + r.service + r.labour, `totalCost of ${r.account}`);
          expect(x.profit).toBe(x.revenue - x.totalCost);
          expect(x.margin === null).toBe(r.revenue === 0);
          expect(x.roi === null).toBe(x.totalCost === 0);
        });
      }),
      RUNS,
    );
  });

  // `report.get` is answered without parsing the engine's output again (electron/backend/dispatch.ts): this holds
  // the engine to the contract's schema instead, for every sheet and assumptions, the empty sheet included.
  it("the report the engine builds is what the contract's Report schema says, nothing stripped or changed by a parse", () => {
    fc.assert(
      fc.property(sheetArb, assumptionsArb, (rows, a) => {
        const result = computeColumns(toColumns(rows), a);
        const report = { period: 'P', currency: a.currency, assumptions: a, accounts: accountResults(result), portfolio: toPortfolio(result) };
        const parsed = Report.safeParse(report);
        if (!parsed.success) expect.fail(parsed.error.message);
        expect(parsed.data).toStrictEqual(report);
      }),
      RUNS,
    );
  });

  // `cpw report --json` writes the report from the engine's columns in pieces (shared/engine/report-json.ts):
  // it must be the very bytes JSON.stringify gives of the report objects, names with quotes, escapes and any
  // Unicode among them, the empty sheet and a sheet without a whale curve included.
  it('the streamed report JSON is byte for byte JSON.stringify(report, null, 2)', () => {
    const oddName = fc.string({ minLength: 1, maxLength: 8, unit: fc.oneof(fc.constantFrom('"', '\\', '\n', '\t', '\u0000', '\u2028', '😀', '\ud800', '</'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })) });
    fc.assert(
      fc.property(sheetArb, assumptionsArb, fc.array(oddName, { maxLength: 40 }), fc.string(), (rows, a, names, period) => {
        const renamed = rows.map((r, i) => (i < names.length ? { ...r, account: `${names[i]}#${i}` } : r));
        const result = computeColumns(toColumns(renamed), a);
        const report = { period, currency: a.currency, assumptions: a, accounts: accountResults(result), portfolio: toPortfolio(result) };
        expect([...reportJson({ period, currency: a.currency, assumptions: a }, result)].join('')).toBe(JSON.stringify(report, null, 2));
      }),
      RUNS,
    );
  });

  it('segment counts in bySegment add up to n, in the order of SEGMENTS', () => {
    fc.assert(
      fc.property(sheetArb, assumptionsArb, (rows, a) => {
        const { accounts, portfolio } = computeSheet(rows, a);
        expect(portfolio.bySegment.map((s) => s.segment)).toEqual([...SEGMENTS]);
        expect(portfolio.bySegment.reduce((s, g) => s + g.count, 0)).toBe(rows.length);
        for (const g of portfolio.bySegment) expect(g.count).toBe(accounts.filter((x) => x.segment === g.segment).length);
        expect(portfolio.byOwner.reduce((s, g) => s + g.count, 0)).toBe(rows.length);
      }),
      RUNS,
    );
  });

  it('the whale curve ends at 1 when total profit > 0 and is null otherwise', () => {
    fc.assert(
      fc.property(nonEmptySheetArb, (rows) => {
        const { portfolio } = computeSheet(rows, DEFAULT_ASSUMPTIONS);
        if (portfolio.profit > 0) {
          const curve = portfolio.whaleCurve;
          expect(curve).not.toBeNull();
          expect(curve).toHaveLength(rows.length);
          const last = curve!.at(-1)!;
          expect(last.x).toBe(1);
          expect(Math.abs(last.y - 1)).toBeLessThanOrEqual(1e-9);
          expect(portfolio.whalePeak).toBe(Math.max(...curve!.map((p) => p.y)));
          expect(portfolio.whalePeak!).toBeGreaterThanOrEqual(last.y);
        } else {
          expect(portfolio.whaleCurve).toBeNull();
          expect(portfolio.whalePeak).toBeNull();
          expect(portfolio.top20Share).toBeNull();
        }
      }),
      RUNS,
    );
  });

  it('Pareto classes are monotone in profit, and D exactly for profit <= 0', () => {
    fc.assert(
      fc.property(sheetArb, (rows) => {
        const { accounts } = computeSheet(rows, DEFAULT_ASSUMPTIONS);
        const sorted = [...accounts].sort((p, q) => q.profit - p.profit);
        let prev = 0;
        for (const x of sorted) {
          const k = PARETO_CLASSES.indexOf(x.paretoClass);
          expect(k).toBeGreaterThanOrEqual(prev);
          prev = k;
          expect(x.paretoClass === 'D').toBe(x.profit <= 0);
        }
        // The most profitable account, when it makes a profit, is always A.
        if (sorted[0] && sorted[0].profit > 0) expect(sorted[0].paretoClass).toBe('A');
      }),
      RUNS,
    );
  });

  it('a scenario of 0% changes nothing', () => {
    const whereArb = fc.oneof(
      fc.constant({}),
      fc.record({ segment: fc.constantFrom(...SEGMENTS) }),
      fc.record({ owner: fc.constantFrom('Ann', 'Bob', 'Cy') }),
    );
    fc.assert(
      fc.property(nonEmptySheetArb, fc.constantFrom(...SCALABLE_FIELDS), whereArb, (rows, field, where) => {
        const adjustment = Adjustment.parse({ kind: 'scale', field, pct: 0, where });
        const r = runScenario(toColumns(rows), DEFAULT_ASSUMPTIONS, [adjustment], { name: null, period: 'P' });
        for (const k of PORTFOLIO_FIGURE_KEYS) {
          const d = r.difference[k];
          if (d !== null) expect(d, k).toBe(0);
          else expect(r.baseline[k], k).toBeNull();
        }
        expect(r.scenario).toEqual(r.baseline);
      }),
      RUNS,
    );
  });

  it('the engine agrees with the plain implementation', () => {
    fc.assert(
      fc.property(sheetArb, assumptionsArb, (rows, a) => {
        const engine = computeSheet(rows, a);
        const plain = plainCompute(rows, a);
        expect(engine.accounts).toHaveLength(plain.accounts.length);
        engine.accounts.forEach((x, i) => {
          const p = plain.accounts[i]!;
          expect(x.account).toBe(p.account);
          expectClose(x.totalCost, p.totalCost, `totalCost ${p.account}`);
          expectClose(x.profit, p.profit, `profit ${p.account}`);
          expectClose(x.margin, p.margin, `margin ${p.account}`);
          expectClose(x.roi, p.roi, `roi ${p.account}`);
          expectClose(x.interactionCost, p.interactionCost, `interactionCost ${p.account}`);
          expectClose(x.clv, p.clv, `clv ${p.account}`);
          expect(x.segment, `segment ${p.account}`).toBe(p.segment);
          expect(x.paretoClass, `paretoClass ${p.account}`).toBe(p.paretoClass);
        });
        const e = engine.portfolio;
        const q = plain.portfolio;
        expectClose(e.revenue, q.revenue, 'revenue');
        expectClose(e.totalCost, q.totalCost, 'totalCost');
        expectClose(e.profit, q.profit, 'profit');
        expectClose(e.roi, q.roi, 'roi');
        expectClose(e.margin, q.margin, 'margin');
        expectClose(e.whalePeak, q.whalePeak, 'whalePeak');
        expectClose(e.top20Share, q.top20Share, 'top20Share');
        expect(e.lossMakers).toBe(q.lossMakers);
        expectClose(e.profitGivenBack, q.profitGivenBack, 'profitGivenBack');
        expect(e.whaleCurve === null).toBe(q.whaleCurve === null);
      }),
      RUNS,
    );
  });

  it('rows sent as one array per field (RowColumns, through JSON) come back as the same columns', () => {
    fc.assert(
      fc.property(sheetArb, (rows) => {
        const columns = toColumns(rows);
        const sent = toRowColumns(columns, rows.map((_, i) => 1 + i));
        // The backend sends these without parsing them again (dispatch.ts, ENGINE_OUTPUT): the schema must hold them as they are.
        const parsed = RowColumns.safeParse(sent);
        if (!parsed.success) expect.fail(parsed.error.message);
        expect(parsed.data).toStrictEqual(sent);
        const wire = RowColumns.parse(JSON.parse(JSON.stringify(sent)));
        expect(fromRowColumns(wire)).toEqual(columns);
      }),
      RUNS,
    );
    const one = toRowColumns(toColumns([SheetRow.parse({ account: 'Acme', revenue: 1 })]), [1]);
    expect(RowColumns.safeParse({ ...one, revenue: [] }).error?.issues[0]?.message).toBe('every column must hold one value per account');
  });

  it('columns round trip: toRows(toColumns(rows)) deep-equals rows', () => {
    fc.assert(
      fc.property(sheetArb, (rows) => {
        expect(toRows(toColumns(rows))).toEqual(rows);
      }),
      RUNS,
    );
  });
});

/** The reference order of DOMAIN.md: profit highest first, ties by name (case-insensitive, then exact). */
function referenceOrder(profit: readonly number[], names: readonly string[]): number[] {
  return [...profit.keys()].sort((i, j) => {
    if (profit[j]! !== profit[i]!) return profit[j]! - profit[i]!;
    const a = names[i]!.toLowerCase();
    const b = names[j]!.toLowerCase();
    if (a !== b) return a < b ? -1 : 1;
    return names[i]! < names[j]! ? -1 : names[i]! > names[j]! ? 1 : 0;
  });
}

// The engine ranks large periods (2,048 accounts and more) with a radix sort over the doubles' bits
// and finds the median by quickselect: these properties reach those paths too.
describe('properties of the profit order and the median, small and large', () => {
  const profitValue = fc.oneof(
    fc.integer({ min: -5, max: 5 }),
    fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -0, 1e-300, -1e-300, 5e-324, -5e-324, 1e300, -1e300),
    // Cents on six-figure profits differ only in the low 32 bits of the double.
    fc.integer({ min: -300, max: 300 }).map((c) => (c < 0 ? c - 10_000_000 : c + 10_000_000) / 100),
    // Neighbouring doubles: differ only in the lowest 16 bits, or across the 16-bit boundary.
    fc.integer({ min: 0, max: 1 << 20 }).map((k) => 1_000 + k * 2 ** -43),
  );
  const orderCase = (min: number, max: number) =>
    fc.array(profitValue, { minLength: min, maxLength: max }).map((profit) => ({
      profit,
      // Unique names in an order unrelated to the index, so ties test the name order.
      names: profit.map((_, i) => `${i % 3 === 0 ? 'Acc' : 'acc'}-${(i * 7919) % profit.length}`),
    }));

  it('profitOrder is profit highest first, ties by name, for small periods', () => {
    fc.assert(
      fc.property(orderCase(0, 60), ({ profit, names }) => {
        expect(Array.from(profitOrder(Float64Array.from(profit), names))).toEqual(referenceOrder(profit, names));
      }),
      RUNS,
    );
  });

  it('profitOrder is profit highest first, ties by name, for large periods (radix path)', () => {
    fc.assert(
      fc.property(orderCase(2_048, 2_300), ({ profit, names }) => {
        expect(Array.from(profitOrder(Float64Array.from(profit), names))).toEqual(referenceOrder(profit, names));
      }),
      // No shrinking: shrinking 2,000-element arrays takes minutes; the seed reproduces a failure.
      { numRuns: 15, endOnFailure: true },
    );
  });

  it('median is the middle value, or the mean of the middle two', () => {
    const revenue = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(revenue, { minLength: 1, maxLength: 400 }), (values) => {
        const sorted = [...values].sort((p, q) => p - q);
        const n = sorted.length;
        const expected = n % 2 === 1 ? sorted[n >> 1]! : (sorted[(n >> 1) - 1]! + sorted[n >> 1]!) / 2;
        expect(median(Float64Array.from(values))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('on large sheets the engine agrees with the plain implementation', () => {
    const cell = fc.record({
      revenue: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 600_000 }).map((c) => c / 100)),
      service: fc.integer({ min: 0, max: 70 }),
      labour: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000 }).map((c) => c / 100)),
      pinned: fc.option(fc.constantFrom(...SEGMENTS), { nil: null, freq: 20 }),
    });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 2_048, maxLength: 2_600 }), (cells) => {
        const n = cells.length;
        // Rows built field by field (valid by construction) so that 2,000+ rows a run stay fast.
        const sheet = cells.map((c, i): SheetRow => ({
          ...SheetRow.parse({ account: `${i % 2 ? 'Key' : 'key'} ${(i * 7919) % n}`, revenue: 0 } satisfies SheetRowInput),
          revenue: c.revenue,
          service: c.service,
          labour: c.labour,
          segmentOverride: c.pinned,
        }));
        const engine = computeSheet(sheet, DEFAULT_ASSUMPTIONS);
        const plain = plainCompute(sheet, DEFAULT_ASSUMPTIONS);
        engine.accounts.forEach((x, i) => {
          const p = plain.accounts[i]!;
          if (x.segment !== p.segment || x.paretoClass !== p.paretoClass) {
            expect.fail(`${x.account}: engine ${x.segment}/${x.paretoClass}, plain ${p.segment}/${p.paretoClass}`);
          }
        });
        const revenues = sheet.map((r) => r.revenue).sort((p, q) => p - q);
        const mid = n >> 1;
        expect(engine.portfolio.revenueSplit).toBe(n % 2 === 1 ? revenues[mid]! : (revenues[mid - 1]! + revenues[mid]!) / 2);
        expect(engine.portfolio.whaleCurve === null).toBe(plain.portfolio.whaleCurve === null);
        if (engine.portfolio.whaleCurve && plain.portfolio.whaleCurve) {
          engine.portfolio.whaleCurve.forEach((pt, k) => expectClose(pt.y, plain.portfolio.whaleCurve![k]!.y, `whale y ${k}`));
        }
        expectClose(engine.portfolio.whalePeak, plain.portfolio.whalePeak, 'whalePeak');
        expectClose(engine.portfolio.top20Share, plain.portfolio.top20Share, 'top20Share');
        expect(engine.portfolio.lossMakers).toBe(plain.portfolio.lossMakers);
      }),
      { numRuns: 8, endOnFailure: true },
    );
  });
});

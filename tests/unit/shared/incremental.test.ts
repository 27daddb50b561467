import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toColumns, type SheetColumns } from '../../../shared/engine/columns';
import { computeColumns, editAccount, type SheetResult } from '../../../shared/engine/sheet';
import { accountResults, toPortfolio } from '../../../shared/engine/results';
import { Assumptions, DEFAULT_ASSUMPTIONS } from '../../../shared/schemas/assumptions';
import { SEGMENTS, STATUSES } from '../../../shared/schemas/fields';
import { SheetRow } from '../../../shared/schemas/row';

// An edit of one account is followed incrementally (editAccount: the account taken out of the sums and put
// back, moved in the profit order); these properties hold it to the full recompute of the same columns.
// With whole-number money every sum is exact, so the two must agree to the last bit, segments and
// Pareto classes included; with any doubles, the figures agree to rounding.

const whole = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 2_000_000 }));
const optionalWhole = fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: null, freq: 3 });

const rowArb = (money: fc.Arbitrary<number>) =>
  fc
    .record({
      account: fc.string({ minLength: 1, maxLength: 5, unit: fc.constantFrom('a', 'b', 'A', 'B', 'z') }),
      owner: fc.option(fc.constantFrom('Ann', 'Bob', 'Cy'), { nil: null, freq: 3 }),
      segmentOverride: fc.option(fc.constantFrom(...SEGMENTS), { nil: null, freq: 8 }),
      revenue: money,
      presale: money,
      production: money,
      distribution: money,
      service: money,
      labour: money,
      meetings: fc.nat({ max: 20 }),
      calls: fc.nat({ max: 50 }),
      csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 3 }),
      nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null, freq: 3 }),
      status: fc.constantFrom(...STATUSES),
      referrals: fc.option(fc.nat({ max: 4 }), { nil: null, freq: 3 }),
      avgOrderValue: optionalWhole,
      purchasesPerYear: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null, freq: 3 }),
      lifespanYears: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null, freq: 3 }),
    })
    .map((r) => SheetRow.parse(r));

/** One edit: a field of the account at `at` (an index modulo n) gets a value; null clears an optional one. */
const editArb = (money: fc.Arbitrary<number>) =>
  fc.oneof(
    fc.record({ at: fc.nat(), field: fc.constantFrom('revenue', 'presale', 'production', 'distribution', 'service', 'labour'), value: money }),
    fc.record({ at: fc.nat(), field: fc.constantFrom('meetings', 'calls'), value: fc.nat({ max: 30 }) }),
    fc.record({ at: fc.nat(), field: fc.constant('csat'), value: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }) }),
    fc.record({ at: fc.nat(), field: fc.constant('nps'), value: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }) }),
    fc.record({ at: fc.nat(), field: fc.constantFrom('upsell', 'crossSell', 'referrals', 'avgOrderValue', 'lifespanYears'), value: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }) }),
    fc.record({ at: fc.nat(), field: fc.constant('status'), value: fc.nat({ max: STATUSES.length - 1 }) }),
  );
type Edit = { at: number; field: string; value: number | null };

const assumptionsArb = fc
  .record({
    revenueSplit: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null, freq: 2 }),
    marginSplit: fc.option(fc.constantFrom(-0.5, 0, 0.1, 0.25), { nil: null, freq: 2 }),
    // Rates that make whole-number interaction costs (1,000 a day: 200 a meeting, 50 a call), so sums stay exact.
    dailyRate: fc.constantFrom(0, 1_000, 2_000),
  })
  .map((p) => Assumptions.parse({ ...DEFAULT_ASSUMPTIONS, ...p }));

function write(c: SheetColumns, i: number, e: Edit): void {
  if (e.field === 'status') c.status[i] = e.value!;
  else (c as unknown as Record<string, Float64Array>)[e.field]![i] = e.value ?? NaN;
}

/** Apply the edits one by one through editAccount; the last result and the columns it now holds. */
function editAll(rows: SheetRow[], a: Assumptions, edits: Edit[]): { columns: SheetColumns; result: SheetResult } {
  const columns = toColumns(rows);
  let result = computeColumns(columns, a);
  for (const e of edits) {
    const i = e.at % columns.n;
    result = editAccount(result, i, () => write(columns, i, e));
  }
  return { columns, result };
}

const uniqueRows = (money: fc.Arbitrary<number>, min: number, max: number) =>
  fc.uniqueArray(rowArb(money), { minLength: min, maxLength: max, selector: (r) => r.account.toLowerCase() });

describe('editAccount: every metric after a one-cell edit, as the full recompute gives it', () => {
  it('with whole-number money: the accounts and the portfolio deep-equal the full recompute', () => {
    fc.assert(
      fc.property(uniqueRows(whole, 1, 25), assumptionsArb, fc.array(editArb(whole), { minLength: 1, maxLength: 12 }), (rows, a, edits) => {
        const { columns, result } = editAll(rows, a, edits);
        const full = computeColumns(columns, a);
        expect(accountResults(result)).toEqual(accountResults(full));
        expect(toPortfolio(result)).toEqual(toPortfolio(full));
        expect(result.clvTotal).toBe(full.clvTotal);
        expect(Array.from(result.order)).toEqual(Array.from(full.order));
        // Read one account at a time (what the grid does) and as whole arrays: the same answers.
        for (let i = 0; i < columns.n; i++) {
          expect(result.segmentAt(i)).toBe(full.segment[i]);
          expect(result.paretoClassAt(i)).toBe(full.paretoClass[i]);
        }
        expect(result.segment).toEqual(full.segment);
        expect(result.paretoClass).toEqual(full.paretoClass);
      }),
      { numRuns: 300 },
    );
  });

  it('with whole-number money on large periods (the radix sort and the sorted revenues): the same as the full recompute', () => {
    // Few distinct profits, so equal profits (ordered by name) are everywhere and the edits move accounts far.
    const coarse = fc.integer({ min: 0, max: 40 }).map((v) => v * 1_000);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(coarse, coarse), { minLength: 2_048, maxLength: 2_300 }),
        fc.array(fc.tuple(fc.nat(), coarse, fc.constantFrom('revenue', 'service')), { minLength: 1, maxLength: 30 }),
        (cells, edits) => {
          const n = cells.length;
          const rows = cells.map(([revenue, service], i) => SheetRow.parse({ account: `${i % 2 ? 'Key' : 'key'} ${(i * 7919) % n}`, revenue, service }));
          const { columns, result } = editAll(rows, DEFAULT_ASSUMPTIONS, edits.map(([at, value, field]) => ({ at, field, value })));
          const full = computeColumns(columns, DEFAULT_ASSUMPTIONS);
          expect(Array.from(result.order)).toEqual(Array.from(full.order));
          expect(result.figures).toEqual(full.figures);
          expect(result.paretoClass).toEqual(full.paretoClass);
          expect(result.segment).toEqual(full.segment);
          expect(result.bySegment).toEqual(full.bySegment);
          expect(result.byOwner).toEqual(full.byOwner);
        },
      ),
      { numRuns: 10, endOnFailure: true },
    );
  });

  it('with any amounts: the figures agree with the full recompute to rounding', () => {
    const anyMoney = fc.oneof(whole, fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v) => (v < 1e-6 ? 0 : v)));
    const close = (x: number | null, y: number | null) =>
      x === y || (x !== null && y !== null && Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y)));
    fc.assert(
      fc.property(uniqueRows(anyMoney, 1, 25), assumptionsArb, fc.array(editArb(anyMoney), { minLength: 1, maxLength: 12 }), (rows, a, edits) => {
        const { columns, result } = editAll(rows, a, edits);
        const full = computeColumns(columns, a);
        for (const [key, value] of Object.entries(full.figures)) {
          const got = result.figures[key as keyof typeof full.figures];
          if (!close(got, value)) expect.fail(`${key}: incremental ${got}, full ${value}`);
        }
        expect(Array.from(result.metrics.profit)).toEqual(Array.from(full.metrics.profit));
        expect(Array.from(result.order)).toEqual(Array.from(full.order));
      }),
      { numRuns: 300 },
    );
  });

  it('a recompute into the memory of the result it replaces gives what a fresh one gives, for the same or another size', () => {
    fc.assert(
      fc.property(uniqueRows(whole, 1, 25), uniqueRows(whole, 1, 25), assumptionsArb, assumptionsArb, fc.boolean(), (first, second, a1, a2, sameSize) => {
        const rows = sameSize ? first.map((r, k) => ({ ...r, revenue: second[k % second.length]!.revenue })) : second;
        const earlier = computeColumns(toColumns(first), a1);
        void [earlier.segment, earlier.paretoClass, earlier.whale]; // arrays the next one may fill again
        const columns = toColumns(rows);
        const replaced = computeColumns(columns, a2, earlier);
        const fresh = computeColumns(columns, a2);
        expect(accountResults(replaced)).toEqual(accountResults(fresh));
        expect(toPortfolio(replaced)).toEqual(toPortfolio(fresh));
        expect(replaced.segment).toEqual(fresh.segment);
        expect(replaced.paretoClass).toEqual(fresh.paretoClass);
        // And it can be edited on as any result.
        const edited = editAccount(replaced, 0, () => void (columns.revenue[0] = 7));
        expect(toPortfolio(edited)).toEqual(toPortfolio(computeColumns(columns, a2)));
      }),
      { numRuns: 200 },
    );
  });

  it('takes an account out of the sums without the rest drifting (compensated sums)', () => {
    // 0.000001 + 16 rounds; a plain running sum then left 0.0000010000000010 once the 16 was taken out again.
    const columns = toColumns([SheetRow.parse({ account: 'Small', revenue: 0.000001 }), SheetRow.parse({ account: 'Big', revenue: 16 })]);
    let r = computeColumns(columns, DEFAULT_ASSUMPTIONS);
    r = editAccount(r, 1, () => void (columns.revenue[1] = 0));
    expect(r.figures.revenue).toBe(0.000001);
    expect(r.figures.profit).toBe(0.000001);
    expect(r.figures.whalePeak).toBe(1);
    expect(r.byOwner).toEqual(computeColumns(columns, DEFAULT_ASSUMPTIONS).byOwner);
  });

  it('refuses a result it did not make, rather than guessing the sums', () => {
    const r = computeColumns(toColumns([SheetRow.parse({ account: 'Acme', revenue: 10 })]), DEFAULT_ASSUMPTIONS);
    expect(() => editAccount({ ...r, segmentAt: r.segmentAt, paretoClassAt: r.paretoClassAt }, 0, () => undefined)).toThrow(/editAccount needs a result of computeColumns/);
  });
});

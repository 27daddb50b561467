import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, feedProblems } from '../../../shared/engine/allocation';
import { balance, traceAccount } from '../../../shared/engine/tie-out';
import { toColumns } from '../../../shared/engine/columns';
import { accountMinutes, foldValue, lineMinutes } from '../../../shared/engine/equations';
import { CostPool, EquationTerm, PoolSetup } from '../../../shared/schemas/pools';
import { rows } from './helpers';

// Kaplan and Anderson's Hunter Corporation: order entry = 5 + 3 x lines + 15 if a new customer + 10 if expedited.
const hunter = [
  { minutes: 5 },
  { minutes: 3, attribute: 'lines' },
  { minutes: 15, attribute: 'newCustomer', equals: 'yes' },
  { minutes: 10, attribute: 'expedited', equals: 'yes' },
].map((t) => EquationTerm.parse(t));

describe('time equations', () => {
  it('give a 4-line order of a new customer, expedited, 5 + 12 + 15 + 10 = 42 minutes', () => {
    const line = { lines: 4, newCustomer: 'Yes', expedited: ' yes ' } as Record<string, number | string>;
    expect(lineMinutes(hunter, (a) => line[a]!)).toBe(42);
    expect(lineMinutes(hunter, (a) => ({ lines: 1, newCustomer: 'no', expedited: 'no' })[a]!)).toBe(8);
  });

  it("an account's minutes from its lines' totals equal the minutes of its lines added one by one", () => {
    const lineArb = fc.record({ lines: fc.integer({ min: 0, max: 50 }), newCustomer: fc.constantFrom('yes', 'no', 'Yes'), expedited: fc.constantFrom('yes', 'no') });
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 40 }), (lines) => {
        const totals = new Map<string, number>();
        const add = (k: string, n: number) => totals.set(k, (totals.get(k) ?? 0) + n);
        for (const l of lines) {
          add('lines\u0000', l.lines);
          add(`newCustomer\u0000${foldValue(l.newCustomer)}`, 1);
          add(`expedited\u0000${foldValue(l.expedited)}`, 1);
        }
        const byLine = lines.reduce((s, l) => s + lineMinutes(hunter, (a) => (l as Record<string, number | string>)[a]!), 0);
        expect(accountMinutes(hunter, lines.length, (a, v) => totals.get(`${a}\u0000${v}`) ?? 0)).toBe(byLine);
      }),
      { numRuns: 200 },
    );
  });
});

const pool = (name: string, cost: number, patch: Partial<CostPool> = {}) => CostPool.parse({ name, cost, capacityMinutes: 1_000, bucket: 'service', ...patch });

describe('two stages', () => {
  it('refuse cycles and self-feeds naming the pools, and splits that do not add to 100%', () => {
    const a = pool('A', 1, { feeds: [{ pool: 'B', share: 1 }] });
    const b = pool('B', 1, { feeds: [{ pool: 'C', share: 1 }] });
    const c = pool('C', 1, { feeds: [{ pool: 'A', share: 1 }] });
    expect(feedProblems([a, b, c]).map((p) => p.rule)).toEqual(['pools pass cost round in a cycle: A -> B -> C -> A']);
    expect(feedProblems([pool('A', 1, { feeds: [{ pool: 'A', share: 1 }] })]).map((p) => p.rule)).toContain('pool "A" cannot pass cost to itself');
    expect(feedProblems([pool('A', 1, { feeds: [{ pool: 'B', share: 0.5 }] }), pool('B', 1)]).map((p) => p.rule)).toEqual(['the split of pool "A" adds to 50%, not 100%']);
    expect(() => allocate([a, b, c], [])).toThrow(/cycle/);
  });

  it('every pool of random chains ties out to the cent, and the whole equals the pools own cost', () => {
    const setupArb = fc.record({
      costs: fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 2, maxLength: 5 }),
      basis: fc.constantFrom('split', 'driver', 'minutes'),
      counts: fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 3, maxLength: 3 }),
    });
    fc.assert(
      fc.property(setupArb, ({ costs, basis, counts }) => {
        // Pool 0 feeds every later pool; each later pool has one activity the three accounts use.
        const later = costs.slice(1).map((cost, k) => pool(`P${k + 1}`, cost, { capacityMinutes: 100_000, activities: [{ name: `a${k + 1}`, minutesPerUnit: 1 + k, equation: [] }] }));
        const share = basis === 'split' ? 1 / later.length : 3;
        const first = pool('P0', costs[0]!, { feeds: later.map((p) => ({ pool: p.name, share })), feedBy: basis as CostPool['feedBy'] });
        const drivers = later.flatMap((p) => counts.map((count, i) => ({ account: ['Acme', 'Beta', 'Cara'][i]!, activity: p.activities[0]!.name, count })));
        const setup = PoolSetup.parse({ pools: [first, ...later], drivers, modes: {} });
        const columns = toColumns(rows([{ account: 'Acme', revenue: 1 }, { account: 'Beta', revenue: 1 }, { account: 'Cara', revenue: 1 }]));
        const b = balance(setup, columns);
        expect(b.pools.every((p) => p.balanced)).toBe(true);
        expect(b.buckets.every((k) => k.balanced)).toBe(true);
        expect(b.total.balanced).toBe(true);
        expect(Math.abs(b.total.cost - (b.total.toAccounts + b.total.unused - b.total.overCapacity))).toBeLessThan(0.005);
        // A trace's sources add up to each line's amount.
        for (const l of traceAccount(setup, 'acme')) expect(l.sources.reduce((s, x) => s + x.amount, 0)).toBeCloseTo(l.amount, 6);
      }),
      { numRuns: 200 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, applyAllocation, overCapacity } from '../../../shared/engine/allocation';
import { toColumns } from '../../../shared/engine/columns';
import { computeColumns } from '../../../shared/engine/sheet';
import { DEFAULT_ASSUMPTIONS } from '../../../shared/schemas/assumptions';
import { AllocationModes, CostPool, type DriverCount } from '../../../shared/schemas/pools';
import { rows } from './helpers';

// Kaplan and Anderson, "Time-Driven Activity-Based Costing", HBR 2004: the customer-service department.
const hbr = CostPool.parse({
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
// 49,000 orders, 1,400 inquiries and 2,500 credit checks spread over three accounts.
const hbrDrivers: DriverCount[] = [
  { account: 'Acme', activity: 'Orders', count: 30_000 },
  { account: 'Beta', activity: 'Orders', count: 15_000 },
  { account: 'Cara', activity: 'Orders', count: 4_000 },
  { account: 'Acme', activity: 'Inquiries', count: 400 },
  { account: 'Beta', activity: 'Inquiries', count: 1_000 },
  { account: 'Acme', activity: 'Credit checks', count: 500 },
  { account: 'Cara', activity: 'credit checks', count: 2_000 },
];
const modes = (patch: Partial<AllocationModes> = {}) => AllocationModes.parse(patch);

describe('time-driven allocation', () => {
  it("gives HBR's published figures: $0.80 a minute, 578,600 minutes, $462,880 assigned, $97,120 unused", () => {
    const { pools, allocations } = allocate([hbr], hbrDrivers);
    expect(pools).toEqual([{ pool: 'Customer service', cost: 560_000, capacityMinutes: 700_000, rate: 0.8, usedMinutes: 578_600, allocated: 462_880, unused: 97_120, stage: 1, received: 0, passed: 0 }]);
    expect(overCapacity(pools[0]!)).toBe(false);
    const of = (account: string) => allocations.filter((l) => l.account === account).reduce((s, l) => s + l.amount, 0);
    // Acme: (30,000 x 8 + 400 x 44 + 500 x 50) x 0.8 = 282,600 x 0.8
    expect(of('Acme')).toBeCloseTo(226_080, 6);
    expect(of('Beta')).toBeCloseTo((15_000 * 8 + 1_000 * 44) * 0.8, 6);
    expect(of('Cara')).toBeCloseTo((4_000 * 8 + 2_000 * 50) * 0.8, 6);
    expect(allocations.find((l) => l.account === 'Cara' && l.activity === 'Credit checks')).toMatchObject({ pool: 'Customer service', bucket: 'service', amount: 80_000 });
  });

  it('flags a pool whose activities use more minutes than its capacity', () => {
    const { pools } = allocate([{ ...hbr, capacityMinutes: 500_000 }], hbrDrivers);
    expect(pools[0]!.unused).toBeLessThan(0);
    expect(overCapacity(pools[0]!)).toBe(true);
  });

  it('adds the allocation to the typed bucket, or replaces it, per bucket, and leaves the typed columns alone', () => {
    const columns = toColumns(rows([
      { account: 'Acme', revenue: 500_000, service: 1_000, labour: 7 },
      { account: 'Beta', revenue: 200_000, service: 2_000 },
      { account: 'Cara', revenue: 100_000, service: 3_000 },
      { account: 'Dell', revenue: 50_000, service: 4_000 },
    ]));
    const { allocations } = allocate([hbr], hbrDrivers);
    const added = applyAllocation(columns, allocations, modes());
    expect(Array.from(added.service)).toEqual([227_080, 131_200 + 2_000, 105_600 + 3_000, 4_000]);
    const replaced = applyAllocation(columns, allocations, modes({ service: 'replace' }));
    expect(Array.from(replaced.service)).toEqual([226_080, 131_200, 105_600, 0]);
    expect(Array.from(columns.service)).toEqual([1_000, 2_000, 3_000, 4_000]);
    expect(replaced.labour).toBe(columns.labour);
    const profit = computeColumns(added, DEFAULT_ASSUMPTIONS).figures.profit;
    expect(profit).toBeCloseTo(850_000 - 10_007 - 462_880, 6);
  });
});

const pool = fc.record({
  cost: fc.integer({ min: 0, max: 10_000_000 }),
  capacityMinutes: fc.integer({ min: 1, max: 10_000_000 }),
  minutes: fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 4 }),
});
const counts = (activities: number) => fc.array(fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: activities, maxLength: activities }), { minLength: 1, maxLength: 6 });

describe('allocation properties', () => {
  it('allocations plus unused capacity equal the pool cost', () => {
    fc.assert(
      fc.property(pool.chain((p) => fc.tuple(fc.constant(p), counts(p.minutes.length))), ([p, perAccount]) => {
        const setup = CostPool.parse({ name: 'P', cost: p.cost, capacityMinutes: p.capacityMinutes, bucket: 'labour', activities: p.minutes.map((m, k) => ({ name: `a${k}`, minutesPerUnit: m })) });
        const drivers = perAccount.flatMap((cs, i) => cs.map((count, k) => ({ account: `acct ${i}`, activity: `a${k}`, count })));
        const { pools, allocations } = allocate([setup], drivers);
        const total = allocations.reduce((s, l) => s + l.amount, 0);
        // Equal up to the rounding of sums of doubles: a billionth of the amounts involved.
        expect(Math.abs(total + pools[0]!.unused - p.cost)).toBeLessThanOrEqual(1e-9 * Math.max(1, p.cost, pools[0]!.allocated));
      }),
      { numRuns: 300 },
    );
  });

  it("doubling one account's driver count doubles its allocation of that activity, and nobody else's", () => {
    fc.assert(
      fc.property(pool.chain((p) => fc.tuple(fc.constant(p), counts(p.minutes.length), fc.nat(), fc.nat())), ([p, perAccount, who, which]) => {
        const setup = CostPool.parse({ name: 'P', cost: p.cost, capacityMinutes: p.capacityMinutes, bucket: 'service', activities: p.minutes.map((m, k) => ({ name: `a${k}`, minutesPerUnit: m })) });
        const i = who % perAccount.length;
        const k = which % p.minutes.length;
        const drivers = perAccount.flatMap((cs, a) => cs.map((count, j) => ({ account: `acct ${a}`, activity: `a${j}`, count })));
        const doubled = drivers.map((d) => (d.account === `acct ${i}` && d.activity === `a${k}` ? { ...d, count: d.count * 2 } : d));
        const amount = (lines: ReturnType<typeof allocate>['allocations'], account: string, activity: string) => lines.find((l) => l.account === account && l.activity === activity)?.amount ?? 0;
        const before = allocate([setup], drivers).allocations;
        const after = allocate([setup], doubled).allocations;
        expect(amount(after, `acct ${i}`, `a${k}`)).toBeCloseTo(2 * amount(before, `acct ${i}`, `a${k}`), 6);
        for (const d of drivers) if (!(d.account === `acct ${i}` && d.activity === `a${k}`)) expect(amount(after, d.account, d.activity)).toBe(amount(before, d.account, d.activity));
      }),
      { numRuns: 300 },
    );
  });
});

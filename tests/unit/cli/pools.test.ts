import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/schemas/report';
import { csv, cpw, cpwJson, sha256, useTempDir } from '../../helpers';

interface AllocateJson {
  pools: { pool: string; cost: number; capacityMinutes: number; rate: number; usedMinutes: number; allocated: number; unused: number }[];
  allocations: { account: string; pool: string; activity: string; bucket: string; amount: number }[];
}

describe('cpw pools and cpw allocate', () => {
  const tmp = useTempDir();

  /** A workbook of four accounts and HBR's customer-service department (Kaplan and Anderson, 2004), as files on disk. */
  async function hbrBook() {
    const dir = tmp();
    const book = join(dir, 'w.cpw');
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const sheet = file('sheet.csv', csv(['account', 'revenue', 'service'], [['Acme', 500_000, 1_000], ['Beta', 200_000, 2_000], ['Cara', 100_000, 3_000], ['Dell', 50_000, 4_000]]));
    expect((await cpw(['new', book])).code).toBe(0);
    expect((await cpw(['import', book, sheet, '--period', '2026-Q1'])).code).toBe(0);
    const files = {
      pools: file('pools.csv', csv(['pool', 'cost', 'capacityMinutes', 'bucket'], [['Customer service', 560_000, 700_000, 'service']])),
      activities: file('activities.csv', csv(['pool', 'activity', 'minutesPerUnit'], [['Customer service', 'Orders', 8], ['Customer service', 'Inquiries', 44], ['Customer service', 'Credit checks', 50]])),
      // 49,000 orders, 1,400 inquiries and 2,500 credit checks spread over three accounts.
      drivers: file('drivers.csv', csv(['account', 'Orders', 'Inquiries', 'Credit checks'], [['Acme', 30_000, 400, 500], ['Beta', 15_000, 1_000, ''], ['Cara', 4_000, '', 2_000]])),
    };
    return { dir, book, file, files };
  }

  it("loads pools, activities and drivers and allocates HBR's published figures", async () => {
    const { book, files } = await hbrBook();
    const loaded = await cpw(['pools', book, '--period', '2026-Q1', '--pools', files.pools, '--activities', files.activities, '--drivers', files.drivers]);
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(loaded.stdout).toContain('Period 2026-Q1: 1 pools, 3 activities, 7 driver counts');
    const out = await cpwJson<AllocateJson>(['allocate', book, '--period', '2026-Q1', '--json']);
    expect(out.pools).toEqual([{ pool: 'Customer service', cost: 560_000, capacityMinutes: 700_000, rate: 0.8, usedMinutes: 578_600, allocated: 462_880, unused: 97_120, stage: 1, received: 0, passed: 0 }]);
    expect(Object.keys(out)).toEqual(['pools', 'allocations']);
    expect(out.allocations).toContainEqual({ account: 'Cara', pool: 'Customer service', activity: 'Credit checks', bucket: 'service', amount: 80_000, kind: 'time', level: null, count: 2_000, minutes: 100_000, rate: 0.8 });
    const total = out.allocations.reduce((s, a) => s + a.amount, 0);
    expect(total + out.pools[0]!.unused).toBeCloseTo(560_000, 6);
    const text = await cpw(['allocate', book]);
    expect(text.stdout).toContain('Customer service: $560,000 over 700,000 min = $0.80/min; used 578,600 min, allocated $462,880, unused $97,120');

    // The report puts the allocation in the service bucket, added to what was typed.
    const report = await cpwJson<Report>(['report', book, '--json']);
    expect(report.accounts.map((a) => [a.account, a.service])).toEqual([['Acme', 227_080], ['Beta', 133_200], ['Cara', 108_600], ['Dell', 4_000]]);
    expect(report.portfolio.service).toBe(462_880 + 10_000);
    expect((await cpw(['check', book])).code).toBe(0);
  }, 60_000);

  it('refuses a bad file whole, naming the file, row and column, and leaves the workbook as it was', async () => {
    const { book, file, files } = await hbrBook();
    await cpw(['pools', book, '--period', '2026-Q1', '--pools', files.pools, '--activities', files.activities, '--drivers', files.drivers]);
    const before = sha256(book);
    const bad = file('bad-activities.csv', csv(['pool', 'activity', 'minutesPerUnit'], [['Customer service', 'Orders', 8], ['Billing', 'Invoices', 3], ['Customer service', 'Inquiries', 'lots']]));
    const r = await cpw(['pools', book, '--period', '2026-Q1', '--activities', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad-activities.csv: nothing was imported');
    expect(r.stderr).toContain('row 3, column pool: value "Billing" — no pool "Billing" (the pools are Customer service)');
    expect(r.stderr).toContain('row 4, column minutesPerUnit: value "lots" — must be a number, 0 or more');
    const stranger = file('stranger.csv', csv(['account', 'Orders'], [['Acme', 5], ['Nobody Inc', 3]]));
    const s = await cpw(['pools', book, '--period', '2026-Q1', '--drivers', stranger]);
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('account "Nobody Inc" is not in this period');
    expect(sha256(book)).toBe(before);
    expect((await cpwJson<AllocateJson>(['allocate', book, '--json'])).pools[0]!.allocated).toBe(462_880);
    expect((await cpw(['pools', book, '--period', '2026-Q1', '--lines', files.drivers])).code).toBe(2);
  }, 60_000);

  it('warns of a pool whose activities use more minutes than its capacity, and still shows the negative unused capacity', async () => {
    const { book, file, files } = await hbrBook();
    const small = file('small.csv', csv(['pool', 'cost', 'capacityMinutes', 'bucket'], [['Customer service', 560_000, 500_000, 'service']]));
    await cpw(['pools', book, '--period', '2026-Q1', '--pools', small, '--activities', files.activities, '--drivers', files.drivers]);
    const r = await cpw(['allocate', book, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: pool "Customer service" uses 578,600 minutes of a 500,000-minute capacity');
    const out = JSON.parse(r.stdout) as AllocateJson;
    expect(out.pools[0]!.rate).toBe(1.12);
    expect(out.pools[0]!.unused).toBeCloseTo(560_000 - 578_600 * 1.12, 6);
  }, 60_000);

  it('counts thousands of transaction lines per account as one activity, all or nothing', async () => {
    const { book, file, files } = await hbrBook();
    await cpw(['pools', book, '--period', '2026-Q1', '--pools', files.pools, '--activities', files.activities, '--drivers', files.drivers]);
    // An ERP export: one row per order line, the customer in a column of its own name.
    const accounts = ['Acme', 'Beta', 'Cara', 'Dell'];
    const lines = Array.from({ length: 6_000 }, (_, k) => [`SO-${100000 + k}`, `2026-0${1 + (k % 3)}-15`, accounts[k % 4]!, 1 + (k % 5)]);
    const orders = file('orders.csv', csv(['Order', 'Date', 'Customer', 'Quantity'], lines));
    const r = await cpw(['pools', book, '--period', '2026-Q1', '--lines', orders, '--activity', 'orders']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('6,000 transaction lines counted');
    const out = await cpwJson<AllocateJson>(['allocate', book, '--json']);
    const orderLines = out.allocations.filter((a) => a.activity === 'Orders');
    expect(orderLines.map((a) => [a.account, a.amount])).toEqual(accounts.map((a) => [a, 1_500 * 8 * 0.8]));
    // The other activities keep their counts from drivers.csv.
    expect(out.allocations.find((a) => a.account === 'Cara' && a.activity === 'Credit checks')!.amount).toBe(80_000);

    // Summed over a column instead of counted: quantities 1..5 repeat, so each account's sum is known.
    const summed = await cpw(['pools', book, '--period', '2026-Q1', '--lines', orders, '--activity', 'Orders', '--sum-column', 'Quantity']);
    expect(summed.code, summed.stderr).toBe(0);
    const sums = accounts.map((_, i) => lines.filter((_, k) => k % 4 === i).reduce((s, l) => s + (l[3] as number), 0));
    const after = await cpwJson<AllocateJson>(['allocate', book, '--json']);
    expect(after.allocations.filter((a) => a.activity === 'Orders').map((a) => a.amount)).toEqual(sums.map((n) => n * 8 * 0.8));

    // One line of an account the period lacks refuses the whole file.
    const before = sha256(book);
    const strange = file('strange.csv', csv(['Order', 'Customer'], [...lines.slice(0, 3000).map((l) => [l[0]!, l[2]!]), ['SO-1', 'Unknown Customer']]));
    const refused = await cpw(['pools', book, '--period', '2026-Q1', '--lines', strange, '--activity', 'Orders']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('account "Unknown Customer" is not in this period');
    expect(sha256(book)).toBe(before);
  }, 60_000);
});

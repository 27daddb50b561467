import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/schemas/report';
import type { AllocationLine, Balance, PoolFigures, TraceLine } from '../../../shared/schemas/pools';
import { csv, cpw, cpwJson, sha256, useTempDir } from '../../helpers';

// Issue 23: costing as Kaplan and Anderson, SAP and Oracle do it, through the real command line on a workbook file.

interface AllocateJson {
  pools: PoolFigures[];
  allocations: AllocationLine[];
}

describe('cpw pools and cpw allocate: equations, rates, two stages and the tie-out', () => {
  const tmp = useTempDir();

  /** A workbook of four accounts in 2026-Q1, and a way to write the costing files beside it. */
  async function book() {
    const dir = tmp();
    const path = join(dir, 'w.cpw');
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const sheet = file('sheet.csv', csv(['account', 'revenue', 'service', 'distribution'], [['Acme', 500_000, 1_000, 10], ['Beta', 200_000, 2_000, 20], ['Cara', 100_000, 3_000, 30], ['Dell', 50_000, 4_000, 40]]));
    expect((await cpw(['new', path])).code).toBe(0);
    expect((await cpw(['import', path, sheet, '--period', '2026-Q1'])).code).toBe(0);
    const pools = async (...args: string[]) => {
      const r = await cpw(['pools', path, '--period', '2026-Q1', ...args]);
      expect(r.code, r.stderr).toBe(0);
      return r;
    };
    return { dir, path, file, pools };
  }

  it("applies Hunter's order-entry equation to each transaction line: 4 items, new customer, expedited = 5 + 12 + 15 + 10 = 42 minutes", async () => {
    const { path, file, pools } = await book();
    await pools(
      '--pools', file('pools.csv', csv(['pool', 'cost', 'capacityMinutes', 'bucket'], [['Order handling', 10_000, 10_000, 'service']])),
      '--activities', file('activities.csv', csv(['pool', 'activity', 'minutesPerUnit', 'level'], [['Order handling', 'Order entry', 0, 'order']])),
      '--equations', file('equations.csv', csv(['pool', 'activity', 'minutes', 'attribute', 'equals'], [
        ['Order handling', 'Order entry', 5, '', ''],
        ['Order handling', 'Order entry', 3, 'lines', ''],
        ['Order handling', 'Order entry', 15, 'newCustomer', 'yes'],
        ['Order handling', 'Order entry', 10, 'expedited', 'yes'],
      ])),
    );
    // The ERP's order lines: the equation's columns, and one it does not name (kept out of the workbook).
    const orders = file('orders.csv', csv(['Order', 'Customer', 'lines', 'newCustomer', 'expedited', 'Region'], [
      ['SO-1', 'Acme', 4, 'yes', 'Yes', 'EMEA'], // 5 + 12 + 15 + 10 = 42
      ['SO-2', 'Beta', 2, 'no', 'no', 'EMEA'], // 5 + 6 = 11
      ['SO-3', 'Beta', 1, 'no', 'yes', 'APAC'], // 5 + 3 + 10 = 18
    ]));
    const loaded = await pools('--lines', orders, '--activity', 'order entry');
    expect(loaded.stdout).toContain('3 transaction lines counted');
    const out = await cpwJson<AllocateJson>(['allocate', path, '--json']);
    expect(out.allocations.map((l) => [l.account, l.kind, l.level, l.count, l.minutes, l.amount])).toEqual([
      ['Acme', 'equation', 'order', 1, 42, 42],
      ['Beta', 'equation', 'order', 2, 29, 29],
    ]);
    expect(out.pools[0]).toMatchObject({ usedMinutes: 71, rate: 1, allocated: 71, unused: 10_000 - 71 });
    const trace = await cpwJson<{ account: string; lines: TraceLine[] }>(['allocate', path, '--trace', 'acme', '--json']);
    expect(trace.account).toBe('Acme');
    expect(trace.lines).toEqual([expect.objectContaining({ pool: 'Order handling', stage: 1, activity: 'Order entry', kind: 'equation', count: 1, minutes: 42, rate: 1, amount: 42, sources: [{ pool: 'Order handling', amount: 42 }] })]);
    const people = await cpw(['allocate', path, '--trace', 'Acme']);
    expect(people.stdout).toContain('stage 1 Order handling · Order entry: 1 → 42 min (time equation) × $1.00/min = $42 into Post-sale service, order level');

    // A line without an attribute the equation names, or of the wrong type, is refused with its row and column; nothing is written.
    const before = sha256(path);
    const bad = file('bad.csv', csv(['Customer', 'lines', 'newCustomer', 'expedited'], [['Acme', 4, 'yes', 'yes'], ['Beta', 'many', 'no', 'no'], ['Cara', 1, '', 'no']]));
    const refused = await cpw(['pools', path, '--period', '2026-Q1', '--lines', bad, '--activity', 'Order entry']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('row 3, column lines: value "many" — must be a number, 0 or more');
    expect(refused.stderr).toContain('row 4, column newCustomer');
    const lacking = file('lacking.csv', csv(['Customer', 'lines', 'newCustomer'], [['Acme', 4, 'yes']]));
    const missing = await cpw(['pools', path, '--period', '2026-Q1', '--lines', lacking, '--activity', 'Order entry']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no column "expedited" in the header row, which the equation of "Order entry" names');
    // An equation naming an attribute the kept lines lack is refused, naming it, until the lines come again with it.
    const weight = file('weight.csv', csv(['pool', 'activity', 'minutes', 'attribute', 'equals'], [['Order handling', 'Order entry', 5, '', ''], ['Order handling', 'Order entry', 0.5, 'weightKg', '']]));
    const noWeight = await cpw(['pools', path, '--period', '2026-Q1', '--equations', weight]);
    expect(noWeight.code).toBe(1);
    expect(noWeight.stderr).toContain('the equation of "Order entry" names "weightKg" as a number, which its transaction lines were imported without');
    const negative = file('negative.csv', csv(['pool', 'activity', 'minutes', 'attribute', 'equals'], [['Order handling', 'Order entry', -5, '', '']]));
    const neg = await cpw(['pools', path, '--period', '2026-Q1', '--equations', negative]);
    expect(neg.code).toBe(1);
    expect(neg.stderr).toContain('row 2, column minutes: value "-5" — must be a number, 0 or more');
    expect(sha256(path)).toBe(before);
    // The equation and the lines that carry its new column, in one command.
    const heavy = file('heavy.csv', csv(['Customer', 'weightKg'], [['Acme', 10], ['Acme', 30]]));
    await pools('--equations', weight, '--lines', heavy, '--activity', 'Order entry');
    const now = await cpwJson<AllocateJson>(['allocate', path, '--json']);
    expect(now.allocations.map((l) => [l.account, l.count, l.minutes])).toEqual([['Acme', 2, 2 * 5 + 0.5 * 40]]);
  }, 90_000);

  it('ties out HBR, the warehouse and the call centre to the cent, with rates never rounded', async () => {
    const { path, file, pools } = await book();
    await pools(
      '--pools', file('pools.csv', csv(['pool', 'cost', 'capacityMinutes', 'bucket'], [
        ['Customer service', 560_000, 700_000, 'service'],
        ['Warehouse', 2_980_800, 4_140_000, 'distribution'],
        // 50 people x 365 days x 11 hours x 55 minutes.
        ['Call centre', 7_620_000, 50 * 365 * 11 * 55, 'service'],
      ])),
      '--activities', file('activities.csv', csv(['pool', 'activity', 'minutesPerUnit'], [
        ['Customer service', 'Orders', 8], ['Customer service', 'Inquiries', 44], ['Customer service', 'Credit checks', 50],
        ['Warehouse', 'Picks', 10], ['Call centre', 'Calls', 10],
      ])),
      '--drivers', file('drivers.csv', csv(['account', 'Orders', 'Inquiries', 'Credit checks', 'Picks', 'Calls'], [
        ['Acme', 30_000, 400, 500, 200_000, 600_000], ['Beta', 15_000, 1_000, '', 100_000, 400_000], ['Cara', 4_000, '', 2_000, 80_000, 100_000],
      ])),
    );
    const out = await cpwJson<AllocateJson>(['allocate', path, '--json']);
    const pool = (name: string) => out.pools.find((p) => p.pool === name)!;
    expect(pool('Customer service')).toMatchObject({ rate: 0.8, usedMinutes: 578_600, allocated: 462_880, unused: 97_120 });
    expect(pool('Warehouse')).toMatchObject({ rate: 0.72, usedMinutes: 3_800_000 });
    expect(pool('Warehouse').unused).toBeCloseTo(244_800, 6);
    expect(pool('Call centre').capacityMinutes).toBe(11_041_250);
    expect(pool('Call centre').rate).toBe(7_620_000 / 11_041_250);
    expect(pool('Call centre').rate.toFixed(6)).toBe('0.690139');
    expect(pool('Call centre').unused).toBeCloseTo(28_468.24, 2); // a rate rounded to $0.69 would leave $28,462.50
    const r = await cpw(['allocate', path, '--balance', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const balance = JSON.parse(r.stdout) as Balance;
    expect(Object.keys(balance)).toEqual(['pools', 'buckets', 'total']);
    expect(balance.pools.map((p) => [p.pool, p.stage, p.toPools, +p.unused.toFixed(2), p.overCapacity, p.balanced])).toEqual([
      ['Customer service', 1, 0, 97_120, 0, true],
      ['Warehouse', 1, 0, 244_800, 0, true],
      ['Call centre', 1, 0, 28_468.24, 0, true],
    ]);
    const service = balance.buckets.find((b) => b.bucket === 'service')!;
    expect(service).toMatchObject({ mode: 'add', before: 10_000, balanced: true });
    expect(service.after).toBeCloseTo(10_000 + 462_880 + 11_000_000 * (7_620_000 / 11_041_250), 6); // 1,100,000 calls of 10 minutes
    expect(balance.total).toMatchObject({ cost: 560_000 + 2_980_800 + 7_620_000, balanced: true });
    const report = await cpwJson<Report>(['report', path, '--json']);
    expect(report.portfolio.service).toBeCloseTo(service.after, 6);
    const text = await cpw(['allocate', path, '--balance']);
    expect(text.stdout).toContain('stage 1 Call centre: $7,620,000.00 + $0.00 received = $7,591,531.76 to accounts + $0.00 to pools + $28,468.24 unused: ties out');
  }, 90_000);

  it('runs two stages: IT passes 60% and 40% to two pools, rate-based activities cost per unit, and every dollar ties out', async () => {
    const { dir, path, file, pools } = await book();
    await pools(
      '--pools', file('pools.csv', csv(['pool', 'cost', 'capacityMinutes', 'bucket'], [
        ['IT', 100_000, 1, 'labour'],
        ['Customer service', 560_000, 700_000, 'service'],
        ['Delivery', 50_000, 1, 'distribution'],
      ])),
      '--activities', file('activities.csv', csv(['pool', 'activity', 'minutesPerUnit', 'costPerUnit', 'level'], [
        ['Customer service', 'Orders', 8, '', 'order'],
        ['Delivery', 'Store deliveries', '', 50, 'delivery'],
        ['Delivery', 'Cartons', '', 1, 'delivery'],
      ])),
      '--feeds', file('feeds.csv', csv(['pool', 'to', 'basis', 'share'], [['IT', 'Customer service', 'split', '60%'], ['IT', 'Delivery', 'split', '40%']])),
      '--drivers', file('drivers.csv', csv(['account', 'Orders', 'Store deliveries', 'Cartons'], [['Acme', 30_000, 100, 2_000], ['Beta', 19_000, 50, 1_000]])),
    );
    const r = await cpw(['allocate', path, '--balance', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const balance = JSON.parse(r.stdout) as Balance;
    expect(balance.pools.map((p) => [p.pool, p.stage, p.cost, p.received, p.toPools])).toEqual([
      ['IT', 1, 100_000, 0, 100_000],
      ['Customer service', 2, 560_000, 60_000, 0],
      ['Delivery', 2, 50_000, 40_000, 0],
    ]);
    // Customer service: (560,000 + 60,000) / 700,000 a minute x 392,000 minutes; Delivery: 150 x $50 + 3,000 x $1.
    const cs = balance.pools[1]!;
    expect(cs.toAccounts).toBeCloseTo(392_000 * (620_000 / 700_000), 6);
    expect(cs.unused).toBeCloseTo(308_000 * (620_000 / 700_000), 6);
    expect(balance.pools[2]).toMatchObject({ toAccounts: 10_500, unused: 79_500, overCapacity: 0 });
    for (const p of balance.pools) expect(Math.abs(p.cost + p.received - (p.toAccounts + p.toPools + p.unused - p.overCapacity))).toBeLessThan(0.005);
    expect(balance.pools.every((p) => p.balanced)).toBe(true);
    expect(balance.total.cost).toBe(710_000);
    expect(balance.total.toAccounts + balance.total.unused).toBeCloseTo(710_000, 6);
    // The labour bucket IT names is fed by nobody: IT passes its whole cost on.
    expect(balance.buckets.find((b) => b.bucket === 'labour')).toMatchObject({ allocated: 0, before: 0, after: 0, balanced: true });
    const trace = await cpwJson<{ lines: TraceLine[] }>(['allocate', path, '--trace', 'Acme', '--json']);
    const orders = trace.lines.find((l) => l.activity === 'Orders')!;
    expect(orders.stage).toBe(2);
    expect(orders.sources.map((s) => s.pool)).toEqual(['Customer service', 'IT']);
    expect(orders.sources[1]!.amount).toBeCloseTo(orders.amount * (60_000 / 620_000), 6);
    expect(trace.lines.filter((l) => l.kind === 'rate').map((l) => [l.activity, l.count, l.minutes, l.rate, l.amount, l.level])).toEqual([
      ['Store deliveries', 100, null, 50, 5_000, 'delivery'],
      ['Cartons', 2_000, null, 1, 2_000, 'delivery'],
    ]);

    // Exported with the rest, and opened in LibreOffice as a spreadsheet user would: a sheet per part, each figure as the app has it.
    const out = join(dir, 'q1.xlsx');
    expect((await cpw(['export', path, '--period', '2026-Q1', '--out', out])).code).toBe(0);
    execFileSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,true,false,false,-1', '--outdir', dir, out], { stdio: 'ignore', timeout: 120_000 });
    const sheet = Papa.parse<string[]>(readFileSync(join(dir, 'q1-Cost pools tie-out.csv'), 'utf8').trim()).data;
    expect(sheet[0]).toEqual(['Pool', 'Stage', 'Cost', 'Received from pools', 'To accounts', 'To other pools', 'Unused capacity', 'Over capacity', 'Ties out']);
    expect(sheet.slice(1, 4).map((r) => [r[0], r[1], r[2], r[3], r[5], r[8]])).toEqual([
      ['IT', '1', '$100,000.00', '$0.00', '$100,000.00', 'yes'],
      ['Customer service', '2', '$560,000.00', '$60,000.00', '$0.00', 'yes'],
      ['Delivery', '2', '$50,000.00', '$40,000.00', '$0.00', 'yes'],
    ]);
    expect(sheet[4]!.slice(0, 3)).toEqual(['All pools', '', '$710,000.00']);
    const lines = Papa.parse<string[]>(readFileSync(join(dir, 'q1-Allocated cost.csv'), 'utf8').trim()).data;
    expect(lines.find((r) => r[0] === 'Acme' && r[2] === 'Cartons')).toEqual(['Acme', 'Delivery', 'Cartons', 'Distribution', 'delivery', 'cost per unit', '2000', '', '1', '$2,000.00']);

    // The workshop PDF has a page for it: the tie-out, and each account's allocated cost by level of the hierarchy.
    const pdf = join(dir, 'q1.pdf');
    const made = await cpw(['report', path, '--period', '2026-Q1', '--pdf', pdf]);
    expect(made.code, made.stderr).toBe(0);
    const words = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(words).toContain('Cost pools: where every dollar went');
    expect(words).toMatch(/IT\s+1\s+\$100,000\.00\s+\$0\.00\s+\$0\.00\s+\$100,000\.00\s+\$0\.00\s+\$0\.00\s+yes/);
    expect(words).toContain('Allocated cost by level of the customer cost hierarchy');
    const acme = cs.toAccounts * (30_000 / 49_000);
    const money = (v: number) => `$${Math.round(v).toLocaleString('en-US')}`;
    expect(words).toMatch(new RegExp(`Acme\\s+${money(acme).replace('$', '\\$')}\\s+\\$7,000\\s+${money(acme + 7_000).replace('$', '\\$')}`));
  }, 120_000);

  it('refuses a pool feeding itself, a cycle, a split not adding to 100% and a negative rate, naming the place; nothing is saved', async () => {
    const { path, file, pools } = await book();
    await pools('--pools', file('pools.csv', csv(['pool', 'cost', 'capacityMinutes', 'bucket'], [['IT', 100, 1, 'labour'], ['HR', 50, 1, 'labour'], ['Support', 1_000, 100, 'service']])));
    const before = sha256(path);
    const refused = async (name: string, rows: (string | number)[][], header = ['pool', 'to', 'basis', 'share'], part = '--feeds') => {
      const r = await cpw(['pools', path, '--period', '2026-Q1', part, file(name, csv(header, rows))]);
      expect(r.code).toBe(1);
      return r.stderr;
    };
    expect(await refused('self.csv', [['IT', 'IT', 'split', '100%']])).toContain('pool "IT" cannot pass cost to itself');
    expect(await refused('cycle.csv', [['IT', 'HR', 'split', '100%'], ['HR', 'IT', 'split', '100%']])).toContain('pools pass cost round in a cycle: IT -> HR -> IT');
    expect(await refused('split.csv', [['IT', 'HR', 'split', '60%'], ['IT', 'Support', 'split', '30%']])).toContain('the split of pool "IT" adds to 90%, not 100%');
    expect(await refused('percent.csv', [['IT', 'Support', 'split', '60']])).toContain('row 2, column share: value "60" — a split is a percentage like 60% or a fraction like 0.6');
    expect(await refused('unknown.csv', [['IT', 'Billing', 'split', '100%']])).toContain('row 2, column to: value "Billing" — no pool "Billing"');
    expect(await refused('rate.csv', [['Support', 'Cartons', '', -1]], ['pool', 'activity', 'minutesPerUnit', 'costPerUnit'], '--activities')).toContain('row 2, column costPerUnit: value "-1" — must be a number, 0 or more');
    expect(sha256(path)).toBe(before);
  }, 90_000);
});

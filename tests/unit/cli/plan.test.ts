import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Report } from '../../../shared/schemas/report';
import { contentOf, ENGINES, newLocation } from '../../engines';
import { cpw, cpwJson, csv, useTempDir } from '../../helpers';

// Issue 24, item 6 (DOMAIN.md, "Plan, dimensions"): a plan beside the actuals, imported with --plan or copied from
// them, and `cpw report --json` carrying "plan" and "variance"; a period filled from another, empty cells only.
// The real cpw over a real workbook, a file and a PostgreSQL schema alike.

const HEADER = ['account', 'owner', 'revenue', 'presale', 'production', 'service', 'meetings', 'calls', 'csat'];
// No meetings or calls: total cost is the buckets' sum, every figure below worked by hand.
const ACTUALS = [
  ['Acme', 'Ann', 1000, 100, 200, 0, 0, 0, ''],
  ['Beta', 'Bob', 500, 0, 600, 0, 0, 0, 4],
];
// The plan names another owner for Acme: the account keeps Ann.
const PLAN = [
  ['Acme', 'Zed', 1200, 100, 300, 0, 0, 0, 5],
  ['Beta', 'Bob', 800, 0, 400, 0, 0, 0, ''],
];

async function ok(args: string[]): Promise<string> {
  const r = await cpw(args);
  expect(r.code, `cpw ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

describe.each(ENGINES)('plan vs actual with cpw (%s)', (engine) => {
  const tmp = useTempDir();

  function workbookWithPlan() {
    const book = newLocation(engine, tmp(), 'plan');
    const actuals = join(tmp(), 'actuals.csv');
    const plan = join(tmp(), 'plan.csv');
    writeFileSync(actuals, csv(HEADER, ACTUALS));
    writeFileSync(plan, csv(HEADER, PLAN));
    return { book, actuals, plan };
  }

  it('imports a plan with --plan; report --json then has plan and variance, actual minus plan', async () => {
    const { book, actuals, plan } = workbookWithPlan();
    await ok(['new', book]);
    await ok(['import', book, actuals, '--period', 'Q1']);
    const before = await cpw(['report', book, '--json']);
    expect(Object.keys(JSON.parse(before.stdout))).toEqual(['period', 'currency', 'assumptions', 'accounts', 'portfolio']);

    const imported = await ok(['import', book, plan, '--period', 'Q1', '--plan']);
    expect(imported).toContain('Imported 2 rows into the plan of period Q1');
    expect(imported).toContain("The plan's owner column was not written to the accounts");

    const text = (await cpw(['report', book, '--json'])).stdout;
    const report = Report.parse(JSON.parse(text));
    expect(Object.keys(JSON.parse(text))).toEqual(['period', 'currency', 'assumptions', 'accounts', 'portfolio', 'plan', 'variance']);
    // The streamed JSON is JSON.stringify's, byte for byte, with the plan's keys too.
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    // Actuals: revenue 1,500, cost 300 + 600 = 900, profit 600. Plan: revenue 2,000, cost 400 + 400 = 800, profit 1,200.
    expect(report.plan).toMatchObject({ count: 2, revenue: 2000, presale: 100, production: 700, totalCost: 800, profit: 1200, margin: 0.6, roi: 1.5 });
    expect(report.plan).not.toHaveProperty('whaleCurve');
    expect(report.plan).not.toHaveProperty('byOwner');
    const v = report.variance!;
    expect({ count: v.count, revenue: v.revenue, presale: v.presale, production: v.production, service: v.service, totalCost: v.totalCost, profit: v.profit, meetings: v.meetings, calls: v.calls }).toEqual({
      count: 0,
      revenue: -500,
      presale: 0,
      production: 100,
      service: 0,
      totalCost: 100,
      profit: -600,
      meetings: 0,
      calls: 0,
    });
    expect(v.margin).toBeCloseTo(600 / 1500 - 1200 / 2000, 12);
    expect(v.roi).toBeCloseTo(600 / 900 - 1200 / 800, 12);
    // The actuals are the actuals: the plan changed no account's owner and no row.
    expect(report.accounts.map((a) => [a.account, a.owner, a.revenue])).toEqual([
      ['Acme', 'Ann', 1000],
      ['Beta', 'Bob', 500],
    ]);

    const printed = await ok(['report', book]);
    expect(printed).toContain('Plan vs actual');
    expect(printed).toMatch(/Profit\s+\$1,200\s+\$600\s+−\$600/);
    expect(printed).toMatch(/Margin\s+60\.0%\s+40\.0%\s+−20\.0 pts/);
  }, 120_000);

  it('refuses a bad plan sheet naming row and column, and writes nothing', async () => {
    const { book, actuals } = workbookWithPlan();
    await ok(['new', book]);
    await ok(['import', book, actuals, '--period', 'Q1']);
    const bad = join(tmp(), 'bad-plan.csv');
    writeFileSync(bad, csv(HEADER, [PLAN[0]!, ['Beta', 'Bob', -800, 0, 400, 0, 0, 0, '']]));
    const before = contentOf(book);
    const r = await cpw(['import', book, bad, '--period', 'Q1', '--plan']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/row 3, column revenue/);
    expect(r.stderr).toContain('nothing imported');
    expect(contentOf(book)).toBe(before);
    const report = JSON.parse((await cpw(['report', book, '--json'])).stdout) as object;
    expect(report).not.toHaveProperty('plan');
    // A new period named by a refused plan is not made either.
    expect((await cpw(['import', book, bad, '--period', 'Q9', '--plan'])).code).toBe(1);
    expect(contentOf(book)).toBe(before);
  }, 120_000);

  it('copies the actuals into the plan, fills its empty cells only, and clears it', async () => {
    const { book, actuals } = workbookWithPlan();
    await ok(['new', book]);
    await ok(['import', book, actuals, '--period', 'Q1']);
    const copied = await cpwJson<{ planRows: number }>(['plan', book, '--period', 'Q1', '--from-actuals', '--json']);
    expect(copied.planRows).toBe(2);
    const same = Report.parse(await cpwJson(['report', book, '--json']));
    expect(same.variance).toMatchObject({ revenue: 0, totalCost: 0, profit: 0, count: 0, margin: 0, roi: 0 });

    // A plan of Acme alone, its CSAT blank and its revenue planned higher: filling adds Beta, gives Acme a CSAT, keeps the revenue.
    const partial = join(tmp(), 'partial.csv');
    writeFileSync(partial, csv(HEADER, [['Acme', 'Ann', 1500, 100, 200, 0, 0, 0, '']]));
    await ok(['import', book, partial, '--period', 'Q1', '--plan']);
    const filled = await ok(['plan', book, '--period', 'Q1', '--from-actuals', '--empty-only']);
    expect(filled).toContain('1 account added, 0 empty cells filled');
    const after = Report.parse(await cpwJson(['report', book, '--json']));
    // Plan: Acme 1,500 (kept) + Beta 500 (added) = 2,000 of revenue.
    expect(after.plan!.revenue).toBe(2000);
    expect(after.variance!.revenue).toBe(-500);
    expect(after.plan!.count).toBe(2);
    // Again: nothing left to fill.
    expect(await ok(['plan', book, '--period', 'Q1', '--from-actuals', '--empty-only'])).toContain('0 accounts added, 0 empty cells filled');

    expect(await ok(['plan', book, '--period', 'Q1', '--clear'])).toContain('Cleared the plan of period Q1 (2 rows)');
    expect(JSON.parse((await cpw(['report', book, '--json'])).stdout)).not.toHaveProperty('variance');
    const usage = await cpw(['plan', book, '--period', 'Q1']);
    expect(usage.code).toBe(2);
  }, 120_000);

  it('fills an existing period from another, empty cells only', async () => {
    const { book, actuals } = workbookWithPlan();
    await ok(['new', book]);
    await ok(['import', book, actuals, '--period', 'Q1']);
    // Q2 has Acme with another revenue and no CSAT, and an account of its own.
    const q2 = join(tmp(), 'q2.csv');
    writeFileSync(q2, csv(HEADER, [['Acme', 'Ann', 10, 0, 0, 0, 0, 0, ''], ['Own', 'Ann', 5, 0, 0, 0, 0, 0, 2]]));
    await ok(['import', book, q2, '--period', 'Q2']);
    const done = await cpwJson<{ accounts: number; cells: number }>(['fill', book, '--period', 'Q2', '--from', 'Q1', '--json']);
    expect(done).toMatchObject({ period: 'Q2', from: 'Q1', accounts: 1, cells: 0 });
    const report = Report.parse(await cpwJson(['report', book, '--period', 'Q2', '--json']));
    expect(report.accounts.map((a) => [a.account, a.revenue, a.csat])).toEqual([
      ['Acme', 10, null],
      ['Own', 5, 2],
      ['Beta', 500, 4],
    ]);
    // Q1 takes Own from Q2, and Acme's blank CSAT stays blank (Q2 has none either); nothing of Q1 is overwritten.
    expect(await ok(['fill', book, '--period', 'Q1', '--from', 'Q2'])).toContain('Filled period Q1 from Q2, empty cells only: 1 account added, 0 empty cells filled');
    // Q3 of Acme alone with a blank CSAT, filled from Q2 where Beta has one: Beta comes as a copy.
    const q3 = join(tmp(), 'q3.csv');
    writeFileSync(q3, csv(HEADER, [['Beta', 'Bob', 1, 0, 0, 0, 0, 0, '']]));
    await ok(['import', book, q3, '--period', 'Q3']);
    expect(await ok(['fill', book, '--period', 'Q3', '--from', 'Q2'])).toContain('2 accounts added, 1 empty cell filled');
    const q3Report = Report.parse(await cpwJson(['report', book, '--period', 'Q3', '--json']));
    expect(q3Report.accounts.find((a) => a.account === 'Beta')).toMatchObject({ revenue: 1, csat: 4 });
  }, 120_000);
});

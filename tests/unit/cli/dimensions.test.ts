import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Report } from '../../../shared/schemas/report';
import { csv, cpw, sha256, useTempDir } from '../../helpers';

// Issue 24 item 5 through the real command line: `cpw import --dimension`, the report's JSON, the printed report and scenarios.

describe('cpw and dimensions', () => {
  const tmp = useTempDir();

  async function book(rows: (string | number)[][] = [
    ['Acme', 1_000, 100, 'EMEA'],
    ['Beta', 2_000, 300, 'EMEA'],
    ['Cara', 500, 600, 'Americas'],
    ['Dell', 800, 200, ''],
  ]) {
    const dir = tmp();
    const path = join(dir, 'w.cpw');
    const sheet = join(dir, 'sheet.csv');
    writeFileSync(sheet, csv(['Kunde', 'Umsatz', 'Service', 'Vertriebsregion'], rows));
    expect((await cpw(['new', path])).code).toBe(0);
    return { dir, path, sheet };
  }

  it('keeps a column as a dimension with --dimension, says so, and reports each account and each value', async () => {
    const { path, sheet } = await book();
    const done = await cpw(['import', path, sheet, '--period', 'Q1', '--dimension', 'region=Vertriebsregion']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('Column "Vertriebsregion" kept as dimension region: 3 accounts with a value (Americas, EMEA).');
    expect(done.stdout).not.toContain('Columns not imported');
    const r = await cpw(['report', path, '--period', 'Q1', '--json']);
    const report = Report.parse(JSON.parse(r.stdout));
    // Streamed in pieces, the JSON is byte for byte what JSON.stringify writes of the same report.
    expect(r.stdout.trimEnd()).toBe(JSON.stringify(JSON.parse(r.stdout), null, 2));
    expect(report.accounts.map((a) => [a.account, a.dimensions])).toEqual([
      ['Acme', { region: 'EMEA' }],
      ['Beta', { region: 'EMEA' }],
      ['Cara', { region: 'Americas' }],
      ['Dell', { region: null }],
    ]);
    expect(report.portfolio.byDimension).toEqual({
      region: [
        { value: 'EMEA', count: 2, revenue: 3_000, totalCost: 400, profit: 2_600, roi: 6.5, profitShare: 2_600 / 3_100 },
        { value: 'Americas', count: 1, revenue: 500, totalCost: 600, profit: -100, roi: -100 / 600, profitShare: -100 / 3_100 },
        { value: null, count: 1, revenue: 800, totalCost: 200, profit: 600, roi: 3, profitShare: 600 / 3_100 },
      ],
    });
    const printed = (await cpw(['report', path, '--period', 'Q1'])).stdout;
    expect(printed).toMatch(/region\s+Accounts\s+Revenue\s+Profit\s+ROI\s+Share of profit/);
    expect(printed).toMatch(/\(no region\)\s+1\s+\$800\s+\$600/);
  });

  it('a workbook without dimensions reports empty ones, so scripts read one shape', async () => {
    const { path, sheet } = await book();
    expect((await cpw(['import', path, sheet, '--period', 'Q1'])).stdout).toContain('Columns not imported (no matching field; use --map, or --dimension name=Header to keep one): Vertriebsregion.');
    const report = JSON.parse((await cpw(['report', path, '--json'])).stdout) as Report;
    expect(report.accounts[0]!.dimensions).toEqual({});
    expect(report.portfolio.byDimension).toEqual({});
  });

  it('scenarios select by a dimension (--where region=EMEA), and refuse one the workbook lacks', async () => {
    const { path, sheet } = await book();
    await cpw(['import', path, sheet, '--period', 'Q1', '--dimension', 'region=Vertriebsregion']);
    const r = await cpw(['scenario', path, '--period', 'Q1', '--scale', 'service=-50', '--where', 'region=emea', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const { difference } = JSON.parse(r.stdout) as { difference: { service: number; profit: number } };
    expect(difference).toMatchObject({ service: -200, profit: 200 });
    const dropped = JSON.parse((await cpw(['scenario', path, '--period', 'Q1', '--drop', 'region=Americas', '--json'])).stdout) as { scenario: { count: number; profit: number } };
    expect(dropped.scenario).toMatchObject({ count: 3, profit: 3_200 });
    const typo = await cpw(['scenario', path, '--period', 'Q1', '--scale', 'service=-50', '--where', 'regoin=EMEA']);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('no dimension "regoin" in this workbook (it has region)');
  });

  it('refuses a dimension column it cannot read, naming the file, row and column, and leaves the workbook as it was', async () => {
    const { path, sheet } = await book([
      ['Acme', 1_000, 100, 'EMEA'],
      ['Beta', 2_000, 300, 'x'.repeat(201)],
    ]);
    await cpw(['import', path, sheet, '--period', 'Q1']);
    const before = sha256(path);
    const long = await cpw(['import', path, sheet, '--period', 'Q1', '--dimension', 'region=Vertriebsregion']);
    expect(long.code).toBe(1);
    expect(long.stderr).toContain('sheet.csv: 1 problem, nothing imported');
    expect(long.stderr).toMatch(/row 3, column Vertriebsregion.*a region longer than 200 characters/);
    const missing = await cpw(['import', path, sheet, '--period', 'Q1', '--dimension', 'tier=Tier']);
    expect(missing.stderr).toContain('the sheet has no column "Tier" for dimension tier (its columns: Kunde, Umsatz, Service, Vertriebsregion)');
    const bad = await cpw(['import', path, sheet, '--period', 'Q1', '--dimension', 'region']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--dimension must be written NAME=VALUE (got "region")');
    // A name JavaScript reads as the object's prototype would vanish from every record it is a key of: refused by name.
    const proto = await cpw(['import', path, sheet, '--period', 'Q1', '--dimension', '__proto__=Vertriebsregion']);
    expect(proto.code).toBe(1);
    expect(proto.stderr).toContain('a dimension cannot be called __proto__');
    expect((await cpw(['scenario', path, '--period', 'Q1', '--scale', 'service=-50', '--where', '__proto__=EMEA'])).stderr).toContain('a dimension cannot be called __proto__');
    expect(sha256(path)).toBe(before);
  });
});

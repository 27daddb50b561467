import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../shared/format';
import { INPUT_FIELDS } from '../../../shared/schemas/fields';
import type { Report } from '../../../shared/schemas/report';
import { cpw, cpwJson, csv, ROOT, sha256, useTempDir } from '../../helpers';

const ACCOUNT_METRICS = [
  'totalCost', 'profit', 'margin', 'roi', 'costToRevenue', 'costToServe', 'interactionCost', 'revenuePerInteraction',
  'clv', 'lifetimeProfit', 'valueMultiple', 'expansionShare', 'npsCategory', 'segment', 'paretoClass',
];
const PORTFOLIO_METRICS = [
  'revenue', 'presale', 'production', 'distribution', 'service', 'labour', 'totalCost', 'profit', 'interactionCost',
  'roi', 'margin', 'whaleCurve', 'whalePeak', 'top20Share', 'lossMakers', 'profitGivenBack', 'churnRate', 'nps', 'csat',
  'upsell', 'crossSell', 'referrals', 'referralRate', 'bySegment', 'byOwner',
];

/** A sheet whose header is the DOMAIN.md field names: 90 active customers, 10 churned, 5 new, and the seeds' rows. */
function seedSheet(): string {
  const rows: (string | number)[][] = [];
  const blank = (over: Record<string, string | number>) => INPUT_FIELDS.map((f) => over[f] ?? '');
  rows.push(blank({ account: 'One Meeting', owner: 'Ann', revenue: 1000, meetings: 1, calls: 0, status: 'active' }));
  rows.push(blank({ account: 'One Call', owner: 'Ann', revenue: 1000, meetings: 0, calls: 1, status: 'active' }));
  rows.push(blank({ account: 'Clv Seed', owner: 'Bob', revenue: 1000, avgOrderValue: 100, purchasesPerYear: 4, lifespanYears: 5 }));
  for (let i = 0; i < 87; i++) {
    rows.push(blank({ account: `Active ${i}`, owner: i % 2 ? 'Ann' : 'Bob', revenue: 5000 + 100 * i, presale: 300, production: 2000, distribution: 200, service: 400 + 10 * i, labour: 300, meetings: i % 4, calls: i % 7, csat: 1 + (i % 5), nps: i % 11, status: 'active' }));
  }
  for (let i = 0; i < 10; i++) rows.push(blank({ account: `Lost ${i}`, revenue: 2000, service: 2600, status: 'churned' }));
  for (let i = 0; i < 5; i++) rows.push(blank({ account: `Won ${i}`, revenue: 3000, presale: 3500, status: 'new', upsell: 100, crossSell: 50, referrals: i % 2 }));
  return csv(INPUT_FIELDS, rows);
}

describe('cpw new, import, report', () => {
  const tmp = useTempDir();

  it('prints every DOMAIN.md metric, and the seeds come out right', async () => {
    const book = join(tmp(), 'w.cpw');
    const sheet = join(tmp(), 'sheet.csv');
    writeFileSync(sheet, seedSheet());
    expect((await cpw(['new', book])).code).toBe(0);
    const imported = await cpw(['import', book, sheet, '--period', '2026-Q1']);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('Imported 105 rows into period 2026-Q1');
    const report = await cpwJson<Report>(['report', book, '--json']);
    expect(Object.keys(report)).toEqual(['period', 'currency', 'assumptions', 'accounts', 'portfolio']);
    expect(report.period).toBe('2026-Q1');
    expect(report.currency).toBe('USD');
    expect(report.accounts).toHaveLength(105);
    for (const a of report.accounts) {
      for (const key of [...INPUT_FIELDS, ...ACCOUNT_METRICS]) expect(a, key).toHaveProperty(key);
      expect(['Protect', 'Fix', 'Develop', 'Reassess']).toContain(a.segment);
      expect(['A', 'B', 'C', 'D']).toContain(a.paretoClass);
    }
    for (const key of PORTFOLIO_METRICS) expect(report.portfolio, key).toHaveProperty(key);
    const by = (name: string) => report.accounts.find((a) => a.account === name)!;
    expect(by('One Meeting').interactionCost).toBe(200);
    expect(by('One Call').interactionCost).toBe(50);
    expect(by('One Meeting').totalCost).toBe(0); // rep time sits inside the buckets, never added
    expect(by('Clv Seed').clv).toBe(2000);
    expect(report.portfolio.churnRate).toBe(0.1);
    expect(report.portfolio.bySegment.map((s) => s.segment)).toEqual(['Protect', 'Fix', 'Develop', 'Reassess']);
    expect(report.portfolio.bySegment.reduce((n, s) => n + s.count, 0)).toBe(105);
  });

  it('reports for people by default, in the workbook currency', async () => {
    const book = join(tmp(), 'w.cpw');
    const sheet = join(tmp(), 'sheet.csv');
    writeFileSync(sheet, csv(['Customer', 'Sales', 'Support'], [['Acme', '12,000', '15,000'], ['Beta', '8,000', '1,000']]));
    await cpw(['new', book]);
    await cpw(['import', book, sheet, '--period', 'FY2026']);
    expect((await cpw(['assume', book, 'currency=eur'])).code).toBe(0);
    const r = await cpw(['report', book]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('period FY2026 (EUR)');
    expect(r.stdout).toMatch(/Acme\s+€12,000\s+€15,000\s+-€3,000/);
    expect(r.stdout).toContain('Loss makers 1, giving back €3,000');
  });

  it('prints a big portfolio for people as its 25 most and 25 least profitable accounts, every one with --all', async () => {
    const book = join(tmp(), 'big.cpw');
    const sheet = join(tmp(), 'big.csv');
    // Account k earns k thousand and costs 60 thousand: profits from -59,000 to +60,000, in a shuffled order.
    const order = Array.from({ length: 120 }, (_, i) => (i * 77) % 120 + 1);
    writeFileSync(sheet, csv(['Customer', 'Sales', 'Support'], order.map((k) => [`Acct ${k}`, String(k * 1000), '60000'])));
    await cpw(['new', book]);
    expect((await cpw(['import', book, sheet, '--period', 'Big'])).code).toBe(0);
    const r = await cpw(['report', book]);
    expect(r.code).toBe(0);
    const shown = [...r.stdout.matchAll(/^Acct (\d+) /gm)].map((m) => Number(m[1]));
    expect(shown).toEqual([...Array.from({ length: 25 }, (_, i) => 120 - i), ...Array.from({ length: 25 }, (_, i) => 25 - i)]);
    expect(r.stdout).toContain('The 25 most and 25 least profitable of 120 accounts (--all shows every one):');
    expect(r.stdout).toMatch(/^… 70 accounts between$/m);
    const all = await cpw(['report', book, '--all']);
    expect([...all.stdout.matchAll(/^Acct (\d+) /gm)].map((m) => Number(m[1]))).toEqual(order);
    expect(all.stdout).not.toContain('accounts between');
    const both = await cpw(['report', book, '--json', '--all']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--json always holds every account');
  });
});

describe('bad input', () => {
  const tmp = useTempDir();

  it('a bad sheet is refused with every error named, exit 1, the workbook bytes unchanged', async () => {
    const book = join(tmp(), 'w.cpw');
    const sheet = join(tmp(), 'bad.csv');
    await cpw(['new', book]);
    writeFileSync(sheet, csv(['account', 'revenue', 'service', 'csat'], [['Acme', '1000', '10', '4'], ['Beta', 'ten', '-1', '7'], ['ACME', '5', '0', '']]));
    const before = sha256(book);
    const r = await cpw(['import', book, sheet, '--period', 'Q1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      `cpw import: ${sheet}: 4 problems, nothing imported`,
      'row 3, column revenue: value "ten" — must be a number',
      'row 3, column service: value "-1" — must be 0 or more (a negative cost or count is refused)',
      'row 3, column csat: value "7" — csat must be from 1 to 5',
      'row 4, column account: value "ACME" — the same account is already on row 2 (names are unique, ignoring case and spacing)',
    ]);
    expect(sha256(book)).toBe(before);
  });

  it('random bytes, a foreign SQLite file and a newer schema: refused by report and check, distinct messages, bytes unchanged', async () => {
    const random = join(tmp(), 'random.cpw');
    writeFileSync(random, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 131 + 7) % 256)));
    const foreign = join(tmp(), 'foreign.cpw');
    const db = new Database(foreign);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    db.close();
    const newer = join(tmp(), 'newer.cpw');
    await cpw(['new', newer]);
    const raw = new Database(newer);
    raw.pragma('user_version = 42');
    raw.close();
    const expected: [string, RegExp][] = [
      [random, /is not a workbook: it is not a SQLite database file/],
      [foreign, /is a SQLite database but not a Customer Profitability workbook/],
      [newer, /was saved by a newer version of the workbench \(schema 42/],
    ];
    const messages = new Set<string>();
    for (const [file, message] of expected) {
      const before = sha256(file);
      const report = await cpw(['report', file]);
      expect(report.code).toBe(1);
      expect(report.stderr).toMatch(message);
      expect(report.stderr).toContain(file);
      const check = await cpw(['check', file]);
      expect(check.code).toBe(1);
      expect(check.stderr).toMatch(message);
      messages.add(report.stderr.replace(file, 'FILE'));
      expect(sha256(file)).toBe(before);
    }
    expect(messages.size).toBe(3);
  });

  it('usage mistakes exit 2 with the usage; data problems exit 1', async () => {
    const book = join(tmp(), 'w.cpw');
    await cpw(['new', book]);
    const unknown = await cpw(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const noPeriod = await cpw(['import', book, 'x.csv']);
    expect(noPeriod.code).toBe(2);
    expect(noPeriod.stderr).toContain('--period is required');
    const badOption = await cpw(['report', book, '--colour']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("Unknown option '--colour'");
    const badKey = await cpw(['assume', book, 'dailyrate=5']);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain('"dailyrate" is not an assumption');
    const badValue = await cpw(['assume', book, 'hoursPerDay=0']);
    expect(badValue.code).toBe(1);
    expect(badValue.stderr).toContain('hoursPerDay: Hours per day must be more than 0');
    const noPeriodInBook = await cpw(['report', book, '--period', '2031']);
    expect(noPeriodInBook.code).toBe(1);
    expect(noPeriodInBook.stderr).toContain('no period "2031" in this workbook (it has no periods yet)');
    const missing = await cpw(['import', book, join(tmp(), 'nope.csv'), '--period', 'Q1']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.csv does not exist/);
  });

  it('says --version and --help for every command', async () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')) as { version: string };
    expect((await cpw(['--version'])).stdout.trim()).toBe(pkg.version);
    for (const command of ['new', 'import', 'export', 'report', 'assume', 'precall', 'scenario', 'check']) {
      const r = await cpw([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout.startsWith(`cpw ${command}`)).toBe(true);
    }
  });
});

describe('the sample, assumptions, pre-call, scenarios, export, check', () => {
  const tmp = useTempDir();

  it('new --sample is a believable portfolio: about 40 accounts, 4 periods, 5 owners, loss makers, whale peak 1.3 to 2.5', async () => {
    const book = join(tmp(), 'demo.cpw');
    const made = await cpw(['new', book, '--sample']);
    expect(made.stdout).toContain('with periods 2025-Q4, 2026-Q1, 2026-Q2, 2026-Q3');
    for (const period of ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']) {
      const r = await cpwJson<Report>(['report', book, '--period', period, '--json']);
      expect(r.accounts.length).toBeGreaterThanOrEqual(38);
      expect(r.accounts.length).toBeLessThanOrEqual(45);
      expect(new Set(r.accounts.map((a) => a.owner)).size).toBe(5);
      expect(r.portfolio.lossMakers).toBeGreaterThanOrEqual(3);
      expect(r.portfolio.whalePeak).toBeGreaterThanOrEqual(1.3);
      expect(r.portfolio.whalePeak).toBeLessThanOrEqual(2.5);
    }
    const db = new Database(book, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM interactions').get() as { n: number }).n).toBeGreaterThan(50);
    db.close();
    expect((await cpw(['check', book])).stdout).toContain('ok (schema 6)');
  });

  it('assume changes the rates the pre-call check and the report use', async () => {
    const book = join(tmp(), 'demo.cpw');
    await cpw(['new', book, '--sample']);
    const plan = ['--account', 'northwind logistics', '--hours', '2', '--prep', '1', '--attendees', '2', '--travel', '400', '--projected', '20000', '--probability', '30%', '--json'];
    const before = await cpwJson<Record<string, unknown>>(['precall', book, ...plan]);
    // (2 + 1) * 2 * 1000 / 8 + 400 = 1150; 20000 * 0.3 = 6000; 6000 / 1150 = 5.2x
    expect(before).toEqual({ account: 'Northwind Logistics', cost: 1150, expectedReturn: 6000, returnMultiple: 6000 / 1150, verdict: 'Invest' });
    expect((await cpw(['assume', book, 'dailyRate=4000', 'investThreshold=4'])).code).toBe(0);
    const after = await cpwJson<Record<string, unknown>>(['precall', book, ...plan]);
    expect(after).toMatchObject({ cost: 3400, verdict: 'Review' });
    const human = await cpw(['precall', book, '--account', 'Northwind Logistics', '--hours', '1', '--projected', '100', '--probability', '0.5']);
    expect(human.stdout).toContain('cost $500, expected return $50, return multiple 0.10x -> Skip');
    const nobody = await cpw(['precall', book, '--account', 'Nobody Inc', '--hours', '1', '--projected', '1', '--probability', '1']);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('no account "Nobody Inc" in this workbook');
    const odds = await cpw(['precall', book, '--account', 'Contoso Retail', '--hours', '1', '--projected', '1', '--probability', '30']);
    expect(odds.code).toBe(2);
  });

  it('scenario prints baseline, scenario and difference, and leaves the workbook as it was', async () => {
    const book = join(tmp(), 'demo.cpw');
    await cpw(['new', book, '--sample']);
    const before = sha256(book);
    const r = await cpwJson<{ baseline: Record<string, number>; scenario: Record<string, number>; difference: Record<string, number> }>([
      'scenario', book, '--period', '2026-Q3', '--scale', 'service=-30', '--where', 'segment=Fix', '--json',
    ]);
    const report = await cpwJson<Report>(['report', book, '--period', '2026-Q3', '--json']);
    const fixService = report.accounts.filter((a) => a.segment === 'Fix').reduce((s, a) => s + a.service, 0);
    expect(fixService).toBeGreaterThan(0);
    expect(r.baseline.profit).toBeCloseTo(report.portfolio.profit, 6);
    expect(r.difference.service).toBeCloseTo(-0.3 * fixService, 6);
    expect(r.difference.profit).toBeCloseTo(0.3 * fixService, 6);
    expect(r.scenario.profit! - r.baseline.profit!).toBeCloseTo(r.difference.profit!, 6);
    const dropped = await cpwJson<{ scenario: { count: number }; baseline: { count: number } }>([
      'scenario', book, '--period', '2026-Q3', '--drop', 'segment=Reassess', '--json',
    ]);
    const reassess = report.portfolio.bySegment.find((s) => s.segment === 'Reassess')!.count;
    expect(dropped.baseline.count - dropped.scenario.count).toBe(reassess);
    expect(sha256(book)).toBe(before);
  });

  it('scenario --name --save keeps a scenario in the workbook, and --name alone runs it again', async () => {
    const book = join(tmp(), 'demo.cpw');
    await cpw(['new', book, '--sample']);
    const rowsBefore = await cpwJson<Report>(['report', book, '--json']);
    const saved = await cpwJson<{ name: string; difference: Record<string, number> }>([
      'scenario', book, '--scale', 'service=-30', '--where', 'segment=Reassess', '--name', 'Cut the tail', '--save', '--json',
    ]);
    expect(saved.name).toBe('Cut the tail');
    const again = await cpwJson<{ name: string; difference: Record<string, number> }>(['scenario', book, '--name', 'cut the tail', '--json']);
    expect(again.difference).toEqual(saved.difference);
    const reassessService = rowsBefore.accounts.filter((a) => a.segment === 'Reassess').reduce((s, a) => s + a.service, 0);
    expect(again.difference.profit).toBeCloseTo(0.3 * reassessService, 6);
    expect(await cpwJson<Report>(['report', book, '--json'])).toEqual(rowsBefore);
    const unknown = await cpw(['scenario', book, '--name', 'Nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no scenario "Nope" in this workbook');
    expect((await cpw(['scenario', book])).code).toBe(2);
    expect((await cpw(['scenario', book, '--name', 'X', '--save'])).stderr).toContain('--save needs a --name and at least one --scale or --drop');
  });

  it('report --pdf writes the workshop report: every section, the KPI values and the saved scenarios in its text', async () => {
    const book = join(tmp(), 'demo.cpw');
    await cpw(['new', book, '--sample']);
    await cpw(['scenario', book, '--scale', 'service=-30', '--where', 'segment=Reassess', '--name', 'Cut service for Reassess', '--save']);
    const out = join(tmp(), 'report.pdf');
    const made = await cpw(['report', book, '--period', '2026-Q3', '--pdf', out, '--paper', 'Letter']);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^Wrote the workshop report of period 2026-Q3 to .*report\.pdf \(\d+ KiB\)/);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    const report = await cpwJson<Report>(['report', book, '--period', '2026-Q3', '--json']);
    for (const expected of [
      'Customer profitability',
      'Period 2026-Q3, 42 accounts',
      formatMoney(report.portfolio.revenue, 'USD'),
      formatMoney(report.portfolio.profit, 'USD'),
      `Peak ${Math.round(report.portfolio.whalePeak! * 100)}%`,
      'Profitability matrix',
      'Cost buckets of the largest accounts',
      'Top loss makers',
      'Cut service for Reassess',
      'Cut service by 30% for segment Reassess',
      'Every figure in plain words',
    ]) {
      expect(text, expected).toContain(expected);
    }
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  }, 60_000);

  it('report --pdf --scenario shows only the scenarios chosen, and refuses one the workbook lacks, writing nothing', async () => {
    const book = join(tmp(), 'demo.cpw');
    await cpw(['new', book, '--sample']);
    await cpw(['scenario', book, '--scale', 'service=-30', '--where', 'segment=Reassess', '--name', 'Cut service for Reassess', '--save']);
    await cpw(['scenario', book, '--scale', 'revenue=5', '--name', 'Price rise', '--save']);
    const out = join(tmp(), 'chosen.pdf');
    const made = await cpw(['report', book, '--pdf', out, '--scenario', 'price rise']);
    expect(made.code, made.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Price rise');
    expect(text).not.toContain('Cut service for Reassess');
    const missing = join(tmp(), 'missing.pdf');
    const refused = await cpw(['report', book, '--pdf', missing, '--scenario', 'Nope']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('no scenario "Nope" in this workbook (it has "Cut service for Reassess", "Price rise")');
    expect(existsSync(missing)).toBe(false);
    expect((await cpw(['report', book, '--scenario', 'Price rise'])).stderr).toContain('--scenario chooses what the PDF report shows: use it with --pdf');
  }, 60_000);

  it('stops quietly when the reader of its output closes the pipe early (cpw report --json | head)', async () => {
    const book = join(tmp(), 'demo.cpw');
    await cpw(['new', book, '--sample']);
    const child = spawn(process.execPath, [join(ROOT, 'electron', 'cli', 'bin.cjs'), 'report', book, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.destroy(); // the reader is gone before cpw writes a byte
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });

  it('report --pdf without a Chromium says what to install, and writes nothing', async () => {
    const book = join(tmp(), 'demo.cpw');
    await cpw(['new', book, '--sample']);
    const out = join(tmp(), 'report.pdf');
    const r = await cpw(['report', book, '--pdf', out], undefined, { ...process.env, CPW_CHROMIUM: join(tmp(), 'no-such-chromium') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('a PDF report needs Chromium, and none was found: install it (Debian: apt-get install chromium)');
    expect(existsSync(out)).toBe(false);
  });

  it('export writes inputs and metrics as CSV that imports back to the same report, formulas escaped', async () => {
    const book = join(tmp(), 'w.cpw');
    const sheet = join(tmp(), 'sheet.csv');
    writeFileSync(sheet, csv(['account', 'owner', 'revenue', 'service', 'csat'], [['=HYPERLINK("http://x")', '+Ann', 1000, 1500, 4], ['Beta', 'Bob', 2000, 100, '']]));
    await cpw(['new', book]);
    await cpw(['import', book, sheet, '--period', 'Q1']);
    const out = join(tmp(), 'out.csv');
    const exported = await cpw(['export', book, '--out', out]);
    expect(exported.stdout).toContain('Exported 2 accounts of period Q1');
    const text = readFileSync(out, 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      'account,owner,segmentOverride,revenue,presale,production,distribution,service,labour,meetings,calls,csat,nps,status,upsell,crossSell,referrals,valueDelivered,avgOrderValue,purchasesPerYear,lifespanYears,totalCost,profit,margin,roi,costToRevenue,costToServe,interactionCost,revenuePerInteraction,clv,lifetimeProfit,valueMultiple,expansionShare,npsCategory,segment,paretoClass',
    );
    expect(text).toContain(`"'=HYPERLINK(""http://x"")","'+Ann",,1000,`);
    expect(text).toContain(',-500,-0.5,');
    const copy = join(tmp(), 'copy.cpw');
    await cpw(['new', copy]);
    const back = await cpw(['import', copy, out, '--period', 'Q1']);
    expect(back.code).toBe(0);
    expect(back.stdout).toContain('Columns not imported (no matching field; use --map, or --dimension name=Header to keep one): totalCost, profit');
    const a = await cpwJson<Report>(['report', book, '--json']);
    const b = await cpwJson<Report>(['report', copy, '--json']);
    expect(b).toEqual(a);
  });

  it('check finds rows another tool wrote against the rules', async () => {
    const book = join(tmp(), 'w.cpw');
    const sheet = join(tmp(), 'sheet.csv');
    writeFileSync(sheet, csv(['account', 'revenue', 'upsell'], [['Acme', 100, 10]]));
    await cpw(['new', book]);
    await cpw(['import', book, sheet, '--period', 'Q1']);
    const db = new Database(book);
    db.pragma('ignore_check_constraints = ON');
    db.prepare('UPDATE period_rows SET revenue = -5').run();
    db.close();
    const r = await cpw(['check', book]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('period Q1, account Acme: field revenue: revenue must be 0 or more');
  });
});

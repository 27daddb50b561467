import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAWN_POINTS } from '../../shared/charts/chartData';
import { formatCompactMoney, formatMoney } from '../../shared/format';
import type { Report } from '../../shared/schemas/report';
import { csvOf, generatePortfolio } from '../bench/portfolio';
import { cpwJson, ROOT } from '../helpers';
import { openSession, type Session } from './browser';
import { DashboardPage } from './pages/dashboard-page';

const ACCOUNTS = 100_000;

/** How long a step takes as the person waits for it: printed beside the test, never asserted (the bench holds the ratios). */
async function timed<T>(what: string, step: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await step();
  console.log(`dashboard at ${ACCOUNTS.toLocaleString('en-US')} accounts: ${what} ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  return out;
}

describe(`the dashboard at ${ACCOUNTS.toLocaleString('en-US')} accounts`, () => {
  let session: Session;
  let page: Page;
  let dash: DashboardPage;
  let report: Report;

  beforeAll(async () => {
    session = await openSession({
      sample: false,
      prepare: (dir) => {
        const csv = join(dir, 'large.csv');
        writeFileSync(csv, csvOf(generatePortfolio(ACCOUNTS, 7)));
        execFileSync(process.execPath, [join(ROOT, 'electron', 'cli', 'bin.cjs'), 'import', join(dir, 'w.cpw'), csv, '--period', 'Q1'], { cwd: ROOT });
      },
    });
    page = session.page;
    dash = new DashboardPage(page);
    report = await cpwJson<Report>(['report', session.book, '--json']);
  }, 180_000);

  afterAll(() => session?.close());

  it('opens, filters to one owner and back, with every figure whole', async () => {
    await timed('open until the tiles show', () => dash.open(session.server.url));
    const revenue = formatMoney(report.portfolio.revenue, 'USD');
    // Too long for a tile: compact, with the whole figure on hover, never cut.
    expect(await dash.tile('revenue')).toBe(formatCompactMoney(report.portfolio.revenue, 'USD'));
    expect(await page.getByTestId('tile-revenue').locator('.tile-value').getAttribute('title')).toBe(revenue);
    const hint = page.locator('.dashboard-bar .hint');
    expect(await hint.textContent()).toBe('100,000 accounts');
    const owner = report.portfolio.byOwner[0]!;
    await timed(`filter to ${owner.owner}`, async () => {
      await page.getByLabel('Filter by owner').selectOption(owner.owner!);
      await expect.poll(() => hint.textContent()).toBe(`${owner.count.toLocaleString('en-US')} accounts`);
    });
    await timed('back to all owners', async () => {
      await page.getByLabel('Filter by owner').selectOption('');
      await expect.poll(() => hint.textContent()).toBe('100,000 accounts');
    });
    await page.waitForTimeout(300);
    await dash.screenshot('dashboard-100k');
  });

  it('draws a sample of the scatters and says so, and the tables page through every account', async () => {
    const matrix = page.getByTestId('card-matrix');
    const withMargin = report.accounts.filter((a) => a.margin !== null).length;
    expect(await matrix.locator('.chart-aside').textContent()).toBe(`${DRAWN_POINTS.toLocaleString('en-US')} of ${withMargin.toLocaleString('en-US')} accounts are drawn: the 750 costliest and an even sample of the others.`);
    const drawn = await page.getByTestId('chart-matrix').evaluate((el) => (el as unknown as { chart: { data: { datasets: { data: unknown[] }[] } } }).chart.data.datasets[0]!.data.length);
    expect(drawn).toBe(DRAWN_POINTS);
    const lowest = Math.min(...report.accounts.map((a) => a.margin ?? 0));
    const axis = await page.getByTestId('chart-matrix').evaluate((el) => (el as unknown as { chart: { scales: { y: { min: number } } } }).chart.scales.y.min);
    expect(axis).toBe(Math.max(-1.1, Math.floor((lowest - 0.05) * 10) / 10));
    const rows = await timed('open the matrix table', () => dash.tableRows('matrix'));
    expect(rows).toHaveLength(100);
    expect(rows[0]![0]).toBe(report.accounts.find((a) => a.margin !== null)!.account);
    expect(await matrix.locator('.pager span').textContent()).toBe(`Rows 1–100 of ${withMargin.toLocaleString('en-US')}`);
    await matrix.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => matrix.locator('.pager span').textContent()).toBe(`Rows 101–200 of ${withMargin.toLocaleString('en-US')}`);
    // The cost buckets name the 15 costliest; the other accounts are summed in words and in the table's last row.
    const buckets = page.getByTestId('card-buckets');
    expect(await buckets.locator('.chart-aside').textContent()).toMatch(/^Not drawn: the other 99,985 accounts, costing \$[\d,]+ and bringing \$[\d,]+ in all/);
    const bucketRows = await dash.tableRows('buckets');
    expect(bucketRows.at(-1)![0]).toBe('All others (99,985 accounts)');
    await matrix.scrollIntoViewIfNeeded();
    await dash.screenshot('dashboard-100k-matrix');
  });
});

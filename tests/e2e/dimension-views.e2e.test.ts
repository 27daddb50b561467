import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csv, cpwJson, ROOT } from '../helpers';
import { openSession, type Session } from './browser';
import { DashboardPage } from './pages/dashboard-page';

// Issue 24 item 5 in the window's views: a dimension (region, kept on import with --dimension) filters and groups the
// dashboard and Present, filters Trends, and selects the accounts of a scenario. Every figure is worked by hand from the sheets below.

const HEAD = ['Account', 'Revenue', 'Service', 'Owner', 'Region'];
/** Profits in 2026-Q2: EMEA 8,000 + 15,000; Americas -1,000 + 6,000; APAC 3,000; no region 2,500; 33,500 in all. */
const Q2 = [
  ['Acme', 10_000, 2_000, 'Ann', 'EMEA'],
  ['Beta', 20_000, 5_000, 'Bob', 'EMEA'],
  ['Cara', 5_000, 6_000, 'Ann', 'Americas'],
  ['Dell', 8_000, 2_000, 'Bob', 'Americas'],
  ['Eve', 4_000, 1_000, 'Ann', 'APAC'],
  ['Fox', 3_000, 500, 'Bob', ''],
];
/** 2026-Q1, 90% of the revenue: 45,000 - 16,500 = 28,500 of profit; EMEA 9,000 - 2,000 + 18,000 - 5,000 = 20,000. */
const Q1 = Q2.map(([a, r, s, o, g]) => [a!, Math.round((r as number) * 0.9), s!, o!, g!]);

describe('dimensions in the dashboard, Present, Trends and Scenarios: a workbook whose accounts have a region', () => {
  let session: Session;
  let page: Page;
  let dash: DashboardPage;

  beforeAll(async () => {
    session = await openSession({
      sample: false,
      prepare: (dir) => {
        for (const [label, rows] of [['2026-Q1', Q1], ['2026-Q2', Q2]] as const) {
          const file = join(dir, `${label}.csv`);
          writeFileSync(file, csv(HEAD, rows));
          execFileSync(process.execPath, [join(ROOT, 'electron', 'cli', 'bin.cjs'), 'import', join(dir, 'w.cpw'), file, '--period', label, '--dimension', 'region=Region'], { cwd: ROOT });
        }
      },
    });
    page = session.page;
    page.setDefaultTimeout(10_000);
    dash = new DashboardPage(page);
    await dash.open(session.server.url);
  }, 60_000);

  afterAll(() => session?.close());

  const hint = () => page.locator('.dashboard-bar .hint').textContent();
  const groupBy = () => page.getByLabel('Group by', { exact: true });
  const groupRows = () =>
    page
      .getByTestId('group-table')
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(0, 5).map((c) => (c.textContent ?? '').trim())));

  it('a value of the region filters the tiles to its accounts, and the change is against the same accounts last period', async () => {
    expect(await dash.tile('profit')).toBe('$33,500');
    await page.getByLabel('Filter by dimension').selectOption({ label: 'region: EMEA' });
    await expect.poll(hint).toBe('2 accounts, compared with 2026-Q1');
    // Acme and Beta: 10,000 + 20,000 of revenue, 2,000 + 5,000 of service.
    expect(await dash.tile('revenue')).toBe('$30,000');
    expect(await dash.tile('profit')).toBe('$23,000');
    expect(await page.getByTestId('tile-profit').locator('.tile-change').textContent()).toBe('+$3,000 vs 2026-Q1');
    // Every chart follows: the matrix's table lists the two accounts only.
    expect((await dash.tableRows('matrix')).map((r) => r[0])).toEqual(['Acme', 'Beta']);
    // With an owner as well, both hold.
    await page.getByLabel('Filter by owner').selectOption('Ann');
    await expect.poll(() => dash.tile('profit')).toBe('$8,000');
    await page.getByLabel('Filter by owner').selectOption('');
    await expect.poll(() => dash.tile('profit')).toBe('$23,000');
  });

  it('groups by region: one row per value with its accounts, most profit first, the accounts with none last; the chart follows', async () => {
    await page.getByLabel('Filter by dimension').selectOption('');
    await expect.poll(hint).toBe('6 accounts, compared with 2026-Q1');
    expect(await page.getByTestId('group-table').locator('h3').textContent()).toBe('By segment');
    await groupBy().selectOption({ label: 'region' });
    await expect.poll(() => page.getByTestId('group-table').locator('h3').textContent()).toBe('By region');
    expect(await groupRows()).toEqual([
      ['EMEA', '2', '$30,000', '$7,000', '$23,000'],
      ['Americas', '2', '$13,000', '$8,000', '$5,000'],
      ['APAC', '1', '$4,000', '$1,000', '$3,000'],
      ['(no region)', '1', '$3,000', '$500', '$2,500'],
    ]);
    expect(await page.getByTestId('group-table').locator('thead th').first().textContent()).toBe('region');
    expect(await page.getByTestId('card-groups').locator('h3').textContent()).toBe('Profit by region');
    expect((await dash.tableRows('groups')).map((r) => r[0])).toEqual(['EMEA', 'Americas', 'APAC', '(no region)']);
    expect((await dash.ink('groups')).drawn).toBeGreaterThan(1000);
    // The owner table is still one choice away.
    await groupBy().selectOption({ label: 'Owner' });
    await expect.poll(groupRows).toEqual([
      ['Bob', '3', '$31,000', '$7,500', '$23,500'],
      ['Ann', '3', '$19,000', '$9,000', '$10,000'],
    ]);
    await groupBy().selectOption({ label: 'region' });
    // Filtered and grouped at once: the group table holds the filter's accounts only.
    await page.getByLabel('Filter by dimension').selectOption({ label: 'region: EMEA' });
    await expect.poll(groupRows).toEqual([['EMEA', '2', '$30,000', '$7,000', '$23,000']]);
    await page.getByTestId('tile-profit').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await dash.screenshot('dimension-views-dashboard');
    await page.getByTestId('card-groups').scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    await dash.screenshot('dimension-views-dashboard-group');
  });

  it('Present shows the same filter and grouping', async () => {
    await page.getByRole('link', { name: 'Present' }).click();
    const count = page.getByTestId('slide-count');
    await expect.poll(() => count.textContent()).toBe('1 / 8 · 2026-Q2, region EMEA');
    const profit = page.getByTestId('key-figures').locator('.present-figure', { has: page.locator('span', { hasText: /^Profit$/ }) });
    expect(await profit.locator('b').textContent()).toBe('$23,000');
    for (let k = 0; k < 7; k++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('.presentation h1').textContent()).toBe('Profit by region');
    await page.waitForTimeout(300);
    await dash.screenshot('dimension-views-present-group');
    await page.keyboard.press('Escape');
    await page.waitForURL(/#\/dashboard$/);
  });

  it('Trends follow the accounts of one region, and say so', async () => {
    await page.getByRole('link', { name: 'Trends' }).click();
    const shown = page.getByTestId('trends-shown');
    await expect.poll(() => shown.textContent()).toBe('All accounts: 6 accounts in 2026-Q2, the latest period; 2 periods');
    const rows = () => page.getByTestId('card-trend').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
    expect(await rows()).toEqual([
      ['2026-Q1', '$28,500'],
      ['2026-Q2', '$33,500'],
    ]);
    await page.getByLabel('Accounts', { exact: true }).selectOption({ label: 'region = EMEA' });
    await expect.poll(() => shown.textContent()).toBe('Accounts with region = EMEA: 2 accounts in 2026-Q2, the latest period; 2 periods');
    expect(await rows()).toEqual([
      ['2026-Q1', '$20,000'],
      ['2026-Q2', '$23,000'],
    ]);
    expect(await page.getByTestId('card-trend').locator('h3').textContent()).toBe('Profit per period, region = EMEA');
    expect(await page.getByTestId('account-trends').locator('tbody tr').count()).toBe(2);
    await page.waitForTimeout(300);
    await dash.screenshot('dimension-views-trends');
  });

  it('a scenario for a value of region changes those accounts only, and is saved with it', async () => {
    await page.getByRole('link', { name: 'Scenarios' }).click();
    await page.getByLabel('Scenario name').fill('Halve EMEA service');
    await page.getByLabel('Change', { exact: true }).selectOption('scale');
    await page.getByLabel('Field').selectOption('service');
    await page.getByLabel('Change in percent').fill('-50');
    await page.getByLabel('For', { exact: true }).selectOption({ label: 'a value of region' });
    await page.getByLabel('Which').selectOption('EMEA');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    expect(await page.getByTestId('scenario-steps').textContent()).toContain('Cut service by 50% for region EMEA');
    // EMEA's service, 2,000 + 5,000, halved: 3,500 more profit.
    const profitRow = page.getByTestId('scenario-figures').locator('tr', { has: page.locator('th', { hasText: /^Profit$/ }) });
    await expect.poll(async () => (await profitRow.locator('td').allTextContents()).map((t) => t.trim())).toEqual(['$33,500', '$37,000', '+$3,500']);
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await page.getByText('Saved "Halve EMEA service" in the workbook.').waitFor();
    await dash.screenshot('dimension-views-scenario');
    const saved = await cpwJson<{ difference: { profit: number } }>(['scenario', session.book, '--name', 'Halve EMEA service', '--json']);
    expect(saved.difference.profit).toBe(3_500);
  });
});

describe('dimensions in the dashboard and Trends: a workbook without any', () => {
  let session: Session;

  beforeAll(async () => {
    session = await openSession({ sample: true });
    await new DashboardPage(session.page).open(session.server.url);
  }, 60_000);

  afterAll(() => session?.close());

  it('the dashboard says what a dimension is and how to add one, and offers no dimension filter', async () => {
    const page = session.page;
    expect(await page.getByTestId('no-dimensions').textContent()).toContain('cpw import … --dimension region=Region');
    expect(await page.getByLabel('Filter by dimension').count()).toBe(0);
    expect(await page.getByLabel('Group by', { exact: true }).locator('option').allTextContents()).toEqual(['Segment', 'Owner']);
    await page.getByRole('link', { name: 'Trends' }).click();
    await expect.poll(() => page.getByTestId('trends-shown').textContent()).toMatch(/^All accounts: 42 accounts in 2026-Q3/);
    expect(await page.getByLabel('Accounts', { exact: true }).count()).toBe(0);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpwJson } from '../helpers';
import { formatMoney } from '../../shared/format';
import type { Report } from '../../shared/schemas/report';
import { openSession, SCREENSHOTS, type Served, type Session } from './browser';
import { DashboardPage } from './pages/dashboard-page';
import { SheetPage } from './pages/sheet-page';

const CHARTS = ['whale', 'buckets', 'matrix', 'pareto', 'roi', 'interactions', 'groups'];

describe('the dashboard in browser mode, on the sample workbook', () => {
  let session: Session;
  let page: Page;
  let server: Served;
  let dash: DashboardPage;

  beforeAll(async () => {
    session = await openSession({ sample: true });
    ({ page, server } = session);
    dash = new DashboardPage(page);
    await dash.open(server.url);
  });

  afterAll(() => session?.close());

  it('shows every KPI tile with its change against the previous period', async () => {
    expect(await dash.tile('profit')).toMatch(/^\$[\d,]+$/);
    expect(await page.getByTestId('tile-profit').locator('.tile-change').textContent()).toMatch(/vs 2026-Q2$/);
    expect(await page.getByTestId('tile-whalePeak').locator('.tile-explain').textContent()).toContain('150% to 300% is typical');
    await dash.screenshot('dashboard');
  });

  it('draws every chart: pixels on each canvas, not just a canvas', async () => {
    for (const id of CHARTS) {
      const ink = await dash.ink(id);
      expect(ink.drawn, id).toBeGreaterThan(ink.width * 20);
      expect(ink.colours, id).toBeGreaterThan(8);
    }
  });

  it('an edit in the sheet changes the whale peak shown', async () => {
    const before = await dash.tile('whalePeak');
    const sheet = new SheetPage(page);
    await page.getByRole('link', { name: 'Sheet' }).click();
    await sheet.type('Contoso Retail', 'revenue', '2,000,000');
    await sheet.saved();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => dash.tile('whalePeak')).not.toBe(before);
  });

  it('filters by owner apply to the tiles and the charts', async () => {
    await page.getByLabel('Filter by owner').selectOption('Ben Okafor');
    await expect.poll(() => page.locator('.dashboard-bar .hint').textContent()).toMatch(/^9 accounts/);
    const rows = await dash.tableRows('matrix');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(9);
    await page.getByLabel('Filter by owner').selectOption('');
    await expect.poll(() => page.locator('.dashboard-bar .hint').textContent()).toMatch(/^42 accounts/);
  });

  it('a click on the matrix opens the account’s picture, which leads on to its row in the sheet', async () => {
    await dash.clickMatrixPoint('Fabrikam Foods');
    await page.waitForURL(/#\/account\/Fabrikam%20Foods$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Fabrikam Foods');
    await page.getByRole('link', { name: 'Show in the sheet' }).click();
    await page.waitForURL(/#\/sheet$/);
    await expect.poll(() => page.locator('.ag-cell-focus').textContent()).toBe('Fabrikam Foods');
    // Shown once: back in the sheet later, the grid is where the person left it, not at the pick again.
    // The click puts the keyboard in the grid: in a loaded CI run the arrow had gone to the link just clicked.
    await page.locator('.ag-cell-focus').click();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('.ag-cell-focus').textContent()).not.toBe('Fabrikam Foods');
    const below = await page.locator('.ag-cell-focus').textContent();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByTestId('tile-profit').waitFor();
    await page.getByRole('link', { name: 'Sheet' }).click();
    await expect.poll(() => page.locator('.ag-cell-focus').textContent()).toBe(below);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByTestId('tile-profit').waitFor();
  });

  it('exports a chart as a PNG file', async () => {
    const card = page.getByTestId('card-whale');
    await card.scrollIntoViewIfNeeded();
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'PNG' }).click()]);
    expect(download.suggestedFilename()).toBe('whale-2026-Q3.png');
    const file = join(SCREENSHOTS, 'export-whale.png');
    await download.saveAs(file);
    const png = readFileSync(file);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('copies a chart to the clipboard as an image', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    const card = page.getByTestId('card-pareto');
    await card.scrollIntoViewIfNeeded();
    await card.getByRole('button', { name: 'Copy' }).click();
    await card.getByText('Copied').waitFor();
    const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types));
    expect(types).toContain('image/png');
  });

  it('prints cleanly: the charts and tables without the app around them', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.rail').isVisible()).toBe(false);
    expect(await page.locator('.dashboard-bar').isVisible()).toBe(false);
    expect(await page.locator('h2.print-only').textContent()).toMatch(/^demo\.cpw — period 2026-Q3 \(42 accounts, USD\)$/);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    writeFileSync(join(SCREENSHOTS, 'dashboard-print.pdf'), pdf);
  });

  it('presentation mode: the key figures, then one chart a slide, arrows move, Escape leaves', async () => {
    await page.getByRole('link', { name: 'Present' }).click();
    const count = page.getByTestId('slide-count');
    await expect.poll(() => count.textContent()).toMatch(/^1 \/ 8/);
    expect(await page.locator('.presentation h1').textContent()).toBe('Key figures');
    const figure = (label: string) => page.getByTestId('key-figures').locator('.present-figure', { has: page.locator('span', { hasText: new RegExp(`^${label}$`) }) });
    const report = await cpwJson<Report>(['report', session.book, '--json']);
    expect(await figure('Profit').locator('b').textContent()).toBe(formatMoney(report.portfolio.profit, 'USD'));
    // The sample has a period before this one: each figure says how it moved.
    expect(await figure('Margin').locator('small').textContent()).toMatch(/^([+−]\d+\.\d pts|no change) vs 20\d\d-Q\d$/);
    await dash.screenshot('presentation-figures');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => count.textContent()).toMatch(/^2 \/ 8/);
    expect(await page.locator('.presentation h1').textContent()).toBe('Whale curve');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => count.textContent()).toMatch(/^4 \/ 8/);
    expect(await page.locator('.presentation h1').textContent()).toBe('Profitability matrix');
    await page.waitForTimeout(300);
    await dash.screenshot('presentation-matrix');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => count.textContent()).toMatch(/^3 \/ 8/);
    await page.keyboard.press('Escape');
    await page.waitForURL(/#\/dashboard$/);
  });
});

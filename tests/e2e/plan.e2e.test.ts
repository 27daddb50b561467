import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, csv } from '../helpers';
import { formatMoney, formatPercent } from '../../shared/format';
import { INPUT_FIELDS } from '../../shared/schemas/fields';
import type { Report } from '../../shared/schemas/report';
import { openSession, type Served, type Session } from './browser';
import { DashboardPage } from './pages/dashboard-page';
import { SheetPage } from './pages/sheet-page';

// Issue 24, item 6: plan vs actual in the window. The sample's latest period gets a plan (imported with
// `cpw import --plan` before the window opens): every account planned 5% above its revenue, Contoso Retail
// 400,000 above, so it is the account furthest from plan.

const BIN = join(ROOT, 'electron', 'cli', 'bin.cjs');
const PERIOD = '2026-Q3';
const cpwSync = (args: string[]) => execFileSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

let actual: Report;
let planned: Report;

function preparePlan(dir: string) {
  const book = join(dir, 'demo.cpw');
  actual = JSON.parse(cpwSync(['report', book, '--period', PERIOD, '--json'])) as Report;
  const rows = actual.accounts.map((a) => {
    const revenue = Math.round(a.revenue * 1.05) + (a.account === 'Contoso Retail' ? 400_000 : 0);
    return INPUT_FIELDS.map((f) => (f === 'revenue' ? revenue : ((a as Record<string, unknown>)[f] ?? '') as string | number));
  });
  writeFileSync(join(dir, 'plan.csv'), csv(INPUT_FIELDS, rows));
  cpwSync(['import', book, join(dir, 'plan.csv'), '--period', PERIOD, '--plan']);
  planned = JSON.parse(cpwSync(['report', book, '--period', PERIOD, '--json'])) as Report;
}

describe('plan vs actual in browser mode, on the sample workbook', () => {
  let session: Session;
  let page: Page;
  let server: Served;
  let sheet: SheetPage;

  beforeAll(async () => {
    session = await openSession({ sample: true, prepare: preparePlan });
    ({ page, server } = session);
    sheet = new SheetPage(page);
    await sheet.open(server.url);
  });

  afterAll(() => session?.close());

  it('the report the window reads has the plan: its profit variance is the sum of the planned revenue', () => {
    const extra = actual.accounts.reduce((s, a) => s + Math.round(a.revenue * 1.05) - a.revenue, 0) + 400_000;
    expect(planned.variance!.revenue).toBeCloseTo(-extra, 6);
    expect(planned.variance!.profit).toBeCloseTo(-extra, 6);
  });

  it('shows the variance columns on demand, in the workbook currency, with header explanations', async () => {
    const toggle = page.getByRole('button', { name: 'Plan vs actual', exact: true });
    await expect.poll(() => toggle.getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('false');
    expect(await page.locator('.ag-header-cell[col-id="variance.profit"]').count()).toBe(0);
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const header = page.locator('.ag-header-cell[col-id="variance.profit"]');
    await header.waitFor();
    expect(await header.textContent()).toContain('Profit − plan');
    expect(await page.locator('.ag-header-cell[col-id="variance.revenuePct"]').textContent()).toContain('Revenue vs plan %');
    await header.hover();
    await expect.poll(() => page.locator('.ag-tooltip').textContent(), { timeout: 5000 }).toContain('actual − plan, in the workbook currency');

    // Contoso Retail: planned 5% + 400,000 above its revenue, the same costs.
    const contoso = actual.accounts.find((a) => a.account === 'Contoso Retail')!;
    const plannedRevenue = Math.round(contoso.revenue * 1.05) + 400_000;
    const diff = contoso.revenue - plannedRevenue;
    await expect.poll(() => sheet.text('Contoso Retail', 'variance.revenue'), { timeout: 10_000 }).toBe(formatMoney(diff, 'USD'));
    expect(await sheet.text('Contoso Retail', 'variance.profit')).toBe(formatMoney(diff, 'USD'));
    expect(await sheet.text('Contoso Retail', 'variance.totalCost')).toBe(formatMoney(0, 'USD'));
    expect(await sheet.text('Contoso Retail', 'variance.revenuePct')).toBe(formatPercent(diff / plannedRevenue));
    expect(await (await sheet.cell('Contoso Retail', 'variance.profit')).getAttribute('class')).toContain('loss');
    await sheet.screenshot('plan-variance-columns');

    await toggle.click();
    await expect.poll(() => page.locator('.ag-header-cell[col-id="variance.profit"]').count()).toBe(0);
  });

  it('a period with no plan says how to make one, and copying the actuals makes a plan with no variance', async () => {
    await page.getByLabel('Period', { exact: true }).selectOption('2026-Q2');
    const open = page.getByRole('button', { name: 'Plan vs actual…' });
    await open.click();
    const note = page.getByRole('note');
    expect(await note.textContent()).toContain('2026-Q2 has no plan yet');
    expect(await note.textContent()).toContain('--plan');
    await sheet.screenshot('plan-none');
    await note.getByRole('button', { name: 'Copy the actuals into the plan' }).click();
    const toggle = page.getByRole('button', { name: 'Plan vs actual', exact: true });
    await toggle.waitFor({ timeout: 10_000 });
    await toggle.click();
    await expect.poll(() => sheet.text('Contoso Retail', 'variance.profit'), { timeout: 10_000 }).toBe(formatMoney(0, 'USD'));
    await page.getByLabel('Period', { exact: true }).selectOption(PERIOD);
  });

  it('the dashboard draws profit vs plan by account, largest first, and by owner', async () => {
    const dash = new DashboardPage(page);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    const card = page.getByTestId('card-variance-accounts');
    await card.waitFor({ timeout: 15_000 });
    const ink = await dash.ink('variance-accounts');
    expect(ink.drawn).toBeGreaterThan(ink.width * 20);
    const rows = await dash.tableRows('variance-accounts');
    expect(rows[0]![0]).toBe('Contoso Retail');
    const contoso = actual.accounts.find((a) => a.account === 'Contoso Retail')!;
    expect(rows[0]![3]).toBe(formatMoney(contoso.revenue - (Math.round(contoso.revenue * 1.05) + 400_000), 'USD'));
    const owners = await dash.tableRows('variance-owners');
    expect(owners.length).toBe(planned.portfolio.byOwner.length);
    expect((await dash.ink('variance-owners')).drawn).toBeGreaterThan(0);
    await card.scrollIntoViewIfNeeded();
    await dash.screenshot('plan-variance-dashboard');
  });
});

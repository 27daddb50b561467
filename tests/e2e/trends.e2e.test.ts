import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../shared/format';
import type { Report } from '../../shared/schemas/report';
import { cpwJson } from '../helpers';
import { openSession, SCREENSHOTS, type Served, type Session } from './browser';
import { SheetPage } from './pages/sheet-page';
import { join } from 'node:path';

describe('periods and trends in browser mode, on the sample workbook', () => {
  let session: Session;
  let page: Page;
  let server: Served;
  let sheet: SheetPage;

  beforeAll(async () => {
    session = await openSession({ sample: true });
    ({ page, server } = session);
    page.setDefaultTimeout(10_000);
    sheet = new SheetPage(page);
    await sheet.open(server.url);
  });

  afterAll(() => session?.close());

  const trendRows = async () =>
    (await page.getByTestId('card-trend').locator('tbody tr').all()).length
      ? Promise.all((await page.getByTestId('card-trend').locator('tbody tr').all()).map(async (r) => (await r.locator('th, td').allTextContents()).map((c) => c.trim())))
      : [];

  it('copies a period forward, edits it, and the trend moves', async () => {
    const q3 = await cpwJson<Report>(['report', session.book, '--period', '2026-Q3', '--json']);
    await page.getByRole('button', { name: '+ Period' }).click();
    await page.getByLabel('New period label').fill('2026-Q4');
    await page.getByLabel('New period label').press('Enter');
    await expect.poll(() => page.getByLabel('Period', { exact: true }).inputValue()).toBe('2026-Q4');
    expect(await page.getByTestId('status-accounts').textContent()).toBe(`${q3.accounts.length} accounts`);

    await page.getByRole('link', { name: 'Trends' }).click();
    await expect.poll(async () => (await trendRows()).map((r) => r[0])).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect((await trendRows())[4]).toEqual(['2026-Q4', formatMoney(q3.portfolio.profit, 'USD')]);

    await page.getByRole('link', { name: 'Sheet' }).click();
    const contoso = q3.accounts.find((a) => a.account === 'Contoso Retail')!;
    await sheet.type('Contoso Retail', 'service', '0');
    await sheet.saved();
    await page.getByRole('link', { name: 'Trends' }).click();
    await expect.poll(async () => (await trendRows())[4]).toEqual(['2026-Q4', formatMoney(q3.portfolio.profit + contoso.service, 'USD')]);
    expect((await trendRows())[3]).toEqual(['2026-Q3', formatMoney(q3.portfolio.profit, 'USD')]);
    await page.getByLabel('Metric').selectOption('lossMakers');
    await expect.poll(async () => (await trendRows()).length).toBe(5);
    await page.screenshot({ path: join(SCREENSHOTS, 'trends.png') });
    expect(await page.getByTestId('account-trends').textContent()).toContain('Contoso Retail');
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../shared/format';
import type { Report } from '../../shared/schemas/report';
import type { Trends } from '../../shared/schemas/trends';
import { cpwJson } from '../helpers';
import { createBackend } from '../../electron/backend/dispatch';
import { explainSegmentChanges } from '../../shared/engine/trend-moves';
import { PAGE_ROWS } from '../../renderer/src/components/PagedTable';
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

    // Each move says why, as the engine explains it from the same file: the account's own figure, or a split that moved past it.
    const reader = createBackend();
    const explained = await (async () => {
      const opened = await reader.call('workbook.open', { path: session.book, readOnly: true });
      const got = await reader.call('trends.get', {});
      if (!opened.ok || !got.ok) throw new Error('the sample reads');
      return explainSegmentChanges(got.value as Trends, 'USD');
    })().finally(() => reader.close());
    expect(explained.length).toBeGreaterThan(0);
    expect(explained.every((e) => /^(Its|The) /.test(e.why)), explained.map((e) => e.why).join('\n')).toBe(true);
    const moves = page.getByTestId('segment-changes');
    await expect.poll(async () => (await moves.locator('tbody tr').all()).length).toBe(Math.min(explained.length, PAGE_ROWS));
    const shown = await Promise.all((await moves.locator('tbody tr').all()).map(async (r) => (await r.locator('th, td').allTextContents()).map((c) => c.trim())));
    expect(shown).toEqual(explained.slice(0, PAGE_ROWS).map(({ change: c, why }) => [c.account, c.fromPeriod, c.toPeriod, c.from, c.to, why]));
    await moves.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'trends-segment-moves.png') });
  });
});

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../shared/format';
import type { Report } from '../../shared/schemas/report';
import { csvOf, generatePortfolio } from '../bench/portfolio';
import { cpwJson, ROOT } from '../helpers';
import { openSession, type Session } from './browser';
import { SheetPage } from './pages/sheet-page';

// A book past the size where full recomputes leave the window's thread (OFF_THREAD_FROM, 20,000 accounts):
// an edit still moves one account in the engine, and new assumptions are computed in a Web Worker.
const ACCOUNTS = 25_000;

describe(`the sheet at ${ACCOUNTS.toLocaleString('en-US')} accounts`, () => {
  let session: Session;
  let page: Page;
  let sheet: SheetPage;
  const workers: Worker[] = [];

  beforeAll(async () => {
    session = await openSession({
      sample: false,
      prepare: (dir) => {
        const rows = generatePortfolio(ACCOUNTS);
        const csv = join(dir, 'large.csv');
        writeFileSync(csv, csvOf(rows));
        execFileSync(process.execPath, [join(ROOT, 'electron', 'cli', 'bin.cjs'), 'import', join(dir, 'w.cpw'), csv, '--period', 'Q1'], { cwd: ROOT });
      },
    });
    page = session.page;
    page.on('worker', (w) => workers.push(w));
    sheet = new SheetPage(page);
    await sheet.open(session.server.url);
  }, 120_000);

  afterAll(() => session?.close());

  it('follows an edit to the totals and the status bar, as the workbook then reports it', async () => {
    const before = await cpwJson<Report>(['report', session.book, '--json']);
    expect(await sheet.totalsText('revenue')).toBe(formatMoney(before.portfolio.revenue, 'USD'));
    expect(await sheet.totalsText('account')).toBe('Total (25,000 accounts)');
    expect(await sheet.status('accounts').textContent()).toBe('25,000 accounts');
    const first = before.accounts[0]!;
    await sheet.type(first.account, 'revenue', String(first.revenue + 1_000_000));
    await sheet.saved();
    const after = await cpwJson<Report>(['report', session.book, '--json']);
    expect(after.portfolio.revenue).toBe(before.portfolio.revenue + 1_000_000);
    await expect.poll(() => sheet.totalsText('revenue')).toBe(formatMoney(after.portfolio.revenue, 'USD'));
    expect(await sheet.totalsText('profit')).toBe(formatMoney(after.portfolio.profit, 'USD'));
    expect(await sheet.text(first.account, 'profit')).toBe(formatMoney(after.accounts[0]!.profit, 'USD'));
    expect(workers).toHaveLength(0); // an edit is followed in the window, no worker needed
  });

  it('recomputes new assumptions in a Web Worker, and shows what the workbook then reports', async () => {
    const before = await cpwJson<Report>(['report', session.book, '--json']);
    await page.getByRole('button', { name: 'Assumptions' }).click();
    const rate = page.getByRole('textbox', { name: 'Daily rate' });
    await rate.fill('2000');
    await rate.press('Enter');
    const after = await cpwJson<Report>(['report', session.book, '--json']);
    expect(after.portfolio.interactionCost).toBeCloseTo(before.portfolio.interactionCost * 2, 6);
    await expect.poll(() => sheet.totalsText('interactionCost')).toBe(formatMoney(after.portfolio.interactionCost, 'USD'));
    await expect.poll(() => sheet.status('profit').textContent()).toContain(formatMoney(after.portfolio.profit, 'USD'));
    expect(workers.map((w) => new URL(w.url()).pathname)).toEqual([expect.stringMatching(/worker.*\.js$/)]);
    await sheet.screenshot('sheet-large-recomputed');
    await page.getByRole('button', { name: 'Close assumptions' }).click();
  });
});

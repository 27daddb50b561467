import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../shared/format';
import type { Report } from '../../shared/schemas/report';
import { cpw, cpwJson } from '../helpers';
import { launchChromium, openSession, serve, type Served, type Session } from './browser';
import { SheetPage } from './pages/sheet-page';

const money = (text: string) => Number(text.replace(/[^0-9.-]/g, ''));

describe('the sheet in browser mode, on the sample workbook', () => {
  let session: Session;
  let book: string;
  let page: Page;
  let server: Served;
  let sheet: SheetPage;

  beforeAll(async () => {
    session = await openSession({ sample: true });
    ({ book, page, server } = session);
    sheet = new SheetPage(page);
    await sheet.open(server.url);
  });

  afterAll(() => session?.close());

  it('shows the sample with computed columns, totals and the status bar', async () => {
    await expect.poll(() => sheet.status('accounts').textContent()).toBe('42 accounts');
    expect(await sheet.text('Northwind Logistics', 'revenue')).toBe('$819,236');
    expect(await sheet.totalsText('account')).toBe('Total (42 accounts)');
    expect(await (await sheet.cell('Contoso Retail', 'profit')).getAttribute('class')).toContain('loss');
    expect(await sheet.text('Contoso Retail', 'profit')).toMatch(/^-\$/);
    expect(await page.locator('.ag-header-cell[col-id="profit"]').getAttribute('class')).toContain('computed-header');
    await sheet.screenshot('sheet-sample');
    await page.locator('.ag-header-cell[col-id="paretoClass"]').scrollIntoViewIfNeeded();
    await page.locator('.ag-header-cell[col-id="profit"]').hover();
    await page.getByRole('tooltip').or(page.locator('.ag-tooltip')).first().waitFor();
    expect(await page.locator('.ag-tooltip').first().textContent()).toContain('Profit: revenue minus total cost');
    await sheet.screenshot('sheet-computed-columns');
  });

  it('an edit of revenue recomputes profit, ROI, the totals and the status bar, and is kept after a reload', async () => {
    const cost = money(await sheet.text('Northwind Logistics', 'totalCost'));
    const totalRevenue = money(await sheet.totalsText('revenue'));
    const oldRevenue = money(await sheet.text('Northwind Logistics', 'revenue'));
    await sheet.type('Northwind Logistics', 'revenue', '900,000');
    await expect.poll(() => sheet.text('Northwind Logistics', 'profit')).toBe(formatMoney(900_000 - cost, 'USD'));
    expect(await sheet.text('Northwind Logistics', 'roi')).toBe(`${(((900_000 - cost) / cost) * 100).toFixed(1)}%`);
    expect(await sheet.totalsText('revenue')).toBe(formatMoney(totalRevenue - oldRevenue + 900_000, 'USD'));
    expect(await sheet.status('revenue').textContent()).toBe(`Revenue ${formatMoney(totalRevenue - oldRevenue + 900_000, 'USD')}`);
    await sheet.saved();
    await page.reload();
    await sheet.open(server.url);
    expect(await sheet.text('Northwind Logistics', 'revenue')).toBe('$900,000');
  });

  it('refuses a negative cost with a message by the cell, and saves nothing', async () => {
    const before = await sheet.text('Fabrikam Foods', 'presale');
    await sheet.type('Fabrikam Foods', 'presale', '-500');
    await expect(sheet.error()).toBeTruthy();
    await sheet.error().waitFor();
    expect(await sheet.error().textContent()).toContain('Presale of Fabrikam Foods: "-500" must be 0 or more');
    expect(await sheet.text('Fabrikam Foods', 'presale')).toBe(before);
    await sheet.screenshot('sheet-error');
    await page.keyboard.press('Escape');
  });

  it('pastes a 3x4 block as one change, and undoes and redoes it', async () => {
    const accounts = ['Tailspin Air', 'Litware Systems', 'Adatum Health'];
    const before = await Promise.all(accounts.map((a) => sheet.text(a, 'service')));
    await sheet.focus('Tailspin Air', 'presale');
    await sheet.paste('1000\t2000\t3000\t4000\n1100\t2100\t3100\t4100\n1200\t2200\t3200\t$4,200\n');
    await expect.poll(() => sheet.text('Adatum Health', 'service')).toBe('$4,200');
    expect(await sheet.text('Tailspin Air', 'presale')).toBe('$1,000');
    expect(await sheet.text('Litware Systems', 'distribution')).toBe('$3,100');
    await sheet.saved();
    await sheet.screenshot('sheet-pasted');
    await page.keyboard.press('Control+z');
    await expect.poll(() => Promise.all(accounts.map((a) => sheet.text(a, 'service')))).toEqual(before);
    await page.keyboard.press('Control+y');
    await expect.poll(() => sheet.text('Adatum Health', 'service')).toBe('$4,200');
    // The redo's reload settles before the next test clicks: under load it otherwise lands after the click.
    await sheet.saved();
  });

  it('refuses a pasted block with one bad value as a whole, naming the cell', async () => {
    const before = await sheet.text('Woodgrove Bank', 'presale');
    await sheet.focus('Woodgrove Bank', 'presale');
    await sheet.paste('10\t20\n30\tabc\n');
    await sheet.error().waitFor();
    const message = (await sheet.error().textContent()) ?? '';
    expect(message).toContain('Nothing was pasted');
    expect(message).toMatch(/row \d+ \(Proseware Labs\), column Production: value "abc" must be a number/);
    expect(await sheet.text('Woodgrove Bank', 'presale')).toBe(before);
    // A sort moves the rows under the message: it goes rather than point at another account's cell.
    const header = page.locator('.ag-header-cell[col-id="revenue"] .ag-header-cell-label');
    await header.click();
    await expect.poll(() => sheet.error().count()).toBe(0);
    await header.click();
    await header.click(); // ascending, descending, and back to the sheet's own order for the tests that follow
    await expect.poll(() => page.locator('.ag-header-cell[col-id="revenue"]').getAttribute('aria-sort')).toBe('none');
  });

  it('adds an account, deletes it, and brings it back with undo', async () => {
    await page.getByRole('button', { name: '+ Account' }).click();
    // The new account's name opens for typing.
    await page.waitForFunction(() => document.activeElement?.closest('.ag-cell-inline-editing[col-id="account"]'));
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Zeta Test Ltd');
    await page.keyboard.press('Enter');
    await expect.poll(() => sheet.status('accounts').textContent()).toBe('43 accounts');
    await sheet.saved();
    await sheet.search('Zeta Test');
    await sheet.focus('Zeta Test Ltd', 'revenue');
    await page.getByRole('button', { name: 'Delete selected' }).click();
    await expect.poll(() => sheet.status('accounts').textContent()).toBe('42 accounts');
    await page.keyboard.press('Control+z');
    await expect.poll(() => sheet.status('accounts').textContent()).toBe('43 accounts');
    expect(await sheet.text('Zeta Test Ltd', 'revenue')).toBe('$0');
    await sheet.search('');
  });

  it('Delete clears a cell, and Ctrl+C copies a Shift+arrow block as tab-separated text', async () => {
    await sheet.focus('Coho Winery', 'labour');
    await page.keyboard.press('Delete');
    await expect.poll(() => sheet.text('Coho Winery', 'labour')).toBe('$0');
    await sheet.saved();
    const report = await cpwJson<Report>(['report', book, '--period', '2026-Q3', '--json']);
    const coho = report.accounts.find((a) => a.account === 'Coho Winery')!;
    const next = report.accounts[report.accounts.indexOf(coho) + 1]!;
    expect(coho.labour).toBe(0);
    await sheet.focus('Coho Winery', 'presale');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    const copied = await page.evaluate(() => {
      const data = new DataTransfer();
      document.activeElement!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      return data.getData('text/plain');
    });
    expect(copied).toBe(`${coho.presale}\t${coho.production}\n${next.presale}\t${next.production}`);
    await sheet.screenshot('sheet-block-selected');
  });

  it('undo still works after a reload: the history is in the workbook', async () => {
    const before = await sheet.text('Wingtip Toys', 'calls');
    await sheet.type('Wingtip Toys', 'calls', '77');
    await expect.poll(() => sheet.text('Wingtip Toys', 'calls')).toBe('77');
    await sheet.saved();
    await page.reload();
    await sheet.open(server.url);
    expect(await sheet.text('Wingtip Toys', 'calls')).toBe('77');
    await page.keyboard.press('Control+z');
    await expect.poll(() => sheet.text('Wingtip Toys', 'calls')).toBe(before);
  });

  it('the assumptions panel recomputes the sheet as a rate changes', async () => {
    const report = await cpwJson<Report>(['report', book, '--period', '2026-Q3', '--json']);
    const nw = report.accounts.find((a) => a.account === 'Northwind Logistics')!;
    expect(await sheet.text('Northwind Logistics', 'interactionCost')).toBe(formatMoney(nw.interactionCost, 'USD'));
    await page.getByRole('button', { name: 'Assumptions' }).click();
    const rate = page.getByRole('textbox', { name: 'Daily rate' });
    await rate.fill('2000');
    await rate.press('Enter');
    await expect.poll(() => sheet.text('Northwind Logistics', 'interactionCost')).toBe(formatMoney(nw.interactionCost * 2, 'USD'));
    await rate.fill('-1');
    await rate.press('Enter');
    await page.getByText('Daily rate must be 0 or more', { exact: true }).waitFor();
    await sheet.screenshot('sheet-assumptions');
    await rate.fill('1000');
    await rate.press('Enter');
    await expect.poll(() => sheet.text('Northwind Logistics', 'interactionCost')).toBe(formatMoney(nw.interactionCost, 'USD'));
    await page.getByRole('button', { name: 'Close assumptions' }).click();
  });

  it('totals follow a search: the rows shown, "N of 43", and the columns add up on screen', async () => {
    await sheet.search('Bank');
    const report = await cpwJson<Report>(['report', book, '--period', '2026-Q3', '--json']);
    const names = async () => (await page.locator('.ag-row:not(.ag-row-pinned) .ag-cell[col-id="account"]').allTextContents()).map((n) => n.trim());
    await expect.poll(async () => (await names()).length).toBeLessThan(report.accounts.length);
    const shown = (await names()).length;
    expect(shown).toBeGreaterThan(0);
    const picked = report.accounts.filter((a) => a.account.includes('Bank'));
    expect(picked.map((a) => a.account).sort()).toEqual((await names()).sort());
    await expect.poll(() => sheet.totalsText('account')).toBe(`Total (${shown} of ${report.accounts.length} accounts)`);
    const sum = (k: 'revenue' | 'profit') => picked.reduce((s, a) => s + a[k], 0);
    expect(await sheet.totalsText('revenue')).toBe(formatMoney(sum('revenue'), 'USD'));
    expect(await sheet.totalsText('profit')).toBe(formatMoney(sum('profit'), 'USD'));
    await sheet.screenshot('sheet-search-totals');
    await sheet.search('');
    await expect.poll(() => sheet.totalsText('account')).toBe(`Total (${report.accounts.length} accounts)`);
    expect(await sheet.totalsText('revenue')).toBe(formatMoney(report.portfolio.revenue, 'USD'));
  });

  it('keeps the edits in the workbook file once the server stops', async () => {
    expect(await server.stop()).toBe(0);
    const report = await cpwJson<Report>(['report', book, '--period', '2026-Q3', '--json']);
    const by = (name: string) => report.accounts.find((a) => a.account === name)!;
    expect(by('Northwind Logistics').revenue).toBe(900_000);
    expect(by('Adatum Health').service).toBe(4200);
    expect(by('Zeta Test Ltd')).toBeDefined();
    expect(by('Fabrikam Foods').presale).toBeGreaterThan(0);
  });
});

describe('an empty workbook in browser mode', () => {
  it('says what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpw-e2e-'));
    const book = join(dir, 'empty.cpw');
    await cpw(['new', book]);
    const server = await serve(book);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(server.url);
      await page.getByText('This workbook has no periods yet').waitFor();
      expect(await page.locator('.empty-state').textContent()).toContain('use Import… in the top bar');
      await new SheetPage(page).screenshot('sheet-empty-workbook');
      await page.goto(new URL('#/dashboard', server.url).toString());
      await page.getByText('Nothing to chart yet').waitFor({ timeout: 5000 });
      await page.goto(new URL('#/interactions', server.url).toString());
      await page.getByText('No interactions logged yet').waitFor({ timeout: 5000 });
      await page.goto(new URL('#/owners', server.url).toString());
      await page.getByText('No period to score yet').waitFor({ timeout: 5000 });
      await page.goto(new URL('#/report', server.url).toString());
      await page.getByText('Nothing to report yet').waitFor({ timeout: 5000 });
    } finally {
      await browser.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

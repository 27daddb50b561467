import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../shared/schemas/report';
import { csv, cpwJson, ROOT } from '../helpers';
import { openSession, SCREENSHOTS, type Served, type Session } from './browser';
import { SheetPage } from './pages/sheet-page';

describe("cost pools in the window: HBR's customer-service department", () => {
  let session: Session;
  let page: Page;
  let server: Served;
  const file = (name: string, text: string) => {
    writeFileSync(join(session.dir, name), text);
    return join(session.dir, name);
  };

  beforeAll(async () => {
    session = await openSession({
      sample: false,
      prepare: (dir) => {
        writeFileSync(join(dir, 'sheet.csv'), csv(['account', 'revenue', 'service'], [['Acme', 500_000, 1_000], ['Beta', 200_000, 2_000], ['Cara', 100_000, 3_000], ['Dell', 50_000, 4_000]]));
        execFileSync(process.execPath, [join(ROOT, 'electron', 'cli', 'bin.cjs'), 'import', join(dir, 'w.cpw'), join(dir, 'sheet.csv'), '--period', '2026-Q1'], { cwd: ROOT });
      },
    });
    ({ page, server } = session);
    page.setDefaultTimeout(15_000);
    const u = new URL(server.url);
    u.hash = '#/pools';
    await page.goto(u.toString());
    await page.getByText('No cost pools in this period yet').waitFor();
  });

  afterAll(() => session?.close());

  it('imports pools, activities and drivers and shows the published rate, minutes, allocation and unused capacity', async () => {
    await page.getByLabel('Import pools…').setInputFiles(file('pools.csv', csv(['pool', 'cost', 'capacityMinutes', 'bucket'], [['Customer service', 560_000, 700_000, 'service']])));
    await page.getByTestId('rate-Customer service').waitFor();
    await page.getByLabel('Import activities…').setInputFiles(file('activities.csv', csv(['pool', 'activity', 'minutesPerUnit'], [['Customer service', 'Orders', 8], ['Customer service', 'Inquiries', 44], ['Customer service', 'Credit checks', 50]])));
    await page.getByLabel('Minutes per Credit checks').waitFor();
    await page.getByLabel('Import drivers…').setInputFiles(file('drivers.csv', csv(['account', 'Orders', 'Inquiries', 'Credit checks'], [['Acme', 30_000, 400, 500], ['Beta', 15_000, 1_000, ''], ['Cara', 4_000, '', 2_000]])));
    await expect.poll(() => page.getByTestId('allocated-Customer service').textContent()).toBe('$462,880');
    expect(await page.getByTestId('rate-Customer service').textContent()).toBe('$0.80');
    expect(await page.getByTestId('used-Customer service').textContent()).toBe('578,600 (82.7%)');
    expect(await page.getByTestId('unused-Customer service').textContent()).toBe('$97,120');
    await page.getByTestId('drivers-grid').locator('.ag-row').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'cost-pools.png'), fullPage: true });
    const report = await cpwJson<Report>(['report', session.book, '--json']);
    expect(report.portfolio.service).toBe(462_880 + 10_000);
  });

  it('marks the allocated cells in the sheet, with the breakdown on hover, and the totals include them', async () => {
    await page.getByRole('link', { name: 'Sheet' }).click();
    const sheet = new SheetPage(page);
    const cell = await sheet.cell('Acme', 'service');
    await expect.poll(() => cell.getAttribute('class')).toContain('allocated');
    // What counts is shown: the typed $1,000 and the allocated $226,080, so the column adds up to its total on screen.
    expect(await sheet.text('Acme', 'service')).toBe('$227,080');
    const shown = await Promise.all(['Acme', 'Beta', 'Cara', 'Dell'].map((a) => sheet.text(a, 'service')));
    expect(shown.reduce((s, t) => s + Number(t.replace(/[^0-9.-]/g, '')), 0)).toBe(472_880);
    expect(await (await sheet.cell('Dell', 'service')).getAttribute('class')).not.toContain('allocated');
    expect(await sheet.totalsText('service')).toBe('$472,880');
    expect(await sheet.text('Acme', 'profit')).toBe(`$${(500_000 - 1_000 - 226_080).toLocaleString('en-US')}`);
    await cell.hover();
    const tip = page.locator('.ag-tooltip');
    await tip.waitFor();
    expect(await tip.textContent()).toContain('Allocated from cost pools: $226,080 (Customer service · Orders: 30,000 → 240,000 min (minutes per unit) × $0.80/min = $192,000; Customer service · Inquiries: 400 → 17,600 min (minutes per unit) × $0.80/min = $14,080; Customer service · Credit checks: 500 → 25,000 min (minutes per unit) × $0.80/min = $20,000). It is added to the $1,000 typed here.');
    expect(await tip.textContent()).toContain('Shown: $227,080.');
    await page.screenshot({ path: join(SCREENSHOTS, 'sheet-allocated.png') });
    // Editing edits the typed amount.
    await cell.click();
    await page.keyboard.press('F2');
    expect(await page.locator('.ag-cell-inline-editing input').inputValue()).toBe('1000');
    await page.keyboard.press('Escape');
  });

  it('counts transaction lines as an activity, and a bucket can take the allocation in place of what was typed', async () => {
    await page.getByRole('link', { name: 'Cost pools' }).click();
    await page.getByLabel('Activity the lines count').selectOption('Inquiries');
    const lines = Array.from({ length: 2_000 }, (_, k) => [`T-${k}`, ['Acme', 'Beta', 'Cara', 'Dell'][k % 4]!]);
    await page.getByLabel('Import transaction lines…').setInputFiles(file('tickets.csv', csv(['Ticket', 'Customer'], lines)));
    // 500 inquiries each at 44 minutes and $0.80: 17,600 per account, on top of the orders and credit checks.
    await expect.poll(() => page.getByTestId('used-Customer service').textContent()).toBe(`${(49_000 * 8 + 2_000 * 44 + 2_500 * 50).toLocaleString('en-US')} (86.4%)`);
    await page.getByLabel('How Post-sale service takes allocated amounts').selectOption('replace');
    await expect.poll(async () => (await cpwJson<Report>(['report', session.book, '--json'])).accounts.find((a) => a.account === 'Dell')!.service).toBe(17_600);
  });
  it('takes a block pasted into the driver counts as one change the window undoes and redoes, and refuses a bad block whole', async () => {
    await page.getByRole('link', { name: 'Cost pools' }).click();
    const drivers = new SheetPage(page);
    const dellAllocated = await drivers.text('Dell', 'allocated');
    await drivers.focus('Cara', 'driver:Orders');
    await drivers.paste('5000\t100\n1,000\t50\n');
    // Dell: 1,000 orders at 8 minutes and 50 inquiries at 44, at $0.80 a minute.
    await expect.poll(() => drivers.text('Dell', 'allocated')).toBe('$8,160');
    expect(await drivers.text('Dell', 'driver:Orders')).toBe('1,000');
    expect(await drivers.text('Cara', 'driver:Inquiries')).toBe('100');
    expect(await drivers.text('Cara', 'allocated')).toBe('$115,520');
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    await expect.poll(() => undo.getAttribute('title')).toBe('Undo cost pools of 2026-Q1 (Ctrl+Z)');
    await page.keyboard.press('Control+z');
    await expect.poll(() => drivers.text('Dell', 'allocated')).toBe(dellAllocated);
    expect(await drivers.text('Dell', 'driver:Orders')).toBe('0');
    await page.keyboard.press('Control+y');
    await expect.poll(() => drivers.text('Dell', 'driver:Orders')).toBe('1,000');
    const report = await cpwJson<Report>(['report', session.book, '--json']);
    expect(report.accounts.find((a) => a.account === 'Dell')!.service).toBe(8_160);

    await drivers.focus('Acme', 'driver:Orders');
    await drivers.paste('10\tabc\n');
    const error = page.locator('.cell-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Nothing was pasted: row 1 (Acme), column Inquiries: value "abc"');
    expect(await drivers.text('Acme', 'driver:Orders')).toBe('30,000');
    await page.screenshot({ path: join(SCREENSHOTS, 'drivers-paste-refused.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await expect.poll(() => error.count()).toBe(0);
    // A typed count is checked as a pasted one is.
    await page.keyboard.type('-5');
    await page.keyboard.press('Enter');
    await error.waitFor();
    expect(await error.textContent()).toContain('Orders of Acme: "-5" must be a count, 0 or more. Nothing was saved.');
    expect(await drivers.text('Acme', 'driver:Orders')).toBe('30,000');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, SCREENSHOTS, type Session } from './browser';
import { SheetPage } from './pages/sheet-page';

const settingsOf = (s: Session) => JSON.parse(readFileSync(join(s.profile, 'settings.json'), 'utf8')) as Record<string, unknown>;
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });

describe('first run on an empty profile', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await openSession({ sample: false, firstRun: true });
    page = session.page;
    await page.goto(session.server.url);
  });
  afterAll(() => session?.close());

  it('shows the welcome screen: the sample, a new workbook, an import, and recent files', async () => {
    const welcome = page.getByRole('dialog', { name: 'Welcome' });
    await welcome.waitFor();
    for (const name of [/Open the sample workbook/, /New workbook/, /Import a spreadsheet/]) {
      await expect.poll(() => welcome.getByRole('button', { name }).count()).toBe(1);
    }
    expect(await welcome.getByRole('heading', { name: 'Recent workbooks' }).count()).toBe(1);
    expect(await welcome.locator('.recent-list button').allTextContents()).toEqual([expect.stringMatching(/^w\.cpw/)]); // the workbook served is remembered
    await shot(page, 'welcome');
  });

  it('opening the sample reloads on it, then the tour starts on the sheet and can be skipped', async () => {
    await page.getByRole('button', { name: /Open the sample workbook/ }).click();
    await page.locator('.workbook-name', { hasText: 'Sample.cpw' }).waitFor({ timeout: 15_000 });
    const tour = page.locator('.tour-card');
    await tour.waitFor();
    expect(await tour.locator('h2').textContent()).toBe('The sheet');
    expect(await page.locator('.tour-ring').count()).toBe(1);
    await shot(page, 'tour-sheet');
    await tour.getByRole('button', { name: 'Next' }).click();
    expect(await tour.locator('h2').textContent()).toBe('The dashboard');
    await tour.getByRole('button', { name: 'Skip tour' }).click();
    await expect.poll(() => page.locator('.tour-card').count()).toBe(0);
    await expect.poll(() => settingsOf(session)).toMatchObject({ welcomed: true, tourDone: true });
  });

  it('the next start goes straight to the workbook: no welcome, no tour; both come back from Help', async () => {
    await page.reload();
    await page.locator('.ag-cell[col-id="account"]').first().waitFor();
    expect(await page.getByRole('dialog', { name: 'Welcome' }).count()).toBe(0);
    expect(await page.locator('.tour-card').count()).toBe(0);
    await page.getByRole('button', { name: 'Help', exact: true }).click();
    await page.getByRole('button', { name: 'Take the tour' }).click();
    await page.locator('.tour-card').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.tour-card').count()).toBe(0);
    await page.getByRole('button', { name: 'Welcome', exact: true }).click();
    const recent = page.getByRole('dialog', { name: 'Welcome' }).locator('.recent-list button');
    expect(await recent.allTextContents()).toEqual([expect.stringMatching(/^Sample\.cpw/), expect.stringMatching(/^w\.cpw/)]);
    await page.keyboard.press('Escape');
  });
});

describe('help, glossary and settings', () => {
  let session: Session;
  let page: Page;
  let sheet: SheetPage;

  beforeAll(async () => {
    session = await openSession({ sample: true });
    page = session.page;
    sheet = new SheetPage(page);
    await sheet.open(session.server.url);
  });
  afterAll(() => session?.close());

  it('F1 opens the glossary at the focused column, with its formula, an example and what to do; Escape returns to the cell', async () => {
    await sheet.focus('Contoso Retail', 'roi');
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Help' });
    await help.waitFor();
    const current = help.locator('section.current');
    expect(await current.getAttribute('data-entry')).toBe('roi');
    expect(await current.textContent()).toMatch(/ROI.*profit divided by total cost.*Example.*41\.2%.*What to do about it/s);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-entry'))).toBe('roi');
    await shot(page, 'help-glossary');
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.closest('[col-id]')?.getAttribute('col-id'))).toBe('roi');
  });

  it('F1 on an input column says it is an input, in the words of the sheet', async () => {
    await sheet.focus('Contoso Retail', 'service');
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Help' });
    expect(await help.locator('.glossary > p.hint').textContent()).toMatch(/^Post-sale service is an input you type/);
    expect(await help.locator('section.current').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
  });

  it("a computed column's ? opens the glossary at it without sorting the sheet", async () => {
    const firstBefore = await page.locator('.ag-row[row-index="0"]:not(.ag-row-pinned) .ag-cell[col-id="account"]').textContent();
    await page.locator('.ag-header-cell[col-id="costToRevenue"] .help-link').click();
    const help = page.getByRole('dialog', { name: 'Help' });
    expect(await help.locator('section.current').getAttribute('data-entry')).toBe('costToRevenue');
    await page.keyboard.press('Escape');
    expect(await page.locator('.ag-header-cell[col-id="costToRevenue"]').getAttribute('aria-sort')).toBe('none');
    expect(await page.locator('.ag-row[row-index="0"]:not(.ag-row-pinned) .ag-cell[col-id="account"]').textContent()).toBe(firstBefore);
  });

  it('? outside the cells opens the keyboard shortcuts; F1 on a KPI tile opens its metric', async () => {
    await page.getByRole('searchbox', { name: 'Search accounts' }).focus();
    await page.keyboard.press('Tab'); // to the Undo button: out of the text field
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Help' });
    await help.getByRole('tabpanel').waitFor();
    expect(await help.getByRole('tab', { selected: true }).textContent()).toMatch(/Keyboard shortcuts/);
    expect(await help.getByRole('row').count()).toBeGreaterThan(15);
    await shot(page, 'help-shortcuts');
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByTestId('tile-churnRate').focus();
    await page.keyboard.press('F1');
    expect(await help.locator('section.current').getAttribute('data-entry')).toBe('churnRate');
    // Deep in the glossary, the panel scrolls to the metric and the dialog's title and close button stay in view.
    const [box, close, entry] = await Promise.all([help.boundingBox(), help.getByRole('button', { name: 'Close help' }).boundingBox(), help.locator('section.current').boundingBox()]);
    expect(close!.y).toBeGreaterThanOrEqual(box!.y);
    expect(entry!.y).toBeGreaterThan(close!.y);
    expect(entry!.y).toBeLessThan(box!.y + box!.height);
    await shot(page, 'help-glossary-deep');
    await page.keyboard.press('Escape');
    await page.getByTestId('tile-profitGivenBack').locator('.help-link').click();
    expect(await help.locator('section.current').getAttribute('data-entry')).toBe('lossMakers');
    await page.keyboard.press('Escape');
  });

  it('settings: the theme is the person’s (kept in the profile, the page turns dark); the currency is the workbook’s', async () => {
    await page.getByRole('link', { name: 'Sheet' }).click();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByLabel('Theme').selectOption('dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => document.body.dataset.agThemeMode)).toBe('dark');
    await expect.poll(() => settingsOf(session)).toMatchObject({ theme: 'dark' });
    const paper = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(paper).toBe('rgb(22, 26, 33)');
    await shot(page, 'settings-dark');
    await dialog.locator('input[name="currency"]').fill('EUR');
    await dialog.locator('input[name="currency"]').press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.totalsText('revenue')).toMatch(/^€/);
    expect(await sheet.text('Contoso Retail', 'revenue')).toMatch(/^€/); // typed cells too, not only the totals
    await shot(page, 'sheet-dark');
  });

  it('the number format is the person’s: German figures at once, with the period, the filters and Settings kept', async () => {
    const periods = await page.getByLabel('Period', { exact: true }).locator('option').allTextContents();
    expect(periods.length).toBeGreaterThan(1);
    await page.getByLabel('Period', { exact: true }).selectOption(periods[0]!); // not the latest, which a reload would show
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.goto(`${session.server.url}#/dashboard`);
    const owner = (await page.getByLabel('Filter by owner').locator('option').allTextContents())[1]!;
    await page.getByLabel('Filter by owner').selectOption(owner);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByLabel('Number format').selectOption('de-DE');
    await expect.poll(() => page.getByTestId('tile-revenue').locator('.tile-value').textContent()).toMatch(/^[\d.,]+\s(Mio\.\s)?€$/);
    expect(await dialog.isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true); // no reload
    expect(await page.getByLabel('Period', { exact: true }).inputValue()).toBe(periods[0]);
    expect(await page.getByLabel('Filter by owner').inputValue()).toBe(owner);
    await shot(page, 'settings-number-format');
    await page.keyboard.press('Escape');
    await page.goto(`${session.server.url}#/sheet`);
    await expect.poll(() => sheet.totalsText('revenue')).toMatch(/^\d{1,3}(\.\d{3})+\s€$/);
    expect(settingsOf(session)).toMatchObject({ numberLocale: 'de-DE', theme: 'dark' });
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../shared/schemas/report';
import { cpwJson } from '../helpers';
import { openSession, type Session } from './browser';
import { fieldIds, leakedIds } from './field-ids';
import { SheetPage } from './pages/sheet-page';

const IDS = fieldIds();
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious or critical WCAG 2.1 AA findings of axe in the Find panel (contrast in the theme, labels). */
async function panelFindings(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run('.find-replace', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** The panel as a person uses it: the Find and Replace boxes, its count and what it says. */
class FindPanel {
  constructor(readonly page: Page) {}
  get root() {
    return this.page.getByRole('search', { name: 'Find and replace in the sheet' });
  }
  get find() {
    return this.root.getByRole('textbox', { name: 'Find' });
  }
  get replace() {
    return this.root.getByRole('textbox', { name: 'Replace with' });
  }
  count() {
    return this.root.locator('.find-count').textContent();
  }
  said() {
    return this.root.locator('.find-said').textContent();
  }
  option(name: 'Match case' | 'Whole cell') {
    return this.root.getByRole('checkbox', { name });
  }
  async lookIn(label: RegExp) {
    const select = this.root.getByRole('combobox', { name: 'Look in' });
    const value = await select.locator('option').filter({ hasText: label }).getAttribute('value');
    await select.selectOption(value!);
  }
}

/** The focused cell of the grid: its column and its row's account. */
const focusedCell = (page: Page) =>
  page.evaluate(() => {
    const cell = document.querySelector('.ag-cell-focus');
    const row = cell?.closest('.ag-row');
    return { col: cell?.getAttribute('col-id') ?? null, account: row?.querySelector('.ag-cell[col-id="account"]')?.textContent?.trim() ?? null, text: cell?.textContent?.trim() ?? null };
  });

/** Back to the top of the sheet: a match far down scrolled the first rows out of the drawn ones. */
const toTop = (page: Page) => page.getByTestId('sheet-grid').locator('.ag-grid-viewport').evaluate((el) => el.scrollTo({ top: 0, left: 0 }));

describe('find and replace in the sheet', () => {
  let session: Session;
  let page: Page;
  let sheet: SheetPage;
  let panel: FindPanel;
  const report = () => cpwJson<Report>(['report', session.book, '--json']);

  beforeAll(async () => {
    session = await openSession({ sample: true });
    page = session.page;
    sheet = new SheetPage(page);
    panel = new FindPanel(page);
    await sheet.open(session.server.url);
  });

  afterAll(() => session?.close());

  it('Ctrl+F opens Find over the sheet, focus in the Find box; it counts an owner and steps through the matches', async () => {
    const owned = (await report()).accounts.filter((a) => a.owner === 'Ben Okafor').length;
    expect(owned).toBeGreaterThan(2);
    await sheet.focus('Northwind Logistics', 'revenue');
    await page.keyboard.press('ControlOrMeta+f');
    await panel.find.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Find');
    await expect.poll(() => sheet.cell('Northwind Logistics', 'account').then((c) => c.isVisible())).toBe(true);
    await page.keyboard.type('Ben Okafor');
    await expect.poll(() => panel.count()).toBe(`${owned} matches`);
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.count()).toBe(`1 of ${owned}`);
    expect(await focusedCell(page)).toMatchObject({ col: 'owner', text: 'Ben Okafor' });
    const first = (await focusedCell(page)).account;
    // The typing stays in the panel: Enter again goes on, Shift+Enter back.
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.count()).toBe(`2 of ${owned}`);
    expect((await focusedCell(page)).account).not.toBe(first);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => panel.count()).toBe(`1 of ${owned}`);
    expect((await focusedCell(page)).account).toBe(first);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => panel.count()).toBe(`${owned} of ${owned}`);
  });

  it('Match case and Whole cell change the count', async () => {
    const owned = (await report()).accounts.filter((a) => a.owner === 'Ben Okafor').length;
    await panel.find.fill('ben okafor');
    await expect.poll(() => panel.count()).toBe(`${owned} matches`);
    await panel.option('Match case').check();
    await expect.poll(() => panel.count()).toBe('No matches');
    await panel.option('Match case').uncheck();
    await panel.find.fill('Okafor');
    await expect.poll(() => panel.count()).toBe(`${owned} matches`);
    await panel.option('Whole cell').check();
    await expect.poll(() => panel.count()).toBe('No matches');
    await panel.option('Whole cell').uncheck();
  });

  it('finds a number by its value however it is shown', async () => {
    await page.keyboard.press('Escape');
    await toTop(page);
    await sheet.type('Tailspin Air', 'presale', '12,345');
    await expect.poll(() => sheet.text('Tailspin Air', 'presale')).toBe('$12,345');
    await sheet.saved();
    await page.keyboard.press('ControlOrMeta+f');
    await panel.find.fill('12345');
    await panel.option('Whole cell').check();
    await expect.poll(() => panel.count()).toBe('1 match');
    await panel.find.press('Enter');
    await expect.poll(() => focusedCell(page)).toMatchObject({ col: 'presale', account: 'Tailspin Air' });
    await panel.find.fill('$12,345');
    await expect.poll(() => panel.count()).toBe('1 match');
    await panel.option('Whole cell').uncheck();
  });

  it('Escape closes it and gives the focus back to the grid', async () => {
    await panel.find.focus();
    await page.keyboard.press('Escape');
    await panel.root.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.ag-cell')))).toBe(true);
  });

  it('Ctrl+H replaces an owner in the Owner column as one change, saved in the workbook, and Ctrl+Z takes it all back', async () => {
    const before = await report();
    const owned = before.accounts.filter((a) => a.owner === 'Alice Moreau').map((a) => a.account).sort();
    await toTop(page);
    await sheet.focus('Northwind Logistics', 'owner');
    await page.keyboard.press('ControlOrMeta+h');
    await panel.replace.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Find');
    await panel.lookIn(/^Column: Owner$/);
    await panel.find.fill('Alice Moreau');
    await expect.poll(() => panel.count()).toBe(`${owned.length} matches`);
    await panel.replace.fill('Alicia Moreau-Diaz');
    await panel.root.getByRole('button', { name: 'Replace all' }).click();
    await expect.poll(() => panel.said()).toBe(`Replaced ${owned.length} cells.`);
    await expect.poll(() => panel.count()).toBe('No matches');
    await sheet.saved();
    const after = await report();
    expect(after.accounts.filter((a) => a.owner === 'Alice Moreau')).toEqual([]);
    expect(after.accounts.filter((a) => a.owner === 'Alicia Moreau-Diaz').map((a) => a.account).sort()).toEqual(owned);
    expect(after.accounts.filter((a) => a.owner !== 'Alicia Moreau-Diaz')).toEqual(before.accounts.filter((a) => a.owner !== 'Alice Moreau'));
    await page.locator('.notice', { hasText: `Replaced ${owned.length} cells` }).waitFor();
    await expect.poll(() => sheet.text('Northwind Logistics', 'owner')).toBe('Alicia Moreau-Diaz');
    await panel.find.fill('Moreau');
    await expect.poll(() => panel.count()).toBe(`${owned.length} matches`);
    // From the focused cell (Northwind Logistics' owner, the first match) on, as Excel goes.
    for (const k of [2, 3, 4]) {
      await panel.find.press('Enter');
      await expect.poll(() => panel.count()).toBe(`${k} of ${owned.length}`);
    }
    expect(await focusedCell(page)).toMatchObject({ col: 'owner', text: 'Alicia Moreau-Diaz' });
    expect(leakedIds(await page.evaluate(() => document.body.innerText), IDS), 'field ids on screen').toEqual([]);
    expect(await panelFindings(page)).toEqual([]);
    await sheet.screenshot('sheet-find-replace');

    await page.keyboard.press('Escape');
    await panel.root.waitFor({ state: 'detached' });
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(async () => (await report()).accounts.filter((a) => a.owner === 'Alice Moreau').length).toBe(owned.length);
    expect((await report()).accounts).toEqual(before.accounts);
  });

  it('refuses a replace that puts text in a number cell, naming the cell, and saves nothing', async () => {
    const before = await report();
    await toTop(page);
    const shown = await sheet.text('Northwind Logistics', 'revenue');
    await page.keyboard.press('ControlOrMeta+h');
    await panel.lookIn(/^Whole sheet$/);
    await panel.find.fill(shown);
    await panel.option('Whole cell').check();
    await expect.poll(() => panel.count()).toBe('1 match');
    await panel.replace.fill('a lot');
    await panel.root.getByRole('button', { name: 'Replace all' }).click();
    await expect.poll(() => panel.said()).toMatch(/^Nothing was replaced: row \d+ \(Northwind Logistics\), column Revenue: "a lot" /);
    expect(leakedIds((await panel.said()) ?? '', IDS)).toEqual([]);
    expect(await sheet.text('Northwind Logistics', 'revenue')).toBe(shown);
    expect((await report()).accounts).toEqual(before.accounts);
  });

  it('refuses to give two accounts one name, naming them', async () => {
    await panel.option('Whole cell').check();
    await panel.find.fill('Contoso Retail');
    await panel.replace.fill('fabrikam foods');
    await expect.poll(() => panel.count()).toBe('1 match');
    await panel.root.getByRole('button', { name: 'Replace all' }).click();
    await expect.poll(() => panel.said()).toBe('Nothing was replaced: renaming Contoso Retail to "fabrikam foods" would give it the same name as Fabrikam Foods.');
    // A name of its own is fine: the account is renamed in the workbook.
    await panel.replace.fill('Contoso Retail Group');
    await panel.root.getByRole('button', { name: 'Replace all' }).click();
    await expect.poll(() => panel.said()).toBe('Replaced 1 cell.');
    await sheet.saved();
    const names = (await report()).accounts.map((a) => a.account);
    expect(names).toContain('Contoso Retail Group');
    expect(names).not.toContain('Contoso Retail');
    await panel.find.press('Escape');
  });
});

describe('find and replace in the dark theme', () => {
  let session: Session;
  afterAll(() => session?.close());

  it('reads on the dark sheet', async () => {
    session = await openSession({ sample: true, settings: { theme: 'dark' } });
    const sheet = new SheetPage(session.page);
    const panel = new FindPanel(session.page);
    await sheet.open(session.server.url);
    await sheet.focus('Northwind Logistics', 'owner');
    await session.page.keyboard.press('ControlOrMeta+h');
    await panel.find.fill('Chiara Rossi');
    await panel.replace.fill('Chiara Bianchi');
    await expect.poll(() => panel.count()).toMatch(/^\d+ matches$/);
    await panel.find.press('Enter');
    await panel.find.press('Enter');
    await expect.poll(() => panel.count()).toMatch(/^2 of \d+$/);
    expect(leakedIds(await session.page.evaluate(() => document.body.innerText), IDS), 'field ids on screen').toEqual([]);
    expect(await panelFindings(session.page)).toEqual([]);
    await sheet.screenshot('sheet-find-replace-dark');

    // Replace: the current match only, and on to the next.
    const total = Number(((await panel.count()) ?? '').split(' of ')[1]);
    await panel.root.getByRole('button', { name: 'Replace', exact: true }).click();
    await expect.poll(() => panel.said()).toBe('Replaced 1 cell.');
    await expect.poll(() => panel.count()).toBe(`2 of ${total - 1}`);
    const owners = (await cpwJson<Report>(['report', session.book, '--json'])).accounts.map((a) => a.owner);
    expect(owners.filter((o) => o === 'Chiara Bianchi')).toHaveLength(1);
  });
});

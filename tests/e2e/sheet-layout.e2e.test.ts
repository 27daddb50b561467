import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SheetLayout } from '../../shared/schemas/sheet-layout';
import { csv, ROOT } from '../helpers';
import { openSession, type Session } from './browser';
import { SheetColumns } from './pages/columns-page';
import { SheetPage } from './pages/sheet-page';

// Issue 24, item 4: the sheet's column widths, order, hidden and pinned columns, sort and filters are the
// person's, per workbook, across reloads (kept in their profile folder); "Reset columns" in a column's menu
// brings the sheet's own back. The account's name stays pinned left whatever is restored.

type Stored = { workbooks: { workbook: string; layout: SheetLayout }[] };
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('the sheet keeps its columns per workbook', () => {
  let session: Session;
  let page: Page;
  let sheet: SheetPage;
  let cols: SheetColumns;
  /** The sheet's own layout, as a first open shows it. */
  let defaults: { order: string[]; widths: Record<string, number>; pinned: string[]; accounts: string[] };
  /** What the person made of demo.cpw. */
  let arranged: typeof defaults;

  const layoutsFile = () => join(session.profile, 'sheet-layouts.json');
  const stored = (): Stored => (existsSync(layoutsFile()) ? (JSON.parse(readFileSync(layoutsFile(), 'utf8')) as Stored) : { workbooks: [] });
  const keptFor = (name: string) => stored().workbooks.find((w) => w.workbook.endsWith(name))?.layout ?? null;
  const current = async () => ({ order: await cols.order(), widths: await cols.widths(), pinned: await cols.pinnedLeft(), accounts: await cols.accounts() });
  const reload = async () => {
    await page.reload();
    await page.locator('.ag-row:not(.ag-row-pinned) .ag-cell[col-id="account"]').first().waitFor({ timeout: 15_000 });
  };

  beforeAll(async () => {
    session = await openSession({ sample: true });
    page = session.page;
    sheet = new SheetPage(page);
    cols = new SheetColumns(page);
    await sheet.open(session.server.url);
    defaults = await current();
  });
  afterAll(() => session?.close());

  it('widths, order, hidden and pinned columns, sort and filter are as the person left them after a reload', async () => {
    expect(defaults.pinned).toEqual(['account']);
    expect(defaults.order.slice(0, 3)).toEqual(['account', 'owner', 'segmentOverride']);

    await cols.resize('revenue', 80);
    await expect.poll(async () => (await cols.widths()).revenue).toBe(defaults.widths.revenue! + 80);
    await cols.choose('owner', 'Hide column');
    await expect.poll(() => cols.header('owner').count()).toBe(0);
    await cols.move('service', 'presale');
    await expect.poll(async () => (await cols.order()).indexOf('service')).toBeLessThan((await cols.order()).indexOf('presale'));
    await cols.choose('revenue', 'Pin to the left');
    await expect.poll(() => cols.pinnedLeft()).toEqual(['account', 'revenue']);
    await cols.clickHeader('profit');
    await cols.clickHeader('profit');
    await expect.poll(() => cols.sortOf('profit')).toBe('descending');
    await cols.filterContains('segment', 'Protect');
    await expect.poll(() => cols.filtered('segment')).toBe(true);
    arranged = await current();
    const filteredTotal = await sheet.totalsText('account');
    expect(filteredTotal).toMatch(/^Total \(\d+ of 42 accounts\)$/);
    await sheet.screenshot('sheet-layout-arranged');

    // Saved a moment after the last change, in the person's profile: not in the workbook.
    await expect.poll(() => keptFor('demo.cpw')?.filter.segment, { timeout: 5000 }).toEqual({ filterType: 'text', type: 'contains', filter: 'Protect' });
    expect(keptFor('demo.cpw')).toMatchObject({ sort: [{ id: 'profit', sort: 'desc' }] });

    await reload();
    await expect.poll(() => cols.order()).toEqual(arranged.order);
    expect(await cols.widths()).toEqual(arranged.widths);
    expect(await cols.header('owner').count()).toBe(0);
    expect(await cols.pinnedLeft()).toEqual(['account', 'revenue']);
    expect(await cols.sortOf('profit')).toBe('descending');
    expect(await cols.filtered('segment')).toBe(true);
    expect(await cols.accounts()).toEqual(arranged.accounts);
    expect(await sheet.totalsText('account')).toBe(filteredTotal);
    await sheet.screenshot('sheet-layout-after-reload');
  });

  it('the account stays pinned at the left while the sheet scrolls across', async () => {
    const grid = page.locator('.ag-body-horizontal-scroll-viewport');
    await grid.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await expect.poll(() => page.locator('.ag-header-cell[col-id="paretoClass"]').isVisible()).toBe(true);
    const account = (await page.locator('.ag-row:not(.ag-row-pinned) .ag-cell[col-id="account"]').first().boundingBox())!;
    const frame = (await page.getByTestId('sheet-grid').boundingBox())!;
    expect(account.x - frame.x).toBeLessThan(4);
    expect(await page.locator('.ag-row:not(.ag-row-pinned) .ag-cell[col-id="account"]').first().isVisible()).toBe(true);
    await sheet.screenshot('sheet-layout-scrolled-across');
    await grid.evaluate((el) => (el.scrollLeft = 0));
  });

  it('a second workbook has a layout of its own, and the first keeps its', async () => {
    // The sample of the profile, opened from the welcome screen (the window reloads on it).
    await page.getByRole('button', { name: 'Welcome', exact: true }).click();
    await page.getByRole('button', { name: /Open the sample workbook/ }).click();
    await page.locator('.workbook-name', { hasText: 'Sample.cpw' }).waitFor({ timeout: 15_000 });
    await page.locator('.ag-row:not(.ag-row-pinned) .ag-cell[col-id="account"]').first().waitFor({ timeout: 15_000 });
    expect(await cols.order()).toEqual(defaults.order);
    expect(await cols.widths()).toEqual(defaults.widths);
    expect(await cols.pinnedLeft()).toEqual(['account']);
    await cols.choose('calls', 'Hide column');
    await cols.resize('account', 60);
    await expect.poll(() => keptFor('Sample.cpw')?.columns.find((c) => c.id === 'account')?.width, { timeout: 5000 }).toBe(defaults.widths.account! + 60);
    const sample = await current();
    expect(sample.order).not.toContain('calls');
    await reload();
    await expect.poll(() => cols.order()).toEqual(sample.order);
    expect(await cols.widths()).toEqual(sample.widths);
    await sheet.screenshot('sheet-layout-second-workbook');

    await page.getByRole('button', { name: 'Welcome', exact: true }).click();
    await page.getByRole('dialog', { name: 'Welcome' }).locator('.recent-list button', { hasText: /^demo\.cpw/ }).click();
    await page.locator('.workbook-name', { hasText: 'demo.cpw' }).waitFor({ timeout: 15_000 });
    await page.locator('.ag-row:not(.ag-row-pinned) .ag-cell[col-id="account"]').first().waitFor({ timeout: 15_000 });
    await expect.poll(() => cols.order()).toEqual(arranged.order);
    expect(await cols.widths()).toEqual(arranged.widths);
    expect(await cols.sortOf('profit')).toBe('descending');
    expect(await cols.accounts()).toEqual(arranged.accounts);
  });

  it('Reset columns in a column’s menu (Alt+Down on its header) brings the sheet’s own columns back, and forgets the kept ones', async () => {
    await cols.header('revenue').focus();
    await page.keyboard.press('Alt+ArrowDown');
    const menu = cols.menu();
    await menu.waitFor();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Unpin column', 'Hide column', 'Show hidden columns (1)', 'Reset columns']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Unpin column');
    expect(await menuFindings(page)).toEqual([]);
    await sheet.screenshot('sheet-layout-column-menu');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'detached' });
    // The grid lays the reset out over a few frames: each part is waited for, not read once.
    const settles = { timeout: 5000 };
    await expect.poll(() => cols.order(), settles).toEqual(defaults.order);
    await expect.poll(() => cols.widths(), settles).toEqual(defaults.widths);
    await expect.poll(() => cols.pinnedLeft(), settles).toEqual(['account']);
    await expect.poll(() => cols.sortOf('profit'), settles).toBe('none');
    await expect.poll(() => cols.filtered('segment'), settles).toBe(false);
    // The rows the grid has drawn depend on the viewport by a row or so: the first twenty say the order is back.
    await expect.poll(async () => (await cols.accounts()).slice(0, 20), settles).toEqual(defaults.accounts.slice(0, 20));
    await expect.poll(() => sheet.totalsText('account'), settles).toBe('Total (42 accounts)');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('col-id'))).toBe('revenue'); // back on the header
    await sheet.screenshot('sheet-layout-reset');
    // The account's own menu offers no unpinning or hiding.
    await cols.header('account').hover();
    await cols.menuButton('account').click();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Reset columns']);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });

    await expect.poll(() => keptFor('demo.cpw'), { timeout: 5000 }).toBeNull();
    expect(keptFor('Sample.cpw')).not.toBeNull();
    await reload();
    expect(await cols.order()).toEqual(defaults.order);
    expect(await cols.widths()).toEqual(defaults.widths);
  });

  it('a kept layout cannot unpin, hide or move the account; columns gone since are left out', async () => {
    const file = stored();
    const entry = file.workbooks.find((w) => w.workbook.endsWith('Sample.cpw'))!;
    const others = defaults.order.filter((id) => id !== 'account').reverse();
    const layout: SheetLayout = {
      columns: [{ id: 'gone', width: 300 }, ...others.map((id) => ({ id, width: 90 })), { id: 'account', width: 180, hide: true }],
      sort: [{ id: 'gone', sort: 'asc' }],
      filter: { gone: { filterType: 'text', type: 'contains', filter: 'x' } },
    };
    writeFileSync(layoutsFile(), JSON.stringify({ workbooks: [{ workbook: entry.workbook, layout }] }));
    await page.getByRole('button', { name: 'Welcome', exact: true }).click();
    await page.getByRole('dialog', { name: 'Welcome' }).locator('.recent-list button', { hasText: /^Sample\.cpw/ }).click();
    await page.locator('.workbook-name', { hasText: 'Sample.cpw' }).waitFor({ timeout: 15_000 });
    await page.locator('.ag-row:not(.ag-row-pinned) .ag-cell[col-id="account"]').first().waitFor({ timeout: 15_000 });
    await expect.poll(() => cols.order()).toEqual(['account', ...others]);
    expect(await cols.pinnedLeft()).toEqual(['account']);
    expect((await cols.widths()).account).toBe(180);
    expect(await sheet.totalsText('account')).toBe('Total (42 accounts)'); // the gone column's filter is not applied
    expect(await cols.sortOf('account')).toBe('none');
    await sheet.screenshot('sheet-layout-account-kept');
  });
});

describe('a dimension’s column keeps its place too, though it comes with the rows, after the grid is made', () => {
  let session: Session;
  let page: Page;
  let cols: SheetColumns;
  const dim = 'dimensions.region';

  beforeAll(async () => {
    session = await openSession({
      sample: false,
      prepare: (dir) => {
        const file = join(dir, 'q1.csv');
        writeFileSync(file, csv(['Account', 'Revenue', 'Service', 'Region'], [['Acme', 10_000, 2_000, 'EMEA'], ['Beta', 20_000, 5_000, 'APAC'], ['Cara', 5_000, 6_000, '']]));
        execFileSync(process.execPath, [join(ROOT, 'electron', 'cli', 'bin.cjs'), 'import', join(dir, 'w.cpw'), file, '--period', '2026-Q1', '--dimension', 'region=Region'], { cwd: ROOT });
      },
    });
    page = session.page;
    cols = new SheetColumns(page);
    await new SheetPage(page).open(session.server.url);
    await cols.header(dim).waitFor();
  });
  afterAll(() => session?.close());

  it('moved after Revenue and widened, it is there after a reload; Reset puts it back', async () => {
    const start = await cols.order();
    const width = (await cols.widths())[dim]!;
    await cols.move(dim, 'presale');
    // Both places read from one order, each poll: the expected place must not be worked out once, before the move lands.
    await expect
      .poll(async () => {
        const order = await cols.order();
        return order.indexOf(dim) === order.indexOf('presale') - 1;
      }, { timeout: 5000 })
      .toBe(true);
    await cols.resize(dim, 70);
    await expect.poll(async () => (await cols.widths())[dim], { timeout: 5000 }).toBe(width + 70);
    const arranged = await cols.order();
    const stored = () => JSON.parse(readFileSync(join(session.profile, 'sheet-layouts.json'), 'utf8')) as { workbooks: { layout: SheetLayout }[] };
    await expect.poll(() => (existsSync(join(session.profile, 'sheet-layouts.json')) ? stored().workbooks[0]?.layout.columns.find((c) => c.id === dim)?.width : null), { timeout: 5000 }).toBe(width + 70);
    // Its column comes with the rows: made late (the rows answered after the grid is made), then early (the layout read late).
    for (const slow of ['rows.columns', 'profile.sheetLayout']) {
      await page.route('**/rpc', async (route) => {
        if ((route.request().postDataJSON() as { method?: string }).method === slow) await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      });
      await page.reload();
      await cols.header(dim).waitFor({ timeout: 15_000 });
      await expect.poll(() => cols.order(), { message: `${slow} answered late` }).toEqual(arranged);
      expect((await cols.widths())[dim]).toBe(width + 70);
      await page.unroute('**/rpc');
    }
    await new SheetPage(page).screenshot('sheet-layout-dimension');
    await cols.choose('account', 'Reset columns');
    await expect.poll(() => cols.order()).toEqual(start);
    expect((await cols.widths())[dim]).toBe(width);
  });
});

/** Serious or critical WCAG 2.1 AA findings of axe in the open column menu. */
async function menuFindings(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run('.column-menu', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './browser';
import { SheetPage } from './pages/sheet-page';

/**
 * Scrollbars that take no room and float over the content, as macOS draws
 * them with a trackpad ("Show scroll bars: automatically"). Playwright's
 * headless launch already hides scrollbars (--hide-scrollbars, width 0);
 * this style says so in the page itself, so the test keeps its condition
 * under any launch. It goes in before the app's first script: AG Grid
 * measures the scrollbar width once, when the first grid mounts.
 */
const OVERLAY_SCROLLBARS = `{
  const style = document.createElement('style');
  style.textContent = '::-webkit-scrollbar { width: 0; height: 0; }';
  const put = () => (document.head ?? document.documentElement).appendChild(style);
  if (document.documentElement) put();
  else new MutationObserver((_, seen) => { if (document.documentElement) { seen.disconnect(); put(); } }).observe(document, { childList: true });
}`;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const box = async (locator: Locator): Promise<Box> => {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${locator.toString()} is not on screen`);
  return b;
};

/** The grid repaints after a scroll, and lays its scrollbar out 100 ms later: wait until a row keeps its place. */
async function settled(row: Locator): Promise<void> {
  let last = '';
  await expect
    .poll(async () => {
      const [b, s] = await Promise.all([box(row), row.page().locator('.ag-body-horizontal-scroll').first().boundingBox()]);
      const now = JSON.stringify([b, s]);
      const same = now === last;
      last = now;
      return same;
    }, { interval: 150 })
    .toBe(true);
}

/** Whether two boxes share any area (touching edges do not count). */
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the sheet with overlay scrollbars (trackpad Macs), issue 22 item 18', () => {
  let session: Session;
  let page: Page;
  let sheet: SheetPage;

  beforeAll(async () => {
    // Narrow enough that the sheet scrolls both ways.
    session = await openSession({ sample: true, viewport: { width: 1000, height: 600 } });
    page = session.page;
    await page.addInitScript(OVERLAY_SCROLLBARS);
    sheet = new SheetPage(page);
    await sheet.open(session.server.url);
  });

  afterAll(() => session?.close());

  const grid = () => page.getByTestId('sheet-grid');
  /** AG Grid's horizontal scrollbar: with overlay scrollbars, a 16px strip of its own (over the rows, before the fix). */
  const strip = () => grid().locator('.ag-body-horizontal-scroll');
  const totals = () => grid().locator('.ag-row-pinned').first();

  /** A row is wholly in view: below the header, above the totals, inside the grid, and clear of the scrollbar. */
  async function expectWhollyVisible(row: Locator, what: string): Promise<void> {
    const parts = [row, totals(), strip(), grid().locator('.ag-grid-viewport'), grid().locator('.ag-header')];
    const [r, t, s, viewport, header] = (await Promise.all(parts.map(box))) as [Box, Box, Box, Box, Box];
    const where = `${what} at y ${r.y}..${r.y + r.height}, scrollbar at y ${s.y}..${s.y + s.height}`;
    expect(overlap(r, s), `${where}: covered by the horizontal scrollbar`).toBe(false);
    expect(r.y, `${where}: under the header`).toBeGreaterThanOrEqual(header.y + header.height - 0.5);
    // The totals row's top border may sit on the row's last pixel.
    expect(r.y + r.height, `${where}: under the totals row`).toBeLessThanOrEqual(t.y + 1);
    expect(r.y + r.height, `${where}: below the grid`).toBeLessThanOrEqual(viewport.y + viewport.height);
    expect(overlap(t, s), `totals row at y ${t.y}..${t.y + t.height}, scrollbar at y ${s.y}..${s.y + s.height}: covered by the horizontal scrollbar`).toBe(false);
    expect(t.y + t.height, 'totals row below the grid').toBeLessThanOrEqual(viewport.y + viewport.height);
  }

  it('AG Grid takes the scrollbars for overlays: the horizontal one is a strip of its own', async () => {
    await expect.poll(() => strip().getAttribute('class')).toContain('ag-scrollbar-invisible');
    // AG Grid shows the strip once the columns are laid out wider than the grid, a frame or more after mounting.
    await expect.poll(() => strip().isVisible()).toBe(true);
    await expect.poll(async () => (await strip().boundingBox())?.height ?? 0).toBeGreaterThan(0);
  });

  it('scrolled to the bottom right, the last account and the totals row are wholly in view', async () => {
    const accounts = Number.parseInt((await sheet.status('accounts').textContent()) ?? '', 10);
    expect(accounts).toBeGreaterThan(20);
    // As far down and right as the grid goes: a trackpad flick to the corner.
    await grid()
      .locator('.ag-grid-viewport')
      .evaluate((viewport) => viewport.scrollTo({ top: viewport.scrollHeight, left: viewport.scrollWidth }));
    const last = grid().locator(`.ag-row[row-index="${accounts - 1}"]:not(.ag-row-pinned)`);
    await last.waitFor();
    await settled(last);
    await sheet.screenshot('sheet-overlay-scrollbars');
    await expectWhollyVisible(last, `the last account (row ${accounts})`);
  });

  it('a row reached with the arrow keys is wholly in view, not under the scrollbar', async () => {
    await grid()
      .locator('.ag-grid-viewport')
      .evaluate((viewport) => viewport.scrollTo({ top: 0, left: 0 }));
    await grid().locator('.ag-row[row-index="0"]:not(.ag-row-pinned) .ag-cell[col-id="account"]').click();
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowDown');
    const focused = grid().locator('.ag-row:not(.ag-row-pinned):has(.ag-cell-focus)');
    await expect.poll(() => focused.getAttribute('row-index')).toBe('15');
    await settled(focused);
    await expectWhollyVisible(focused, 'the focused row 16');
  });
});

import type { Browser, Page } from 'playwright-core';
import { formatNumber } from '../../shared/format';
import { serve } from '../e2e/browser';

/**
 * The window as a user waits for it, in browser mode (the real `cpw serve` and
 * renderer in the installed Chromium): from starting the server on a workbook
 * to the grid's first rows with the status bar counting every account; then
 * sorting by revenue, a search, switching to the dashboard, each from the
 * user's action to the frame after the screen shows its result. Any step may
 * take at most `limitMs`; one that does not finish is null, and the rest are
 * not measured (the window is then still busy with it).
 */
export interface WindowTimes {
  openMs: number | null;
  sortMs: number | null;
  searchMs: number | null;
  dashboardMs: number | null;
  /** The import wizard on the same sheet, from the sheet into a new period: from picking the file to its figures, plus from Import to the rows in the status bar (the user's reading and click left out). */
  wizardMs: number | null;
  /** The page's JavaScript heap after the sheet was open, and after the dashboard, in MiB (Chromium's own figure). */
  heapSheetMiB: number | null;
  heapDashboardMiB: number | null;
}

/**
 * In the page: resolve `window.waited` to the time from the next `event` (caught
 * before the app sees it) to the frame after `done()` first holds. A script, as
 * this file is type-checked for Node, without the DOM.
 */
const arm = (event: string, done: string) => `window.waited = new Promise((resolve) => {
  let start = null;
  const check = () => {
    if (start === null || !(${done})) return false;
    seen.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - start));
    return true;
  };
  const seen = new MutationObserver(check);
  document.addEventListener('${event}', () => { start = performance.now(); setTimeout(check, 0); }, { capture: true, once: true });
  seen.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
});
0; // evaluate() would otherwise wait for the promise, and the action would never come`;

/** The page's document as these checks use it (this file is typed for Node, without the DOM). */
type Doc = { document: { querySelector(s: string): { textContent: string | null } | null } };
const ROW_ZERO = '.ag-row[row-index="0"]:not(.ag-row-pinned) .ag-cell[col-id="account"]';

const firstAccount = `document.querySelector(${JSON.stringify(ROW_ZERO)})?.textContent`;

async function waited(page: Page, limitMs: number): Promise<number | null> {
  const limit = new Promise<null>((done) => setTimeout(() => done(null), limitMs));
  return Promise.race([page.evaluate('window.waited') as Promise<number>, limit]);
}

async function heapMiB(page: Page): Promise<number | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    return used === undefined ? null : used / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}

/** The wizard's two waits: the file read and checked, then imported and shown; null past the limit. */
async function wizard(page: Page, sheet: string, counted: string, limitMs: number): Promise<number | null> {
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByLabel('Import into period').fill('Imported');
  const picked = performance.now();
  await page.getByLabel('Sheet file').setInputFiles(sheet);
  try {
    await page.getByTestId('import-counts').waitFor({ timeout: limitMs });
    const checked = performance.now() - picked;
    const clicked = performance.now();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached', timeout: limitMs });
    await page.waitForFunction((counted) => (globalThis as unknown as Doc).document.querySelector('[data-testid="status-accounts"]')?.textContent === counted, counted, { polling: 'raf', timeout: limitMs });
    return checked + (performance.now() - clicked);
  } catch {
    return null;
  }
}

export async function windowTimes(browser: Browser, file: string, sheet: string, accounts: number, lastAccount: string, limitMs: number): Promise<WindowTimes> {
  const times: WindowTimes = { openMs: null, sortMs: null, searchMs: null, dashboardMs: null, wizardMs: null, heapSheetMiB: null, heapDashboardMiB: null };
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const start = performance.now();
  const server = await serve(file);
  try {
    await page.goto(`${server.url}#/sheet`);
    const counted = `${formatNumber(accounts)} accounts`;
    // A function, not a text: the window's content security policy allows no eval.
    const open = page.waitForFunction(([first, counted]) => {
        const d = (globalThis as unknown as Doc).document;
        return d.querySelector(first) !== null && d.querySelector('[data-testid="status-accounts"]')?.textContent === counted;
      }, [ROW_ZERO, counted] as const, { polling: 'raf', timeout: limitMs }).then(
      () => performance.now() - start,
      () => null,
    );
    times.openMs = await open;
    if (times.openMs === null) return times;
    times.heapSheetMiB = await heapMiB(page);

    // Sorted by revenue (a click on its header, smallest first): the first row changes.
    const before = await page.evaluate(firstAccount);
    await page.evaluate(arm('click', `${firstAccount} !== ${JSON.stringify(before)}`));
    await page.locator('.ag-header-cell[col-id="revenue"] .ag-header-cell-text').click();
    times.sortMs = await waited(page, limitMs);
    if (times.sortMs === null) return times;

    // The last account by name, found with the top bar's search.
    await page.evaluate(arm('input', `${firstAccount} === ${JSON.stringify(lastAccount)}`));
    await page.getByRole('searchbox', { name: 'Search accounts' }).fill(lastAccount);
    times.searchMs = await waited(page, limitMs);
    if (times.searchMs === null) return times;
    await page.getByRole('searchbox', { name: 'Search accounts' }).fill('');

    await page.evaluate(arm('click', `document.querySelector('[data-testid="tile-profit"]') !== null && document.querySelectorAll('canvas[data-testid^="chart-"]').length > 0`));
    await page.getByRole('link', { name: 'Dashboard' }).click();
    times.dashboardMs = await waited(page, limitMs);
    if (times.dashboardMs === null) return times;
    times.heapDashboardMiB = await heapMiB(page);
    // The wizard from the sheet, where people import: from the dashboard its wait was the dashboard drawing the
    // new period behind the dialog (53.9 s at 100,000 accounts, the freeze of issue 22), not the import.
    await page.getByRole('link', { name: 'Sheet' }).click();
    await page.waitForFunction((first) => (globalThis as unknown as Doc).document.querySelector(first) !== null, ROW_ZERO, { polling: 'raf', timeout: limitMs });
    times.wizardMs = await wizard(page, sheet, counted, limitMs);
    return times;
  } finally {
    await page.close();
    await server.stop();
  }
}

import type { Page } from 'playwright-core';
import { hasChromium, launchChromium, serve } from '../e2e/browser';

/**
 * Run in the page before the Enter: resolves `window.latency` to the time from
 * that Enter to the frame after the totals row's text changes. A script, as
 * this file is type-checked for Node, without the DOM.
 */
const ARM = `window.latency = new Promise((resolve) => {
  let start = 0;
  document.addEventListener('keydown', (e) => { if (e.key === 'Enter') start = performance.now(); }, { capture: true, once: true });
  const total = () => document.querySelector('.ag-row-pinned .ag-cell[col-id="revenue"]')?.textContent;
  const before = total();
  const seen = new MutationObserver(() => {
    if (total() === before) return;
    seen.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - start));
  });
  seen.observe(document.querySelector('.ag-root'), { subtree: true, childList: true, characterData: true });
});
0; // evaluate() would otherwise wait for the promise, and the Enter would never come`;

/**
 * Milliseconds from the Enter that commits a revenue edit to the frame after
 * the totals row shows the new total, in the real window (browser mode, the
 * installed Chromium): the median of several edits of the first account.
 */
async function latency(page: Page, url: string, runs = 9): Promise<number> {
  await page.goto(`${url}#/sheet`);
  const cell = page.locator('.ag-row[row-index="0"]:not(.ag-row-pinned) .ag-cell[col-id="revenue"]').first();
  await cell.waitFor({ timeout: 120_000 });
  const times: number[] = [];
  for (let k = 0; k < runs + 2; k++) {
    await cell.click();
    await page.keyboard.press('F2');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(String(700_000 + k * 1_000));
    await page.evaluate(ARM);
    await page.keyboard.press('Enter');
    const ms = (await page.evaluate('window.latency')) as number;
    if (k >= 2) times.push(ms);
    await page.keyboard.press('Escape');
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)]!;
}

/** The edit latency at a large and a small workbook, or null where no Chromium is installed. */
export async function editLatency(large: string, small: string): Promise<{ large: number; small: number } | null> {
  if (!hasChromium()) return null;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const measure = async (file: string) => {
      const server = await serve(file);
      try {
        return await latency(page, server.url);
      } finally {
        await server.stop();
      }
    };
    return { small: await measure(small), large: await measure(large) };
  } finally {
    await browser.close();
  }
}

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvOf, generatePortfolio } from '../bench/portfolio';
import { ROOT } from '../helpers';
import { openSession, SCREENSHOTS, type Session } from './browser';
import { fieldIds, leakedIds } from './field-ids';

// Issue 22: every screen at the size of a real portfolio, in both themes: looked at in the screenshots, and checked for
// what a person must never see.

const IDS = fieldIds();
const SCREENS: [name: string, hash: string, ready: string][] = [
  ['sheet', 'sheet', '.ag-cell[col-id="account"]'],
  ['dashboard', 'dashboard', '[data-testid="tile-profit"]'],
  ['trends', 'trends', 'canvas'],
  ['interactions', 'interactions', 'main h2, main h3'],
  ['owners', 'owners', 'table'],
  ['pools', 'pools', 'main h2, main h3'],
  ['scenarios', 'scenarios', 'main h2, main h3'],
  ['report', 'report', 'main h2, main h3'],
  ['present', 'present', '[data-testid="key-figures"]'],
];

/**
 * Every main screen and Present on the sample, alone or with a generated period of
 * `accounts` after its four (as an import of the client's sheet leaves it),
 * in the light and the dark theme: a screenshot each (screens-<tag>-<theme>-<screen>.png),
 * the page never scrolls sideways, and no field id of the code is on screen.
 */
export function everyScreen(accounts: number | 'sample', seed: number, tag: string, timeout: number, laptop = false): void {
  // The sample alone: its latest period, 2026-Q3, has 42 accounts.
  const count = accounts === 'sample' ? '42 accounts' : `${accounts.toLocaleString('en-US')} accounts`;
  const period = accounts === 'sample' ? '2026-Q3' : '2026-Q4';
  // Both themes on a desktop screen; and, where asked, a 1280 x 800 laptop, where the top bar must wrap, not push the page sideways.
  const runs = [
    { theme: 'light', viewport: { width: 1440, height: 900 }, name: 'light' },
    { theme: 'dark', viewport: { width: 1440, height: 900 }, name: 'dark' },
    ...(laptop ? [{ theme: 'light', viewport: { width: 1280, height: 800 }, name: 'laptop' }] : []),
  ] as const;
  for (const { theme, viewport, name: variant } of runs) {
    describe(`every screen at ${count}, ${variant === 'laptop' ? 'on a 1280 x 800 laptop' : `${theme} theme`}`, () => {
      let session: Session;
      let page: Page;

      beforeAll(async () => {
        session = await openSession({
          sample: true,
          settings: { theme },
          viewport,
          prepare: (dir) => {
            if (accounts === 'sample') return;
            const csv = join(dir, 'portfolio.csv');
            writeFileSync(csv, csvOf(generatePortfolio(accounts, seed)));
            execFileSync(process.execPath, [join(ROOT, 'electron', 'cli', 'bin.cjs'), 'import', join(dir, 'demo.cpw'), csv, '--period', '2026-Q4'], { cwd: ROOT });
          },
        });
        page = session.page;
        page.setDefaultTimeout(timeout);
        await page.goto(session.server.url);
        await page.locator('.ag-cell[col-id="account"]').first().waitFor();
      }, timeout * 3);
      afterAll(() => session?.close());

      for (const [name, hash, ready] of SCREENS) {
        it(
          `${name}: fits the window and shows no field id`,
          async () => {
            await page.evaluate((h) => (window.location.hash = `#/${h}`), hash);
            await page.locator(ready).first().waitFor();
            await page.waitForTimeout(300); // charts and the grid settle
            expect(await page.getByTestId('status-accounts').or(page.getByTestId('slide-count')).first().textContent()).toMatch(new RegExp(`^${count}$|${period}`));
            await page.screenshot({ path: join(SCREENSHOTS, `screens-${tag}-${variant}-${name}.png`) });
            // Nothing runs off the side: the page itself never scrolls sideways (wide grids scroll inside).
            expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
            expect(leakedIds(await page.evaluate(() => document.body.innerText), IDS), 'field ids on screen').toEqual([]);
            if (hash === 'sheet') {
              // The totals are read first: none is cut to "$3,221,051,…" however large the portfolio.
              const cut = await page.evaluate(() =>
                [...document.querySelectorAll<HTMLElement>('.totals-row .ag-cell[col-id]')]
                  .filter((c) => [c, c.querySelector<HTMLElement>('.ag-cell-value') ?? c].some((e) => e.scrollWidth > e.clientWidth))
                  .map((c) => `${c.getAttribute('col-id')}: ${c.textContent}`),
              );
              expect(cut, 'totals cut in the sheet').toEqual([]);
            }
            if (hash === 'present') await page.keyboard.press('Escape');
          },
          timeout * 2,
        );
      }
    });
  }
}

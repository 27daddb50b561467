import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvOf, generatePortfolio } from '../bench/portfolio';
import { ROOT } from '../helpers';
import { openSession, SCREENSHOTS, type Session } from './browser';
import { fieldIds, leakedIds } from './field-ids';

// Issue 22: every screen at the size of a real portfolio (the public Superstore sample has 793 customers), in both
// themes: looked at in the screenshots, and checked for what a person must never see.

const ACCOUNTS = 800;
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

for (const theme of ['light', 'dark'] as const) {
  describe(`every screen at ${ACCOUNTS} accounts, ${theme} theme`, () => {
    let session: Session;
    let page: Page;

    beforeAll(async () => {
      session = await openSession({
        sample: true,
        settings: { theme },
        // A period of 800 accounts after the sample's four, as an import of the client's sheet leaves it.
        prepare: (dir) => {
          const csv = join(dir, 'portfolio.csv');
          writeFileSync(csv, csvOf(generatePortfolio(ACCOUNTS, 22)));
          execFileSync(process.execPath, [join(ROOT, 'electron', 'cli', 'bin.cjs'), 'import', join(dir, 'demo.cpw'), csv, '--period', '2026-Q4'], { cwd: ROOT });
        },
      });
      page = session.page;
      page.setDefaultTimeout(20_000);
      await page.goto(session.server.url);
      await page.locator('.ag-cell[col-id="account"]').first().waitFor();
    });
    afterAll(() => session?.close());

    for (const [name, hash, ready] of SCREENS) {
      it(`${name}: fits the window and shows no field id`, async () => {
        await page.evaluate((h) => (window.location.hash = `#/${h}`), hash);
        await page.locator(ready).first().waitFor();
        await page.waitForTimeout(300); // charts and the grid settle
        expect(await page.getByTestId('status-accounts').or(page.getByTestId('slide-count')).first().textContent()).toMatch(/800 accounts|2026-Q4/);
        await page.screenshot({ path: join(SCREENSHOTS, `screens-800-${theme}-${name}.png`) });
        // Nothing runs off the side: the page itself never scrolls sideways (wide grids scroll inside).
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        expect(leakedIds(await page.evaluate(() => document.body.innerText), IDS), 'field ids on screen').toEqual([]);
        if (hash === 'present') await page.keyboard.press('Escape');
      });
    }
  });
}

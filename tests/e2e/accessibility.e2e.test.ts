import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, SCREENSHOTS, type Session } from './browser';
import { fieldIds, leakedIds } from './field-ids';

const IDS = fieldIds();

// axe-core on every screen and dialog, in both themes: WCAG 2.1 A and AA rules, contrast included.
// A serious or critical finding fails the test; the lesser ones are printed.

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  targets: string[];
}

async function audit(page: Page): Promise<Finding[]> {
  // page.evaluate runs outside the page's CSP, as a browser extension's checker would.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

/** Each screen: how to get there from the sheet, and what shows it is ready. */
const SCREENS: { name: string; open: (page: Page) => Promise<void> }[] = [
  { name: 'sheet', open: (p) => view(p, 'sheet', '.ag-cell[col-id="account"]') },
  { name: 'dashboard', open: (p) => view(p, 'dashboard', '[data-testid="tile-profit"]') },
  { name: 'trends', open: (p) => view(p, 'trends', 'canvas') },
  { name: 'interactions', open: (p) => view(p, 'interactions', 'main h2, main h3') },
  { name: 'owners', open: (p) => view(p, 'owners', 'table') },
  { name: 'pools', open: (p) => view(p, 'pools', 'main h2, main h3') },
  { name: 'scenarios', open: (p) => view(p, 'scenarios', 'main h2, main h3') },
  { name: 'report', open: (p) => view(p, 'report', 'main h2, main h3') },
  { name: 'customer picture', open: (p) => view(p, 'account/Contoso%20Retail', 'main h2') },
  { name: 'help: glossary', open: (p) => dialog(p, 'sheet', 'F1', 'Help') },
  { name: 'help: shortcuts', open: (p) => dialog(p, 'dashboard', '?', 'Help') },
  { name: 'settings', open: (p) => button(p, 'Settings', 'Settings') },
  { name: 'welcome', open: (p) => button(p, 'Welcome', 'Welcome') },
  { name: 'periods', open: (p) => button(p, 'Periods…', 'Periods') },
  { name: 'import wizard', open: (p) => button(p, 'Import…', 'Import a sheet') },
  {
    name: 'tour',
    open: async (p) => {
      await button(p, 'Help', 'Help');
      await p.getByRole('button', { name: 'Take the tour' }).click();
      await p.locator('.tour-card').waitFor();
    },
  },
];

async function view(page: Page, hash: string, ready: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = `#/${h}`), hash);
  await page.locator(ready).first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(300); // charts and the grid settle
}

async function dialog(page: Page, hash: string, key: string, name: string): Promise<void> {
  await view(page, hash, hash === 'sheet' ? '.ag-cell[col-id="roi"]' : '[data-testid="tile-profit"]');
  if (hash === 'sheet') await page.locator('.ag-row[row-index="1"] .ag-cell[col-id="roi"]').click();
  else await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(key);
  await page.getByRole('dialog', { name }).waitFor();
}

async function button(page: Page, label: string, dialogName: string): Promise<void> {
  await view(page, 'sheet', '.ag-cell[col-id="account"]');
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.getByRole('dialog', { name: dialogName }).waitFor();
}

for (const theme of ['light', 'dark'] as const) {
  describe(`accessibility, ${theme} theme: axe-core on every screen`, () => {
    let session: Session;
    let page: Page;
    const found: Record<string, Finding[]> = {};

    beforeAll(async () => {
      session = await openSession({ sample: true, settings: { theme } });
      page = session.page;
      await page.goto(session.server.url);
      await page.locator('.ag-cell[col-id="account"]').first().waitFor({ timeout: 15_000 });
    });
    afterAll(async () => {
      const rows = Object.entries(found).map(([screen, f]) => `${screen}: ${f.length ? f.map((x) => `${x.impact} ${x.id} (${x.nodes})`).join(', ') : 'none'}`);
      console.log(`axe, ${theme} theme:\n  ${rows.join('\n  ')}`);
      await session?.close();
    });

    it('Tab alone reaches every control of the top bar and every view of the rail, each with a visible focus ring', async () => {
      await page.evaluate(() => (window.location.hash = '#/sheet'));
      await page.reload();
      await page.locator('.ag-cell[col-id="account"]').first().waitFor({ timeout: 15_000 });
      const reached: { name: string; ring: boolean }[] = [];
      for (let k = 0; k < 30; k++) {
        await page.keyboard.press('Tab');
        reached.push(
          await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            const style = getComputedStyle(el);
            const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
            return { name: (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName).trim().slice(0, 40), ring };
          }),
        );
      }
      const names = reached.map((r) => r.name);
      for (const control of ['Period', '+ Period', 'Periods…', 'Search accounts', 'Import…', 'Assumptions', 'Settings', 'Help', 'Welcome', 'Sheet', 'Dashboard', 'Trends', 'Interactions', 'Owners', 'Cost pools', 'Scenarios', 'Report']) {
        expect(names, control).toContain(control);
      }
      const before = reached.slice(0, names.indexOf('Report') + 1);
      expect(before.filter((r) => !r.ring), 'focused without a visible ring').toEqual([]);
    });

    for (const screen of SCREENS) {
      it(`${screen.name}: no serious or critical finding`, async () => {
        // Each screen from a fresh page on the sheet, so one screen's dialog or state cannot hide another's findings.
        await page.evaluate(() => (window.location.hash = '#/sheet'));
        await page.reload();
        await page.locator('.ag-cell[col-id="account"]').first().waitFor({ timeout: 15_000 });
        await screen.open(page);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        const findings = await audit(page);
        found[screen.name] = findings;
        if (screen.name === 'dashboard' || screen.name === 'settings') {
          await page.screenshot({ path: join(SCREENSHOTS, `a11y-${theme}-${screen.name}.png`) });
        }
        const blocking = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
        expect(blocking, JSON.stringify(blocking, null, 1)).toEqual([]);
        // What a person reads holds labels, never the code's names for them.
        expect(leakedIds(await page.evaluate(() => document.body.innerText), IDS), 'field ids on screen').toEqual([]);
      });
    }
  });
}

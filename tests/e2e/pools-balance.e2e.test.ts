import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCents, formatMoney } from '../../shared/format';
import type { Allocation, Balance } from '../../shared/schemas/pools';
import { csv, cpwJson, ROOT } from '../helpers';
import { openSession, SCREENSHOTS, type Session } from './browser';
import { fieldIds, leakedIds } from './field-ids';

// Issue 23 in the window: the Balance tab of the cost pools (every dollar of a two-stage costing tied out, as
// `cpw allocate --balance` reckons it) and the Customer Picture's allocated cost (by level of the cost hierarchy, each
// contribution with the pools its money came from). The costing is set up through the real command line.

const IDS = fieldIds();
const PERIOD = '2026-Q3';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// The Balance tab reads to the cent, as a tie-out is read; the Customer Picture in whole money, as the rest of it.
const m = (v: number) => formatCents(v, 'USD');
const whole = (v: number) => formatMoney(v, 'USD');

/** IT passes its whole cost to the two teams (60/40); Customer service costs by time, Order handling by a rate and by time. */
function twoStageCosting(dir: string): void {
  const files = {
    pools: csv(['pool', 'cost', 'capacityMinutes', 'bucket'], [['IT', 120_000, 100_000, 'service'], ['Customer service', 300_000, 400_000, 'service'], ['Order handling', 80_000, 100_000, 'distribution']]),
    activities: csv(
      ['pool', 'activity', 'minutesPerUnit', 'costPerUnit', 'level'],
      [['Customer service', 'Inquiries', 30, '', 'customer-sustaining'], ['Customer service', 'Site visits', 240, '', 'delivery'], ['Order handling', 'Orders', '', 12, 'order'], ['Order handling', 'Order lines', 5, '', '']],
    ),
    drivers: csv(
      ['account', 'Inquiries', 'Site visits', 'Orders', 'Order lines'],
      [['Contoso Retail', 2_000, 100, 1_500, 6_000], ['Northwind Logistics', 1_500, 60, 1_000, 4_500], ['Tailspin Air', 1_000, 40, 800, 3_000], ['Fabrikam Foods', 500, '', 600, 2_000], ['Alpine Ski House', 800, '', 400, 1_500], ['Litware Systems', 200, '', 300, 1_000]],
    ),
    feeds: csv(['pool', 'to', 'basis', 'share'], [['IT', 'Customer service', 'split', '60%'], ['IT', 'Order handling', 'split', '40%']]),
  };
  const args = Object.entries(files).flatMap(([part, text]) => {
    writeFileSync(join(dir, `${part}.csv`), text);
    return [`--${part}`, join(dir, `${part}.csv`)];
  });
  execFileSync(process.execPath, [join(ROOT, 'electron', 'cli', 'bin.cjs'), 'pools', join(dir, 'demo.cpw'), '--period', PERIOD, ...args], { cwd: ROOT });
}

async function axeFindings(page: Page): Promise<{ id: string; impact: string | null; targets: string[] }[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

const blocking = <T extends { impact: string | null }>(f: T[]) => f.filter((x) => x.impact === 'serious' || x.impact === 'critical');

for (const theme of ['light', 'dark'] as const) {
  const shot = (name: string) => join(SCREENSHOTS, theme === 'light' ? `${name}.png` : `${name}-dark.png`);

  describe(`the balance of a two-stage costing and an account's allocated cost, ${theme} theme`, () => {
    let session: Session;
    let page: Page;

    beforeAll(async () => {
      session = await openSession({ sample: true, settings: { theme }, prepare: twoStageCosting });
      page = session.page;
      page.setDefaultTimeout(15_000);
      const u = new URL(session.server.url);
      u.hash = '#/pools';
      await page.goto(u.toString());
      await page.getByRole('tab', { name: 'Setup' }).waitFor();
    });
    afterAll(() => session?.close());

    it('the tabs switch with the arrow keys, and the Balance tab shows what cpw allocate --balance reckons, every pool tied out', async () => {
      const setup = page.getByRole('tab', { name: 'Setup' });
      const tab = page.getByRole('tab', { name: 'Balance' });
      expect(await setup.getAttribute('aria-selected')).toBe('true');
      await setup.focus();
      await page.keyboard.press('ArrowRight');
      expect(await tab.getAttribute('aria-selected')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('pools-tab-balance');
      await page.keyboard.press('ArrowLeft');
      expect(await setup.getAttribute('aria-selected')).toBe('true');
      await page.getByRole('toolbar', { name: 'Cost pools' }).waitFor();
      await page.keyboard.press('End');
      const panel = page.getByRole('tabpanel', { name: 'Balance' });
      await panel.getByTestId('balance-pools').waitFor();

      const expected = await cpwJson<Balance & { period: string }>(['allocate', session.book, '--period', PERIOD, '--balance', '--json']);
      expect(expected.pools.map((p) => p.pool)).toEqual(['IT', 'Customer service', 'Order handling']);
      for (const p of expected.pools) {
        const row = panel.locator(`[data-testid="balance-pools"] tr[data-pool="${p.pool}"]`);
        const cell = (col: string) => row.locator(`[data-col="${col}"]`).textContent();
        expect(await row.locator('.pool-name').textContent()).toBe(p.pool);
        expect(await cell('stage')).toBe(String(p.stage));
        expect(await cell('cost')).toBe(m(p.cost));
        expect(await cell('received')).toBe(m(p.received));
        expect(await cell('accounts')).toBe(m(p.toAccounts));
        expect(await cell('pools')).toBe(m(p.toPools));
        expect(await cell('unused')).toBe(m(p.unused));
        expect(await cell('over')).toBe(p.overCapacity > 0 ? `${m(p.overCapacity)} used beyond capacity` : m(0));
        expect(p.balanced, `${p.pool} ties out`).toBe(true);
        expect(await row.getByRole('img', { name: 'Ties out' }).count(), `${p.pool}: a check mark`).toBe(1);
      }
      // IT's whole cost went to the other pools, none to accounts; what they received is its cost.
      const it = expected.pools.find((p) => p.pool === 'IT')!;
      expect(it.toPools).toBe(120_000);
      expect(await panel.locator('tr[data-pool="IT"] [data-col="pools"]').textContent()).toBe('$120,000.00');
      expect(await panel.locator('tr[data-pool="IT"] [data-col="accounts"]').textContent()).toBe('$0.00');
      expect(await panel.locator('tr[data-pool="IT"] th').textContent()).toBe('IT passes all of it to Customer service and Order handling');
      expect(expected.pools.filter((p) => p.stage === 2).reduce((s, p) => s + p.received, 0)).toBeCloseTo(it.toPools, 6);
      // Order handling's rate-based orders take more than the pool has: flagged in words, on a tinted row.
      expect(await panel.locator('tr[data-pool="Order handling"]').getAttribute('class')).toBe('over');

      const fed = expected.buckets.filter((b) => b.allocated !== 0);
      expect(fed.map((b) => b.bucket).sort()).toEqual(['distribution', 'service']);
      expect(await panel.locator('[data-testid="balance-buckets"] tbody tr').count()).toBe(2);
      for (const b of fed) {
        const row = panel.locator(`[data-testid="balance-buckets"] tr[data-bucket="${b.bucket}"]`);
        const cell = (col: string) => row.locator(`[data-col="${col}"]`).textContent();
        expect(await cell('before')).toBe(m(b.before));
        expect(await cell('allocated')).toBe(m(b.allocated));
        expect(await cell('after')).toBe(m(b.after));
        expect(await cell('takes')).toBe('adds to typed');
        expect(b.balanced).toBe(true);
        expect(await row.getByRole('img', { name: 'Ties out' }).count()).toBe(1);
      }
      expect(await panel.locator('tr[data-bucket="service"] th').textContent()).toBe('Post-sale service');
      expect(await panel.getByText('Presale, Production and Labour: no pool feeds them, so they stay as typed.').count()).toBe(1);

      expect(await panel.getByTestId('total-cost').textContent()).toBe(m(expected.total.cost));
      expect(await panel.getByTestId('total-accounts').textContent()).toBe(m(expected.total.toAccounts));
      expect(await panel.getByTestId('total-unused').textContent()).toBe(m(expected.total.unused));
      expect(await panel.getByTestId('total-over').textContent()).toBe(m(expected.total.overCapacity));
      expect(await panel.getByTestId('total-ties').textContent()).toBe('✓ Ties out');
      expect(expected.total.cost).toBeCloseTo(expected.total.toAccounts + expected.total.unused - expected.total.overCapacity, 2);

      expect(leakedIds(await page.evaluate(() => document.body.innerText), IDS), 'field ids on screen').toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      const found = blocking(await axeFindings(page));
      expect(found, JSON.stringify(found, null, 1)).toEqual([]);
      await page.screenshot({ path: shot('pools-balance'), fullPage: true });
    });

    it('reads the balance again when the pools are saved, undone, and when the period changes; a period without pools says how to add them', async () => {
      const panel = page.getByRole('tabpanel', { name: 'Balance' });
      const takes = panel.locator('tr[data-bucket="service"] [data-col="takes"]');
      expect(await takes.textContent()).toBe('adds to typed');
      await page.getByRole('tab', { name: 'Setup' }).click();
      await page.getByLabel('How Post-sale service takes allocated amounts').selectOption('replace');
      await expect.poll(() => cpwJson<Balance>(['allocate', session.book, '--period', PERIOD, '--balance', '--json']).then((b) => b.buckets.find((x) => x.bucket === 'service')!.mode)).toBe('replace');
      await page.getByRole('tab', { name: 'Balance' }).click();
      await expect.poll(() => takes.textContent()).toBe('replaces typed');
      const replaced = await cpwJson<Balance>(['allocate', session.book, '--period', PERIOD, '--balance', '--json']);
      const service = replaced.buckets.find((b) => b.bucket === 'service')!;
      expect(await panel.locator('tr[data-bucket="service"] [data-col="after"]').textContent()).toBe(m(service.allocated));
      expect(service.after).toBeCloseTo(service.allocated, 6);
      // Undone from the Balance tab itself: it follows.
      await page.getByRole('button', { name: 'Undo', exact: true }).click();
      await expect.poll(() => takes.textContent()).toBe('adds to typed');
      const undone = page.locator('.notice', { hasText: 'Undone' });
      await undone.waitFor();
      // The notice reads in both themes (it was white on the dark theme's near-white ink).
      expect(blocking(await axeFindings(page)).filter((f) => f.targets.some((t) => t.includes('notice')))).toEqual([]);
      await undone.getByRole('button', { name: 'Dismiss' }).click();

      await page.getByLabel('Period', { exact: true }).selectOption('2026-Q2');
      const empty = page.getByRole('heading', { name: 'No cost pools in 2026-Q2 to balance' });
      await empty.waitFor();
      const words = await page.locator('.empty-state').textContent();
      expect(words).toContain('+ Pool');
      expect(words).toContain('Import pools…');
      await page.screenshot({ path: shot('pools-balance-empty') });
      await page.getByRole('button', { name: 'Go to Setup' }).click();
      expect(await page.getByRole('tab', { name: 'Setup' }).getAttribute('aria-selected')).toBe('true');
      await page.getByText('No cost pools in this period yet').waitFor();
      await page.getByLabel('Period', { exact: true }).selectOption(PERIOD);
      await page.getByTestId('pool-figures').waitFor();
      await page.screenshot({ path: shot('pools-setup-tabs') });
      await page.getByRole('tab', { name: 'Balance' }).click();
      await panel.locator('tr[data-pool="IT"]').waitFor();
    });

    it("opens an account's Customer Picture with its allocated cost by level of the cost hierarchy, adding up to the amount allocated, each contribution with its sources", async () => {
      const account = 'Contoso Retail';
      await page.evaluate((a) => (window.location.hash = `#/account/${encodeURIComponent(a)}`), account);
      const section = page.getByRole('region', { name: 'Allocated cost' });
      await section.getByTestId('allocated-total').waitFor();

      const allocation = await cpwJson<Allocation>(['allocate', session.book, '--period', PERIOD, '--json']);
      const lines = allocation.allocations.filter((l) => l.account === account);
      const total = lines.reduce((s, l) => s + l.amount, 0);
      expect(total).toBeGreaterThan(0);
      expect(await section.getByTestId('allocated-total').textContent()).toBe(whole(total));

      const levels = { Order: 'order', Delivery: 'delivery', 'Customer-sustaining': 'customer-sustaining', Channel: 'channel', 'No level set': null } as const;
      const rows = await section.getByTestId('allocated-by-level').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
      expect(rows.map((r) => r[0])).toEqual(['Order', 'Delivery', 'Customer-sustaining', 'Channel', 'No level set']);
      let exact = 0;
      for (const [label, amount] of rows) {
        const level = levels[label as keyof typeof levels];
        const want = lines.filter((l) => l.level === level).reduce((s, l) => s + l.amount, 0);
        expect(amount, label).toBe(whole(want));
        exact += want;
      }
      // By level adds up to what the account was allocated: exactly, and on screen within the rounding of each figure to the dollar.
      expect(exact).toBeCloseTo(total, 6);
      const shown = rows.reduce((s, r) => s + Number(r[1]!.replace(/[^0-9.-]/g, '')), 0);
      expect(Math.abs(shown - Number(whole(total).replace(/[^0-9.-]/g, '')))).toBeLessThanOrEqual(rows.length / 2);

      const contributions = await section.getByTestId('allocated-lines').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
      expect(contributions).toHaveLength(lines.length);
      const inquiries = contributions.find((r) => r[1] === 'Inquiries')!;
      const line = lines.find((l) => l.activity === 'Inquiries')!;
      expect(inquiries.slice(0, 7)).toEqual(['Customer service (stage 2)', 'Inquiries', 'minutes per unit', '2,000', '60,000', '$0.93 a minute', whole(line.amount)]);
      // 120,000 x 60% of IT's money reached Customer service beside its own 300,000: each contribution carries both, in that ratio.
      expect(inquiries[7]).toBe(`Customer service ${whole((line.amount * 300_000) / 372_000)}; IT ${whole((line.amount * 72_000) / 372_000)}`);
      const orders = contributions.find((r) => r[1] === 'Orders')!;
      expect(orders.slice(0, 7)).toEqual(['Order handling (stage 2)', 'Orders', 'cost per unit', '1,500', '—', '$12.00 each', whole(18_000)]);

      expect(leakedIds(await page.evaluate(() => document.body.innerText), IDS), 'field ids on screen').toEqual([]);
      const found = blocking(await axeFindings(page));
      expect(found, JSON.stringify(found, null, 1)).toEqual([]);
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: shot('picture-allocated-cost') });
    });
  });
}

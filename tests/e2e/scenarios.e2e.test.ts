import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../shared/format';
import type { Report } from '../../shared/schemas/report';
import { cpwJson } from '../helpers';
import { openSession, SCREENSHOTS, type Served, type Session } from './browser';

describe('scenarios in browser mode, on the sample workbook', () => {
  let session: Session;
  let page: Page;
  let server: Served;

  beforeAll(async () => {
    session = await openSession({ sample: true });
    ({ page, server } = session);
    page.setDefaultTimeout(10_000);
    await page.goto(new URL('#/scenarios', server.url).toString());
    await page.getByLabel('Scenario name').waitFor();
  });

  afterAll(() => session?.close());

  it('cutting service 30% for Reassess changes profit by exactly what the engine says, and leaves the rows untouched', async () => {
    const before = await cpwJson<Report>(['report', session.book, '--json']);
    const engine = await cpwJson<{ baseline: { profit: number }; scenario: { profit: number }; difference: { profit: number } }>([
      'scenario', session.book, '--scale', 'service=-30', '--where', 'segment=Reassess', '--json',
    ]);
    await page.getByLabel('Scenario name').fill('Cut service for Reassess');
    await page.getByLabel('Change', { exact: true }).selectOption('scale');
    await page.getByLabel('Field').selectOption('service');
    await page.getByLabel('Change in percent').fill('-30');
    await page.getByLabel('For', { exact: true }).selectOption('segment');
    await page.getByLabel('Which').selectOption('Reassess');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    expect(await page.getByTestId('scenario-steps').textContent()).toContain('Cut service by 30% for segment Reassess');
    const profitRow = page.getByTestId('scenario-figures').locator('tr', { has: page.locator('th', { hasText: /^Profit$/ }) });
    await expect.poll(async () => (await profitRow.locator('td').allTextContents()).map((t) => t.trim())).toEqual([
      formatMoney(engine.baseline.profit, 'USD'),
      formatMoney(engine.scenario.profit, 'USD'),
      `+${formatMoney(engine.difference.profit, 'USD')}`,
    ]);
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await page.getByText('Saved "Cut service for Reassess" in the workbook.').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'scenarios.png') });
    const after = await cpwJson<Report>(['report', session.book, '--json']);
    expect(after.accounts).toEqual(before.accounts);
    const saved = await cpwJson<{ name: string; difference: { profit: number } }>(['scenario', session.book, '--name', 'Cut service for Reassess', '--json']);
    expect(saved.difference.profit).toBeCloseTo(engine.difference.profit, 6);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../shared/schemas/report';
import { cpwJson, csv } from '../helpers';
import { openSession, type Served, type Session } from './browser';
import { SheetPage } from './pages/sheet-page';

// Issue 24, item 5: dimensions in the sheet and the import wizard. A CSV with a Region column no field reads is
// imported keeping it as dimension "region"; the sheet shows it as column dimensions.region, takes an edit that
// Ctrl+Z undoes, and a dimension added from the toolbar becomes a column.

const REGIONS = ['EMEA', 'Americas', 'APAC', 'EMEA', 'Americas'];

describe('dimensions in browser mode', () => {
  let session: Session;
  let dir: string;
  let book: string;
  let page: Page;
  let server: Served;
  let sheet: SheetPage;

  beforeAll(async () => {
    session = await openSession({
      sample: false,
      viewport: { width: 1440, height: 1000 },
      prepare: (folder) => {
        const names = ['Acme Corp', 'Beta Industries', 'Gamma Ltd', 'Delta plc', 'Epsilon SA'];
        writeFileSync(join(folder, 'regions.csv'), csv(['Customer', 'Revenue', 'Support', 'Region'], names.map((n, k) => [n, 100_000 + k * 10_000, 5_000 + k * 1_000, REGIONS[k]!])));
      },
    });
    ({ dir, book, page, server } = session);
    page.setDefaultTimeout(10_000);
    sheet = new SheetPage(page);
    await page.goto(server.url);
    await page.getByText('This workbook has no periods yet').waitFor();
  });

  afterAll(() => session?.close());

  it('the wizard offers to keep Region as a dimension, says what it keeps, and imports it', async () => {
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByLabel('Import into period').fill('2026-Q1');
    await page.getByLabel('Sheet file').setInputFiles(join(dir, 'regions.csv'));
    const keep = page.getByRole('checkbox', { name: 'Keep Region as a dimension' });
    await keep.waitFor();
    expect(await keep.isChecked()).toBe(false);
    await keep.check();
    const name = page.getByLabel('Name of the dimension kept from Region');
    expect(await name.inputValue()).toBe('Region');
    // The name is the person's: "region", as the column id and the reports name it.
    await name.fill('region');
    await name.press('Enter');
    const said = page.getByTestId('import-dimensions').getByRole('status');
    await said.filter({ hasText: 'kept as dimension region' }).waitFor();
    expect(await said.textContent()).toContain('Region kept as dimension region: 5 accounts, 3 values (Americas, APAC, EMEA).');
    await page.screenshot({ path: join((await import('./browser')).SCREENSHOTS, 'import-wizard-dimension.png') });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const report = await cpwJson<Report>(['report', book, '--json']);
    expect(report.accounts.map((a) => a.dimensions.region)).toEqual(REGIONS);
  });

  it('shows the dimension as column dimensions.region after the Account group, with its values', async () => {
    await sheet.open(server.url);
    expect(await sheet.text('Acme Corp', 'dimensions.region')).toBe('EMEA');
    expect(await sheet.text('Gamma Ltd', 'dimensions.region')).toBe('APAC');
    const header = page.locator('.ag-header-cell[col-id="dimensions.region"]');
    expect((await header.textContent())?.trim()).toContain('region');
    const ids = await page.locator('.ag-header-row-column .ag-header-cell').evaluateAll((cells) => cells.map((c) => c.getAttribute('col-id')));
    // After the Account group's columns (account, owner, segmentOverride), before Revenue.
    expect(ids.indexOf('dimensions.region')).toBeGreaterThan(ids.indexOf('segmentOverride'));
    expect(ids.indexOf('dimensions.region')).toBeLessThan(ids.indexOf('revenue'));
    expect(await page.locator('.ag-header-group-cell', { hasText: 'Dimensions' }).count()).toBe(1);
    await sheet.screenshot('sheet-dimension-column');
  });

  it('takes a typed value with one dimensions.set, and Ctrl+Z puts the old one back', async () => {
    const calls: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/rpc')) calls.push((JSON.parse(r.postData() ?? '{}') as { method: string }).method);
    });
    await sheet.type('Acme Corp', 'dimensions.region', 'Nordics');
    await expect.poll(() => sheet.text('Acme Corp', 'dimensions.region')).toBe('Nordics');
    expect(calls.filter((m) => m === 'dimensions.set')).toHaveLength(1);
    expect(calls).not.toContain('rows.edit');
    expect((await cpwJson<Report>(['report', book, '--json'])).accounts[0]!.dimensions.region).toBe('Nordics');
    // The dashboard's groups read the same model: byDimension has the new value.
    await sheet.focus('Beta Industries', 'revenue');
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => sheet.text('Acme Corp', 'dimensions.region')).toBe('EMEA');
    expect((await cpwJson<Report>(['report', book, '--json'])).accounts[0]!.dimensions.region).toBe('EMEA');
  });

  it('a paste into the dimension column is one change; a block reaching other columns is refused whole', async () => {
    await sheet.focus('Beta Industries', 'dimensions.region');
    await sheet.paste('LATAM\nLATAM');
    await expect.poll(() => sheet.text('Gamma Ltd', 'dimensions.region')).toBe('LATAM');
    expect(await sheet.text('Beta Industries', 'dimensions.region')).toBe('LATAM');
    await sheet.focus('Delta plc', 'dimensions.region');
    await sheet.paste('X\t1');
    await sheet.error().waitFor();
    expect(await sheet.error().textContent()).toContain('Nothing was pasted: The block reaches dimension columns (region) and other columns');
    expect(await sheet.text('Delta plc', 'dimensions.region')).toBe('EMEA');
    await page.keyboard.press('Escape');
  });

  it('adds a dimension from the toolbar: a new, empty column of the sheet', async () => {
    await page.getByRole('button', { name: 'Dimensions…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dimensions' });
    await dialog.getByRole('cell', { name: 'region' }).or(dialog.getByLabel('Name of dimension region')).first().waitFor();
    await dialog.getByLabel('New dimension').fill('Tier');
    await dialog.getByRole('button', { name: 'Add dimension' }).click();
    await dialog.getByLabel('Name of dimension Tier').waitFor();
    await page.locator('.ag-header-cell[col-id="dimensions.Tier"]').waitFor();
    await page.screenshot({ path: join((await import('./browser')).SCREENSHOTS, 'sheet-dimensions-dialog.png') });
    await dialog.getByRole('button', { name: 'Close dimensions' }).click();
    expect(await sheet.text('Acme Corp', 'dimensions.Tier')).toBe('');
    await sheet.type('Acme Corp', 'dimensions.Tier', 'Gold');
    await expect.poll(() => sheet.text('Acme Corp', 'dimensions.Tier')).toBe('Gold');
    const report = await cpwJson<Report>(['report', book, '--json']);
    expect(report.portfolio.byDimension.Tier?.map((g) => g.value)).toEqual(['Gold', null]);
  });

  it('removes a dimension after a confirmation naming how many accounts lose their value', async () => {
    await page.getByRole('button', { name: 'Dimensions…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dimensions' });
    await dialog.getByRole('button', { name: 'Remove dimension Tier' }).click();
    expect(await dialog.getByRole('alert').textContent()).toContain('Remove Tier? 1 account loses its value; this cannot be undone.');
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.locator('.ag-header-cell[col-id="dimensions.Tier"]').waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Close dimensions' }).click();
    expect(Object.keys((await cpwJson<Report>(['report', book, '--json'])).portfolio.byDimension)).toEqual(['region']);
  });
});

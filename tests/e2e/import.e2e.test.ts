import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../shared/schemas/report';
import { cpw, cpwJson, csv } from '../helpers';
import { openSession, SCREENSHOTS, type Served, type Session } from './browser';
import { SheetPage } from './pages/sheet-page';

describe('the import wizard in browser mode', () => {
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
        // A messy file: a title line above the header, a revenue column no synonym knows, a totals line below.
        writeFileSync(join(folder, 'client.csv'), 'Client sheet exported 2026-11-20\n' + csv(['Customer', 'Invoiced', 'Support', 'Staff time', 'Notes'], [['Acme Corp', '120,000', '9,000', '7,000', 'key'], ['Beta Industries', '80,000', '16,000', '9,000', ''], ['Total', '200,000', '25,000', '16,000', '']]));
        // A German controller's sheet, as German Excel saves it: semicolons, decimal commas, a header naming two fields.
        writeFileSync(
          join(folder, 'kunden.csv'),
          [
            'Kunde / Customer;Umsatz 2026 (EUR);Vertriebskosten;Herstellkosten;Logistik;Kundendienst;Personalkosten;Termine;Anrufe;Verantwortlich;Termine / Anrufe (Plan)',
            'Müller GmbH;120.000,00;5.000,00;40.000,00;3.000,00;8.000,00;12.000,00;6;20;Anna Schmidt;8',
            'Schäfer AG;80.000,00;4.000,00;30.000,00;2.500,00;16.000,00;9.000,00;10;30;Jörg Weiß;12',
          ].join('\r\n') + '\r\n',
        );
        writeFileSync(join(folder, 'bad.csv'), csv(['Customer', 'Sales', 'Support'], [['Acme Corp', 'lots', '10'], ['Beta Industries', '100', '-5']]));
      },
    });
    ({ dir, book, page, server } = session);
    page.setDefaultTimeout(10_000);
    sheet = new SheetPage(page);
    await page.goto(server.url);
    await page.getByText('This workbook has no periods yet').waitFor();
  });

  afterAll(() => session?.close());

  it('takes a messy file, lets the user fix one mapping, imports, and shows the sheet', async () => {
    // What the window sends: the file's bytes once, then the id the backend keeps them under.
    const sent: { method: string; source: Record<string, unknown> }[] = [];
    const onRequest = (r: Request) => {
      const call = r.url().endsWith('/rpc') ? (JSON.parse(r.postData() ?? '{}') as { method: string; input?: { source?: Record<string, unknown> } }) : null;
      if (call?.method.startsWith('import.')) sent.push({ method: call.method, source: call.input?.source ?? {} });
    };
    page.on('request', onRequest);
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByLabel('Import into period').fill('2026-Q4');
    await page.getByLabel('Sheet file').setInputFiles(join(dir, 'client.csv'));
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    // The wizard's own words: the field's label and its picker, not the command line's --map revenue=HEADER.
    expect(await problems.textContent()).toContain('The sheet has no Revenue column: pick it under “Column for Revenue”.');
    expect(await problems.textContent()).not.toContain('--map');
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'import-wizard-unmapped.png') });
    await page.getByLabel('Column for Revenue').selectOption('Invoiced');
    await page.getByTestId('import-counts').waitFor();
    expect(await page.getByTestId('import-counts').textContent()).toContain('2 accounts: 2 new, 0 updated');
    expect(await page.getByLabel('Column for Post-sale service').inputValue()).toBe('Support');
    expect(await page.getByLabel('Column for Labour').inputValue()).toBe('Staff time');
    await page.screenshot({ path: join(SCREENSHOTS, 'import-wizard-ready.png') });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    page.off('request', onRequest);
    expect(sent.map((c) => [c.method, Object.keys(c.source).sort().join(',')])).toEqual([
      ['import.preview', 'content,fileName'],
      ['import.preview', 'staged'],
      ['import.commit', 'staged'],
    ]);
    await sheet.open(server.url);
    expect(await sheet.text('Acme Corp', 'revenue')).toBe('$120,000');
    expect(await sheet.text('Beta Industries', 'profit')).toBe('$55,000');
    expect(await page.getByTestId('status-accounts').textContent()).toBe('2 accounts');
  });

  it('a replace that removes accounts says how many on its button, asks once more, and offers merge as plainly', async () => {
    const before = await cpwJson<Report>(['report', book, '--json']);
    writeFileSync(join(dir, 'one.csv'), 'Customer,Revenue,Support\r\nAcme Corp,130000,9000\r\n');
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByLabel('Import into period').fill('2026-Q4');
    await page.getByLabel('Sheet file').setInputFiles(join(dir, 'one.csv'));
    await page.getByTestId('import-counts').waitFor();
    expect(await page.getByTestId('import-counts').textContent()).toContain('1 account: 0 new, 1 updated, 1 removed from 2026-Q4');
    await page.getByRole('button', { name: 'Replace 1 row…' }).click();
    const confirm = page.getByRole('alert').filter({ hasText: 'Replacing removes' });
    expect(await confirm.textContent()).toContain('Replacing removes the 1 account of 2026-Q4 that this file does not hold.');
    await page.screenshot({ path: join(SCREENSHOTS, 'import-wizard-replace.png') });
    await confirm.getByRole('button', { name: 'Merge instead' }).click();
    await expect.poll(() => page.getByTestId('import-counts').textContent()).toMatch(/^1 account: 0 new, 1 updated\./);
    expect(await page.getByRole('radio', { name: /^Merge/ }).isChecked()).toBe(true);
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Cancel the import' }).click();
    expect(await cpwJson<Report>(['report', book, '--json'])).toEqual(before);
  });

  it('exports the period as an XLSX download that imports back', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export XLSX' }).click()]);
    expect(download.suggestedFilename()).toBe('2026-Q4.xlsx');
    const file = join(dir, 'exported.xlsx');
    await download.saveAs(file);
    const copy = join(dir, 'copy.cpw');
    await cpw(['new', copy]);
    expect((await cpw(['import', copy, file, '--period', '2026-Q4'])).code).toBe(0);
    const a = await cpwJson<Report>(['report', book, '--json']);
    const b = await cpwJson<Report>(['report', copy, '--json']);
    expect(b.accounts).toEqual(a.accounts);
  });

  it('a file with errors shows every one, saves them as CSV, and changes nothing', async () => {
    const before = await cpwJson<Report>(['report', book, '--json']);
    // Dropped on the window, as a user would drag it from their desktop.
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'bad.csv', { type: 'text/csv' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, readFileSync(join(dir, 'bad.csv'), 'utf8'));
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect((await problems.locator('li').allTextContents())).toEqual([
      'row 2, column Sales: value "lots" — must be a number',
      'row 3, column Support: value "-5" — must be 0 or more (a negative cost or count is refused)',
    ]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save the problems as CSV' }).click()]);
    const saved = join(dir, 'problems.csv');
    await download.saveAs(saved);
    expect(readFileSync(saved, 'utf8')).toBe('row,column,value,rule\r\n2,Sales,lots,must be a number\r\n3,Support,\'-5,must be 0 or more (a negative cost or count is refused)\r\n');
    await page.screenshot({ path: join(SCREENSHOTS, 'import-wizard-errors.png') });
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Cancel the import' }).click();
    expect(await cpwJson<Report>(['report', book, '--json'])).toEqual(before);
  });

  it('reads a German-headed sheet and says beside each column by which rule it was matched, in plain words', async () => {
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByLabel('Import into period').fill('2027-Q1');
    await page.getByLabel('Sheet file').setInputFiles(join(dir, 'kunden.csv'));
    await page.getByTestId('import-counts').waitFor();
    expect(await page.getByTestId('import-counts').textContent()).toContain('2 accounts: 2 new, 0 updated');
    const rule = async (field: string) => ((await page.getByTestId(`match-rule-${field}`).textContent()) ?? '').trim();
    expect(await rule('account')).toBe('its header holds the word “Kunde”, German for Account');
    expect(await rule('revenue')).toBe('its header holds the word “Umsatz”, German for Revenue');
    expect(await rule('presale')).toBe('“Vertriebskosten” is German for Presale');
    expect(await rule('service')).toBe('“Kundendienst” is German for Post-sale service');
    expect(await rule('owner')).toBe('“Verantwortlich” is German for Owner');
    expect(await rule('csat')).toBe('');
    expect(await page.getByLabel('Column for Labour').inputValue()).toBe('Personalkosten');
    expect(await page.getByTestId('import-ambiguous').textContent()).toContain('“Termine / Anrufe (Plan)” names Meetings and Calls by the words of its header');
    await page.getByTestId('import-ambiguous').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'import-wizard-german.png') });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const report = await cpwJson<Report>(['report', book, '--period', '2027-Q1', '--json']);
    expect(report.accounts.map((a) => [a.account, a.revenue, a.presale, a.service, a.labour, a.meetings, a.owner])).toEqual([
      ['Müller GmbH', 120000, 5000, 8000, 12000, 6, 'Anna Schmidt'],
      ['Schäfer AG', 80000, 4000, 16000, 9000, 10, 'Jörg Weiß'],
    ]);
  });
});

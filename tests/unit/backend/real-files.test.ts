import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/schemas/report';
import { cpw, cpwJson, sha256, useTempDir } from '../../helpers';

// Issue 17, items 4, 5, 7, 9, 12 and 13: the files people really have, imported through the real `cpw`.

/** Windows-1252 bytes of a text, as Excel on Windows saves "CSV" (every character here is in that code page). */
function cp1252(text: string): Buffer {
  const high: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '™': 0x99 };
  return Buffer.from([...text].map((c) => high[c] ?? c.charCodeAt(0)));
}

async function book(dir: string): Promise<string> {
  const path = join(dir, 'w.cpw');
  expect((await cpw(['new', path])).code).toBe(0);
  return path;
}

async function accountsOf(path: string, period: string): Promise<Report['accounts']> {
  return (await cpwJson<Report>(['report', path, '--json', '--period', period])).accounts;
}

describe('accounts named like a totals line (item 4)', () => {
  const tmp = useTempDir();
  const sheet = [
    'Customer,Revenue,Service',
    'Total Energies SE,1000,100',
    'Sum Capital Partners,500,50',
    'Contoso,250,25',
    'Total,1750,175',
  ].join('\n');

  it('imports them as accounts and skips only the last row that sums the rows above, naming it, also under --dry-run', async () => {
    const dir = tmp();
    const path = await book(dir);
    writeFileSync(join(dir, 's.csv'), sheet);
    const dry = await cpw(['import', path, join(dir, 's.csv'), '--period', 'P', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Would import 3 rows');
    expect(dry.stdout).toContain('Skipped row 5: "Total": a totals line (its amounts are the sums of the rows above).');
    expect(dry.stdout).toMatch(/row 2, column Customer: value "Total Energies SE" — named like a totals line, but its amounts are not the sums/);
    const r = await cpw(['import', path, join(dir, 's.csv'), '--period', 'P']);
    expect(r.code, r.stderr).toBe(0);
    expect((await accountsOf(path, 'P')).map((a) => a.account)).toEqual(['Total Energies SE', 'Sum Capital Partners', 'Contoso']);
  });

  it('keeps a last row named "Total" whose numbers do not add up: it is an account', async () => {
    const dir = tmp();
    const path = await book(dir);
    writeFileSync(join(dir, 's.csv'), sheet.replace('Total,1750,175', 'Total,9999,175'));
    const r = await cpw(['import', path, join(dir, 's.csv'), '--period', 'P']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('Skipped');
    expect((await accountsOf(path, 'P')).map((a) => a.account)).toContain('Total');
  });

  it('an export of such accounts imports back with nothing removed', async () => {
    const dir = tmp();
    const path = await book(dir);
    writeFileSync(join(dir, 's.csv'), sheet);
    expect((await cpw(['import', path, join(dir, 's.csv'), '--period', 'P'])).code).toBe(0);
    for (const out of ['out.csv', 'out.xlsx']) {
      expect((await cpw(['export', path, '--period', 'P', '--out', join(dir, out)])).code).toBe(0);
      const back = await cpw(['import', path, join(dir, out), '--period', 'P']);
      expect(back.code, back.stderr).toBe(0);
      expect(back.stdout).toContain('Imported 3 rows into period P');
      expect(back.stdout).toContain('0 added, 3 updated, 0 removed');
    }
  });
});

describe('text in the encodings spreadsheets save (item 5)', () => {
  const tmp = useTempDir();
  const rows = ['Customer;Revenue;Service', "O’Brien – Söhne;€1000;€ 200", 'Café “Zürich”;2.500,50;0'];

  it('reads Windows-1252 (Excel\'s "CSV" on Windows) with its real characters and says so', async () => {
    const dir = tmp();
    const path = await book(dir);
    writeFileSync(join(dir, 'win.csv'), cp1252(rows.join('\r\n')));
    const r = await cpw(['import', path, join(dir, 'win.csv'), '--period', 'P']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Read as Windows-1252 text (the file is not UTF-8).');
    const accounts = await accountsOf(path, 'P');
    expect(accounts.map((a) => a.account)).toEqual(['O’Brien – Söhne', 'Café “Zürich”']);
    expect(accounts.map((a) => a.revenue)).toEqual([1000, 2500.5]);
    expect(accounts[0]!.service).toBe(200);
  });

  it.each([
    ['UTF-16 LE with a mark, tab-separated (Excel\'s "Unicode text")', 'unicode.txt', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
    ['UTF-16 LE without a mark', 'nomark.txt', (t: string) => Buffer.from(t, 'utf16le')],
    ['UTF-16 BE with a mark', 'be.csv', (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()])],
    ['UTF-8 with a mark', 'bom.csv', (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')])],
  ])('imports %s', async (_what, name, encode) => {
    const dir = tmp();
    const path = await book(dir);
    const tsv = ['Customer\tRevenue\tService', 'Müller GmbH\t1200\t100', '東京商事\t800\t0'].join('\r\n');
    writeFileSync(join(dir, name), encode(tsv));
    const r = await cpw(['import', path, join(dir, name), '--period', 'P']);
    expect(r.code, r.stderr).toBe(0);
    expect((await accountsOf(path, 'P')).map((a) => [a.account, a.revenue])).toEqual([['Müller GmbH', 1200], ['東京商事', 800]]);
  });

  it('a semicolon file of one account with a final newline is read with its semicolons (papaparse alone took it for one column)', async () => {
    const dir = tmp();
    const path = await book(dir);
    writeFileSync(join(dir, 'one.csv'), cp1252('Customer;Revenue\nO’Brien – Söhne;€1000\n'));
    const r = await cpw(['import', path, join(dir, 'one.csv'), '--period', 'P']);
    expect(r.code, r.stderr).toBe(0);
    expect((await accountsOf(path, 'P')).map((a) => [a.account, a.revenue])).toEqual([['O’Brien – Söhne', 1000]]);
  });

  it('refuses bytes that are neither UTF-8 nor Windows-1252, naming the line, rather than guessing', async () => {
    const dir = tmp();
    const path = await book(dir);
    writeFileSync(join(dir, 'odd.csv'), Buffer.concat([Buffer.from('Customer,Revenue\nAcme,1\nB'), Buffer.from([0x81]), Buffer.from('eta,2\n')]));
    const r = await cpw(['import', path, join(dir, 'odd.csv'), '--period', 'P']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/odd\.csv: line 3: byte 0x81 is not a character of UTF-8 or of Windows-1252/);
  });
});

describe('the same name in two Unicode forms (item 7)', () => {
  const tmp = useTempDir();
  const nfc = 'Müller GmbH'.normalize('NFC');
  const nfd = 'Müller GmbH'.normalize('NFD');

  it('is one account: twice in one sheet is a duplicate, and a macOS (NFD) sheet updates the NFC account', async () => {
    const dir = tmp();
    const path = await book(dir);
    expect(nfc).not.toBe(nfd);
    writeFileSync(join(dir, 'twice.csv'), `Customer,Revenue\n${nfc},1\n${nfd},2\n`);
    const twice = await cpw(['import', path, join(dir, 'twice.csv'), '--period', 'P']);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('the same account is already on row 2');
    writeFileSync(join(dir, 'nfc.csv'), `Customer,Revenue\n${nfc},1\n`);
    writeFileSync(join(dir, 'nfd.csv'), `Customer,Revenue\n${nfd},2\n`);
    expect((await cpw(['import', path, join(dir, 'nfc.csv'), '--period', 'P'])).code).toBe(0);
    const merged = await cpw(['import', path, join(dir, 'nfd.csv'), '--period', 'P', '--merge']);
    expect(merged.stdout).toContain('0 added, 1 updated, 0 removed');
    const accounts = await accountsOf(path, 'P');
    expect(accounts.map((a) => [a.account, a.revenue])).toEqual([[nfc, 2]]);
    const pre = await cpw(['precall', path, '--account', nfd, '--hours', '1', '--projected', '100', '--probability', '0.5', '--json']);
    expect(pre.code, pre.stderr).toBe(0);
    expect(JSON.parse(pre.stdout).account).toBe(nfc);
  });
});

describe('values spreadsheets really write (item 9)', () => {
  const tmp = useTempDir();

  it('reads scientific notation and the accounting zero, with a note on the scientific cell; skips rows of spaces or a stray CR', async () => {
    const dir = tmp();
    const path = await book(dir);
    writeFileSync(join(dir, 's.csv'), ['Customer,Revenue,Service,Labour', 'Big Corp,1.23457E+10,2.5E+03,$ -', '   ,  ,,', '\r,,,', 'Small Co,100,$ -,- €', ''].join('\n'));
    const r = await cpw(['import', path, join(dir, 's.csv'), '--period', 'P']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Imported 2 rows');
    expect(r.stdout).toContain('Skipped rows 3 to 4: blank.');
    expect(r.stdout).toMatch(/Note: row 2, column Revenue: value "1\.23457E\+10" — written in scientific notation, as Excel writes large numbers into CSV, and read as 12,345,700,000/);
    const accounts = await accountsOf(path, 'P');
    expect(accounts.map((a) => [a.account, a.revenue, a.service, a.labour])).toEqual([
      ['Big Corp', 12_345_700_000, 2500, 0],
      ['Small Co', 100, 0, 0],
    ]);
  });

  it('refuses two columns with the same header for one field, naming both, even when the last import chose that header', async () => {
    const dir = tmp();
    const path = await book(dir);
    writeFileSync(join(dir, 'first.csv'), 'Customer,Sales\nAcme,1\n');
    expect((await cpw(['import', path, join(dir, 'first.csv'), '--period', 'P', '--map', 'revenue=Sales'])).code).toBe(0);
    writeFileSync(join(dir, 'twice.csv'), 'Customer,Sales,Region,Sales\nAcme,1,EU,2\n');
    const twice = await cpw(['import', path, join(dir, 'twice.csv'), '--period', 'P']);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('cpw import: twice.csv: 1 problem, nothing imported'.replace('twice.csv', join(dir, 'twice.csv')));
    expect(twice.stderr).toContain('columns B and D are both headed "Sales"');
    // The mapping remembered from the first import (Sales) against a column named for revenue itself.
    writeFileSync(join(dir, 'both.csv'), 'Customer,Sales,Revenue\nAcme,1,2\n');
    const both = await cpw(['import', path, join(dir, 'both.csv'), '--period', 'P']);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('column "Revenue" gives revenue by its name, and the last import took revenue from column "Sales"');
    // Chosen now, it is the user's choice.
    expect((await cpw(['import', path, join(dir, 'both.csv'), '--period', 'P', '--map', 'revenue=Revenue'])).code).toBe(0);
  });
});

describe('an XLSX formula saved without its result (item 6)', () => {
  const tmp = useTempDir();

  it('is refused by its cell, never imported as 0', async () => {
    const dir = tmp();
    const path = await book(dir);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Accounts');
    ws.addRow(['Customer', 'Revenue', 'Service']);
    ws.addRow(['Acme', 1000, 100]);
    ws.addRow(['Beta', { formula: 'B2*2' }, { formula: 'C2/2', result: 50 }]);
    await wb.xlsx.writeFile(join(dir, 'f.xlsx'));
    const before = sha256(path);
    const r = await cpw(['import', path, join(dir, 'f.xlsx'), '--period', 'P']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('row 3, column Revenue: value "" — holds the formula =B2*2 saved without its result');
    expect(sha256(path)).toBe(before);
  });
});

describe('a file of another format under a spreadsheet\'s name (item 13)', () => {
  const tmp = useTempDir();

  /** Real ODS and XLS files, made by LibreOffice from a CSV as a user's office suite would. */
  function convert(dir: string, to: 'ods' | 'xls'): string {
    writeFileSync(join(dir, 'src.csv'), 'Customer,Revenue\nAcme,100\n');
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', to, '--outdir', dir, join(dir, 'src.csv')], { stdio: 'ignore', timeout: 120_000 });
    const out = join(dir, `src.${to}`);
    expect(existsSync(out)).toBe(true);
    return out;
  }

  it.each([
    ['ods', 'renamed.xlsx', /renamed\.xlsx is an OpenDocument spreadsheet \(\.ods, as LibreOffice and Google Sheets save\), not a CSV or XLSX sheet: open it in LibreOffice or Google Sheets and save it as \.xlsx or \.csv/],
    ['ods', 'renamed.csv', /renamed\.csv is an OpenDocument spreadsheet/],
    ['xls', 'old.xlsx', /old\.xlsx is an old Excel \.xls workbook \(Excel 97-2003\).*save it as \.xlsx or \.csv/],
    ['xls', 'old.csv', /old\.csv is an old Excel \.xls workbook/],
  ] as const)('a real %s named %s says what it is and what to save it as', async (kind, name, message) => {
    const dir = tmp();
    const path = await book(dir);
    copyFileSync(convert(dir, kind), join(dir, name));
    const r = await cpw(['import', path, join(dir, name), '--period', 'P']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
  }, 180_000);
});

describe('periods with any label export to XLSX (item 12)', () => {
  const tmp = useTempDir();

  it.each(['Assumptions', 'History', "'Q1'", 'FY26: plan/actual [draft]?'])('a period labelled %s', async (label) => {
    const dir = tmp();
    const path = await book(dir);
    writeFileSync(join(dir, 's.csv'), 'Customer,Revenue\nAcme,100\n');
    expect((await cpw(['import', path, join(dir, 's.csv'), '--period', label])).code).toBe(0);
    const out = join(dir, 'out.xlsx');
    const r = await cpw(['export', path, '--period', label, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(out);
    expect(read.worksheets).toHaveLength(2);
    expect(read.worksheets[0]!.getCell('A2').value).toBe('Acme');
    const back = await cpw(['import', path, out, '--period', label]);
    expect(back.code, back.stderr).toBe(0);
  });
});

describe('relatives of the faults above', () => {
  const tmp = useTempDir();

  it('a value holding the separator without quotes (1,000) is refused by its row, not read with its cells shifted', async () => {
    const dir = tmp();
    const path = await book(dir);
    writeFileSync(join(dir, 's.csv'), 'Customer,Revenue,Service\nAcme,1200,100\nBeta,1,000,200\n');
    const r = await cpw(['import', path, join(dir, 's.csv'), '--period', 'P']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`row 3, column D: value "200" — a value beyond the header's last column (C)`);
  });

  it("tab-separated Unicode text with decimal commas (German Excel's \"Unicode text\") is read with decimal commas, and says so", async () => {
    const dir = tmp();
    const path = await book(dir);
    const tsv = ['Kunde\tUmsatz\tService', 'Müller GmbH\t1.234,50\t100,25', 'Schmidt AG\t800,00\t0'].join('\r\n');
    writeFileSync(join(dir, 'de.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]));
    const r = await cpw(['import', path, join(dir, 'de.txt'), '--period', 'P', '--map', 'account=Kunde', '--map', 'revenue=Umsatz']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Numbers read with decimal commas (1.234,56)');
    expect((await accountsOf(path, 'P')).map((a) => [a.account, a.revenue, a.service])).toEqual([['Müller GmbH', 1234.5, 100.25], ['Schmidt AG', 800, 0]]);
  });

  it('a period label in two Unicode forms is one period', async () => {
    const dir = tmp();
    const path = await book(dir);
    writeFileSync(join(dir, 's.csv'), 'Customer,Revenue\nAcme,1\n');
    expect((await cpw(['import', path, join(dir, 's.csv'), '--period', 'Zürich Q1'.normalize('NFD')])).code).toBe(0);
    const again = await cpw(['import', path, join(dir, 's.csv'), '--period', 'Zürich Q1'.normalize('NFC')]);
    expect(again.stdout).toContain('0 added, 1 updated, 0 removed');
    expect((await cpwJson<Report>(['report', path, '--json'])).period).toBe('Zürich Q1'.normalize('NFC'));
  });

  it('an assumption too large to compute with is refused, as an amount in a sheet is', async () => {
    const dir = tmp();
    const path = await book(dir);
    const r = await cpw(['assume', path, 'dailyRate=1e300']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dailyRate=1e300: dailyRate is too large to compute with');
    // And over the RPC, where a number arrives as a number, not as text.
    const { createBackend } = await import('../../../electron/backend/dispatch');
    const backend = createBackend();
    await backend.call('workbook.open', { path });
    expect(await backend.call('assumptions.set', { patch: { dailyRate: 1e300 } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('dailyRate: Daily rate is too large to compute with') } });
    backend.close();
  });
});

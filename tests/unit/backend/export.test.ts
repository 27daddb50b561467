import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/schemas/report';
import { cpw, cpwJson, csv, useTempDir } from '../../helpers';

const NAMES = ['=HYPERLINK("http://x","y")', '@SUM(1)', '+1+2', '-3+4', 'Plain Ltd'];

describe('export', () => {
  const tmp = useTempDir();

  async function bookWithNames(): Promise<string> {
    const book = join(tmp(), 'w.cpw');
    const sheet = join(tmp(), 'in.csv');
    writeFileSync(sheet, csv(['account', 'owner', 'revenue', 'service', 'csat'], NAMES.map((n, k) => [n, k % 2 ? '=cmd|"/c calc"!A1' : 'Ann', 1000 * (k + 1), 700 * k, k + 1])));
    await cpw(['new', book]);
    const imported = await cpw(['import', book, sheet, '--period', 'Q1']);
    expect(imported.code, imported.stderr).toBe(0);
    return book;
  }

  it('XLSX: currency and percent formats, a frozen header, an autofilter and the assumptions', async () => {
    const book = await bookWithNames();
    await cpw(['assume', book, 'currency=EUR']);
    const out = join(tmp(), 'out.xlsx');
    expect((await cpw(['export', book, '--out', out])).stdout).toContain('Exported 5 accounts of period Q1');
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(out);
    expect(x.worksheets.map((w) => w.name)).toEqual(['Q1', 'Assumptions']);
    const ws = x.worksheets[0]!;
    const col = (name: string) => (ws.getRow(1).values as unknown[]).indexOf(name);
    expect(ws.getRow(2).getCell(col('revenue')).numFmt).toBe('"€"#,##0;-"€"#,##0');
    expect(ws.getRow(2).getCell(col('margin')).numFmt).toBe('0.0%');
    expect(ws.getRow(2).getCell(col('costToRevenue')).numFmt).toBe('0.00"x"');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getRow(1).font?.bold).toBe(true);
    const assumptions = x.worksheets[1]!;
    expect(assumptions.getRow(2).values).toEqual([undefined, 'currency', 'EUR']);
  });

  it('CSV and XLSX both import back to the same report', async () => {
    const book = join(tmp(), 'demo.cpw');
    await cpw(['new', book, '--sample']);
    const original = await cpwJson<Report>(['report', book, '--period', '2026-Q3', '--json']);
    for (const ext of ['csv', 'xlsx']) {
      const out = join(tmp(), `q3.${ext}`);
      await cpw(['export', book, '--period', '2026-Q3', '--out', out]);
      const copy = join(tmp(), `copy-${ext}.cpw`);
      await cpw(['new', copy]);
      const back = await cpw(['import', copy, out, '--period', '2026-Q3']);
      expect(back.code, back.stderr).toBe(0);
      const again = await cpwJson<Report>(['report', copy, '--json']);
      expect(again.accounts, ext).toEqual(original.accounts);
      expect(again.portfolio, ext).toEqual(original.portfolio);
    }
  });

  it('a name like =HYPERLINK(...) or @SUM(1) is text in CSV, in XLSX, and when LibreOffice opens the XLSX', async () => {
    const book = await bookWithNames();
    const outCsv = join(tmp(), 'out.csv');
    const outXlsx = join(tmp(), 'out.xlsx');
    await cpw(['export', book, '--out', outCsv]);
    await cpw(['export', book, '--out', outXlsx]);
    const text = readFileSync(outCsv, 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).toContain(`'@SUM(1)`);
    expect(text).toContain(`"'=cmd|""/c calc""!A1"`);
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(outXlsx);
    const accounts = x.worksheets[0]!.getColumn(1).values.slice(2);
    expect(accounts).toEqual(NAMES);
    for (let r = 2; r <= 6; r++) expect(x.worksheets[0]!.getRow(r).getCell(1).type).toBe(ExcelJS.ValueType.String);
    // LibreOffice, as a spreadsheet user would open it: every name comes back as the same text, none evaluated.
    execFileSync('soffice', ['--headless', '--convert-to', 'csv', '--outdir', tmp(), outXlsx], { stdio: 'ignore', timeout: 120_000 });
    const seen = Papa.parse<string[]>(readFileSync(join(tmp(), 'out.csv'), 'utf8').trim()).data.slice(1);
    expect(seen.map((r) => r[0])).toEqual(NAMES);
    expect(seen.map((r) => r[1])).toEqual(NAMES.map((_, k) => (k % 2 ? '=cmd|"/c calc"!A1' : 'Ann')));
  }, 120_000);

  it('a template: the input headers and one example row, which imports as is', async () => {
    const book = join(tmp(), 'w.cpw');
    await cpw(['new', book]);
    const out = join(tmp(), 'template.xlsx');
    expect((await cpw(['export', book, '--template', '--out', out])).stdout).toContain('Wrote a template sheet');
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(out);
    const ws = x.worksheets[0]!;
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(1).getCell(1).value).toBe('account');
    const back = await cpw(['import', book, out, '--period', 'Q1']);
    expect(back.stdout).toContain('Imported 1 rows into period Q1');
  });
});

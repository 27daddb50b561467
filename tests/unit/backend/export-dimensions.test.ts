import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../shared/schemas/report';
import { cpw, cpwJson, csv, useTempDir } from '../../helpers';

// Issue 24, item 5: an export carries the workbook's dimensions after the account columns, headed by each
// dimension's name, so the file imports back with `--dimension name=name` and the same values.

describe('export of dimensions', () => {
  const tmp = useTempDir();

  async function bookWithRegions(): Promise<string> {
    const book = join(tmp(), 'w.cpw');
    const sheet = join(tmp(), 'in.csv');
    writeFileSync(
      sheet,
      csv(
        ['account', 'owner', 'revenue', 'service', 'Region', 'Tier', 'Segment code'],
        [
          ['Acme Corp', 'Ann', 120000, 9000, 'EMEA', 'Gold', 'x'],
          ['Beta Industries', 'Bob', 80000, 16000, 'Americas', '', 'y'],
          ['Gamma Ltd', 'Ann', 40000, 2000, '', 'Silver', 'z'],
        ],
      ),
    );
    await cpw(['new', book]);
    const imported = await cpw(['import', book, sheet, '--period', 'Q1', '--dimension', 'region=Region', '--dimension', 'Tier=Tier', '--dimension', 'segment=Segment code']);
    expect(imported.code, imported.stderr).toBe(0);
    return book;
  }

  it('CSV and XLSX: the dimensions after the account columns, by name; each imports back with --dimension name=name', async () => {
    const book = await bookWithRegions();
    const original = await cpwJson<Report>(['report', book, '--json']);
    expect(original.accounts.map((a) => a.dimensions)).toEqual([
      { region: 'EMEA', Tier: 'Gold', segment: 'x' },
      { region: 'Americas', Tier: null, segment: 'y' },
      { region: null, Tier: 'Silver', segment: 'z' },
    ]);
    for (const ext of ['csv', 'xlsx'] as const) {
      const out = join(tmp(), `q1.${ext}`);
      const done = await cpw(['export', book, '--out', out]);
      expect(done.code, done.stderr).toBe(0);
      let header: string[];
      if (ext === 'csv') {
        header = Papa.parse<string[]>(readFileSync(out, 'utf8').trim()).data[0]!;
      } else {
        const x = new ExcelJS.Workbook();
        await x.xlsx.readFile(out);
        header = (x.worksheets[0]!.getRow(1).values as unknown[]).slice(1) as string[];
      }
      // After the inputs (the last of which is lifespanYears), before the computed columns; "segment" is already a column's name.
      const at = header.indexOf('region');
      expect(header.slice(at - 1, at + 4), ext).toEqual(['lifespanYears', 'region', 'Tier', 'segment (dimension)', 'totalCost']);
      const copy = join(tmp(), `copy-${ext}.cpw`);
      await cpw(['new', copy]);
      const back = await cpw(['import', copy, out, '--period', 'Q1', '--dimension', 'region=region', '--dimension', 'Tier=Tier', '--dimension', 'segment=segment (dimension)']);
      expect(back.code, back.stderr).toBe(0);
      const again = await cpwJson<Report>(['report', copy, '--json']);
      expect(again.accounts, ext).toEqual(original.accounts);
      expect(again.portfolio.byDimension, ext).toEqual(original.portfolio.byDimension);
    }
  });

  it('a workbook without dimensions exports the columns it always did', async () => {
    const book = join(tmp(), 'plain.cpw');
    await cpw(['new', book]);
    writeFileSync(join(tmp(), 'p.csv'), csv(['account', 'revenue'], [['Acme Corp', 100]]));
    expect((await cpw(['import', book, join(tmp(), 'p.csv'), '--period', 'Q1'])).code).toBe(0);
    const out = join(tmp(), 'plain.csv');
    await cpw(['export', book, '--out', out]);
    const header = Papa.parse<string[]>(readFileSync(out, 'utf8').trim()).data[0]!;
    expect(header[header.indexOf('lifespanYears') + 1]).toBe('totalCost');
  });
});

// The spreadsheet-engine anchor as a whole process: read the CSV a user has, load it into HyperFormula with the
// sheet's formulas (tests/bench/hyperformula.ts), compute, and read the profit total back, as `cpw report` does.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { DEFAULT_ASSUMPTIONS } from '../../shared/schemas/assumptions';
import { SheetRow } from '../../shared/schemas/row';
import { buildHyperformula, hyperformulaSheet } from './hyperformula';

const file = process.argv[2];
if (!file) throw new Error('usage: hyperformula-run.ts SHEET.csv');
const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
const rows = parsed.map((r) => SheetRow.parse(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === '' ? null : /^-?[\d.]+(e[-+]?\d+)?$/i.test(v) ? Number(v) : v]))));
const hf = buildHyperformula(hyperformulaSheet(rows, DEFAULT_ASSUMPTIONS));
const profit = hf.getCellValue({ sheet: 0, row: rows.length, col: 9 });
if (typeof profit !== 'number') throw new Error(`HyperFormula gave no profit total (${String(profit)})`);
process.stdout.write(`${profit}\n`);

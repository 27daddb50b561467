import type ExcelJS from 'exceljs';
import { loadExcelJs } from './load-exceljs';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { outputFailure } from '../db/place';
import { CpwError } from '../../../shared/ipc/errors';
import { INPUT_FIELDS, type InputField } from '../../../shared/schemas/fields';
import type { Assumptions } from '../../../shared/schemas/assumptions';
import type { AccountResult, Report } from '../../../shared/schemas/report';
import { FIELDS, fieldLabel, fieldSpec, isInputField, METRICS, metricSpec, type FieldSpec, type MetricSpec } from '../../../shared/catalogue';
import type { AllocationLine, Balance } from '../../../shared/schemas/pools';
import { costedBy } from '../../../shared/text/allocation';
import { toCsv } from './csv';

/** An export's header for a catalogue: every input field, then the computed columns, under their DOMAIN.md names. */
export function exportColumnsOf(fields: readonly FieldSpec[], metrics: readonly MetricSpec[]): string[] {
  return [...fields.map((f) => f.name), ...metrics.filter((m) => m.scope === 'account').map((m) => m.name)];
}

/** Computed columns written after the inputs: the catalogue's account metrics. */
export const METRIC_COLUMNS = METRICS.filter((m) => m.scope === 'account').map((m) => m.name) as readonly (keyof AccountResult)[];

export const EXPORT_COLUMNS = exportColumnsOf(FIELDS, METRICS) as readonly (InputField | keyof AccountResult)[];

/** Write a file whole or not at all: a temporary file renamed into place. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.writing-${process.pid}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw outputFailure(e, path);
  }
}

const SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', CNY: '¥', INR: '₹', CHF: 'CHF ', SEK: 'kr ', NOK: 'kr ', DKK: 'kr ' };

/** A spreadsheet number format in the workbook currency, losses with a minus sign. */
export function moneyFormat(currency: string): string {
  const sym = SYMBOLS[currency] ?? `${currency} `;
  const quoted = `"${sym.replace(/"/g, '')}"`;
  return `${quoted}#,##0;-${quoted}#,##0`;
}

/** Money to the cent, for the tie-out, which is read to the cent. */
const centsFormat = (currency: string) => moneyFormat(currency).replaceAll('#,##0', '#,##0.00');

/** The spreadsheet format of a column, by its field's kind or its metric's format in the catalogue. */
function formatOf(column: string, currency: string): string | undefined {
  if (isInputField(column)) return fieldSpec(column).kind === 'money' ? moneyFormat(currency) : undefined;
  const format = metricSpec(column, 'account')?.format;
  if (format === 'percent') return '0.0%';
  if (format === 'multiple') return '0.00"x"';
  if (format === 'money') return moneyFormat(currency);
  return undefined;
}

/**
 * A sheet with a bold frozen header, an autofilter, and each column in its
 * format. Text goes in as text cells, so a name like `=HYPERLINK(...)` can
 * never run as a formula in Excel or LibreOffice.
 */
function addTable(book: ExcelJS.Workbook, name: string, header: readonly string[], rows: readonly (readonly unknown[])[], currency: string): void {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  ws.columns = header.map((h) => ({ header: h, key: h, width: Math.max(12, h.length + 2), style: { numFmt: formatOf(h, currency) } }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v) => (v === null || v === undefined ? null : v)));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: header.length } };
}

function addAssumptions(book: ExcelJS.Workbook, a: Assumptions): void {
  const ws = book.addWorksheet(ASSUMPTIONS_SHEET);
  ws.columns = [
    { header: 'assumption', key: 'k', width: 24 },
    { header: 'value', key: 'v', width: 16 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const [k, v] of Object.entries(a)) ws.addRow([k, v === null ? 'auto (period median / portfolio margin)' : v]);
}

/** Sheets the export writes besides the period's, whose names a period's may not take. */
const ASSUMPTIONS_SHEET = 'Assumptions';
const BALANCE_SHEET = 'Cost pools tie-out';
const ALLOCATIONS_SHEET = 'Allocated cost';

/** What the period's cost pools did, for the export: the tie-out and each account's allocated lines. */
export interface Costing {
  balance: Balance;
  allocations: readonly AllocationLine[];
}

/** A sheet of labelled columns, money ones in the workbook currency: the tie-out and the allocations read as people read them. */
function addLabelled(book: ExcelJS.Workbook, name: string, columns: readonly { header: string; money?: boolean; width?: number }[], rows: readonly (readonly unknown[])[], currency: string): ExcelJS.Worksheet {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(14, c.header.length + 2), style: c.money ? { numFmt: centsFormat(currency) } : {} }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow([...r]);
  return ws;
}

/**
 * The tie-out as a spreadsheet: per pool and stage, cost + received = to
 * accounts + to pools + unused - over capacity; per bucket before, allocated
 * and after; then every allocated line with how it was costed. The figures
 * are the exact ones (a spreadsheet's own sums tie out as the app's do).
 */
function addCosting(book: ExcelJS.Workbook, costing: Costing, currency: string): void {
  const { balance } = costing;
  const yes = (b: boolean) => (b ? 'yes' : 'NO');
  const ws = addLabelled(
    book,
    BALANCE_SHEET,
    [{ header: 'Pool', width: 24 }, { header: 'Stage' }, { header: 'Cost', money: true }, { header: 'Received from pools', money: true }, { header: 'To accounts', money: true }, { header: 'To other pools', money: true }, { header: 'Unused capacity', money: true }, { header: 'Over capacity', money: true }, { header: 'Ties out' }],
    balance.pools.map((p) => [p.pool, p.stage, p.cost, p.received, p.toAccounts, p.toPools, p.unused, p.overCapacity, yes(p.balanced)]),
    currency,
  );
  ws.addRow(['All pools', null, balance.total.cost, null, balance.total.toAccounts, null, balance.total.unused, balance.total.overCapacity, yes(balance.total.balanced)]).font = { bold: true };
  ws.addRow([]);
  ws.addRow(['Bucket', 'Takes', 'Typed before', 'Allocated', 'After', 'Ties out']).font = { bold: true };
  for (const b of balance.buckets) {
    const row = ws.addRow([fieldLabel(b.bucket), b.mode === 'replace' ? 'replaces typed' : 'adds to typed', b.before, b.allocated, b.after, yes(b.balanced)]);
    for (const k of [3, 4, 5]) row.getCell(k).numFmt = centsFormat(currency);
  }
  addLabelled(
    book,
    ALLOCATIONS_SHEET,
    [{ header: 'Account', width: 28 }, { header: 'Pool', width: 22 }, { header: 'Activity', width: 22 }, { header: 'Bucket' }, { header: 'Level' }, { header: 'How' }, { header: 'Count' }, { header: 'Minutes' }, { header: 'Rate' }, { header: 'Amount', money: true }],
    costing.allocations.map((l) => [l.account, l.pool, l.activity, fieldLabel(l.bucket), l.level ?? '', costedBy(l), l.count, l.minutes, l.rate, l.amount]),
    currency,
  );
}

/**
 * The period's sheet name in a workbook, for any label: Excel allows 31
 * characters, none of []:*?/\ , no quote first or last, and keeps "History"
 * for itself; the export's other sheets keep theirs.
 */
export function sheetName(period: string, taken: readonly string[] = [ASSUMPTIONS_SHEET]): string {
  const name = period.replace(/[[\]:*?/\\]/g, '-').slice(0, 31).replace(/^'+|'+$/g, '').trim() || 'Sheet';
  const clashes = name.toLowerCase() === 'history' || taken.some((t) => t.toLowerCase() === name.toLowerCase());
  return clashes ? `${name.slice(0, 31 - ' (period)'.length)} (period)` : name;
}

function extensionOf(out: string): '.csv' | '.xlsx' {
  const ext = extname(out).toLowerCase();
  if (ext === '.csv' || ext === '.xlsx') return ext;
  throw new CpwError('INVALID_INPUT', `${out}: export writes .csv or .xlsx files (got "${ext || 'no extension'}")`, { file: out });
}

/**
 * The export's header for a report: the inputs, then each dimension of the
 * workbook under its name (DOMAIN.md, "Plan, dimensions"; a name that is
 * already a column's gets " (dimension)"), then the computed columns.
 */
export function reportColumns(report: Report): { header: string[]; row: (a: Report['accounts'][number]) => (string | number | null)[] } {
  const names = Object.keys(report.accounts[0]?.dimensions ?? report.portfolio.byDimension);
  const taken = new Set(EXPORT_COLUMNS.map((c) => c.toLowerCase()));
  const inputs = EXPORT_COLUMNS.slice(0, INPUT_FIELDS.length);
  const metrics = EXPORT_COLUMNS.slice(INPUT_FIELDS.length);
  return {
    header: [...inputs, ...names.map((n) => (taken.has(n.toLowerCase()) ? `${n} (dimension)` : n)), ...metrics],
    row: (a) => [...inputs.map((c) => a[c] as string | number | null), ...names.map((n) => a.dimensions?.[n] ?? null), ...metrics.map((c) => a[c] as string | number | null)],
  };
}

/**
 * A period's inputs, dimensions and computed metrics as the bytes of a CSV or
 * XLSX file. The header row uses DOMAIN.md names, so the file imports back
 * as is (a dimension with `--dimension name=name`).
 */
export async function renderReport(report: Report, format: 'csv' | 'xlsx', costing?: Costing): Promise<Uint8Array> {
  const { header, row } = reportColumns(report);
  const rows = report.accounts.map(row);
  if (format === 'csv') return new TextEncoder().encode(`${toCsv(header, rows)}\r\n`);
  const book = new (await loadExcelJs()).Workbook();
  book.creator = 'Customer Profitability Workbench';
  addTable(book, sheetName(report.period, [ASSUMPTIONS_SHEET, BALANCE_SHEET, ALLOCATIONS_SHEET]), header, rows, report.currency);
  addAssumptions(book, report.assumptions);
  // Only a period with cost pools has a tie-out: a sheet of zeros would say there is costing where there is none.
  if (costing && costing.balance.pools.length) addCosting(book, costing, report.currency);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Export a period to a file: CSV or XLSX by the extension of `out`. */
export async function exportReport(report: Report, out: string, costing?: Costing): Promise<number> {
  const format = extensionOf(out) === '.csv' ? 'csv' : 'xlsx';
  writeFileAtomic(out, await renderReport(report, format, costing));
  return report.accounts.length;
}

/** One example row of the template: an account a director would recognise. */
const EXAMPLE: Record<InputField, string | number | null> = {
  account: 'Example Customer Ltd',
  owner: 'Your name',
  segmentOverride: null,
  revenue: 250000,
  presale: 12000,
  production: 120000,
  distribution: 15000,
  service: 30000,
  labour: 25000,
  meetings: 6,
  calls: 20,
  csat: 4,
  nps: 8,
  status: 'active',
  upsell: 20000,
  crossSell: 5000,
  referrals: 1,
  valueDelivered: 400000,
  avgOrderValue: null,
  purchasesPerYear: null,
  lifespanYears: 5,
};

/** A template to start a sheet in Excel: the input headers and one example row, in the workbook currency. */
export async function exportTemplate(out: string, currency: string): Promise<void> {
  const ext = extensionOf(out);
  const row = INPUT_FIELDS.map((f) => EXAMPLE[f]);
  if (ext === '.csv') {
    writeFileAtomic(out, `${toCsv(INPUT_FIELDS, [row])}\r\n`);
    return;
  }
  const book = new (await loadExcelJs()).Workbook();
  addTable(book, 'Sheet', INPUT_FIELDS, [row], currency);
  writeFileAtomic(out, new Uint8Array(await book.xlsx.writeBuffer()));
}

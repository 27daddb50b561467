import { renameSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { extname } from 'node:path';
import { CpwError } from '../../../shared/ipc/errors';
import { INPUT_FIELDS } from '../../../shared/schemas/fields';
import type { AccountResult, Report } from '../../../shared/schemas/report';
import { toCsv } from './csv';

/** Computed columns written after the inputs, under their DOMAIN.md names. */
export const METRIC_COLUMNS = [
  'totalCost',
  'profit',
  'margin',
  'roi',
  'costToRevenue',
  'costToServe',
  'interactionCost',
  'revenuePerInteraction',
  'clv',
  'lifetimeProfit',
  'valueMultiple',
  'expansionShare',
  'npsCategory',
  'segment',
  'paretoClass',
] as const satisfies readonly (keyof AccountResult)[];

export const EXPORT_COLUMNS = [...INPUT_FIELDS, ...METRIC_COLUMNS];

/** Write a file whole or not at all: a temporary file renamed into place. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.writing-${process.pid}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw new CpwError('IO_ERROR', `cannot write ${path}: ${(e as Error).message}`, { file: path });
  }
}

/** A period's inputs and computed metrics as CSV; the header row uses DOMAIN.md names, so the file imports back as is. */
export function exportReport(report: Report, out: string): number {
  const ext = extname(out).toLowerCase();
  if (ext !== '.csv') {
    throw new CpwError('INVALID_INPUT', `${out}: export writes .csv files in this version (got "${ext || 'no extension'}")`, { file: out });
  }
  const rows = report.accounts.map((a) => EXPORT_COLUMNS.map((c) => a[c] as string | number | null));
  writeFileAtomic(out, `${toCsv(EXPORT_COLUMNS, rows)}\r\n`);
  return rows.length;
}

import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { CpwError } from '../../../shared/ipc/errors';
import { parseCsvText } from './csv';
import { decodeText, type TextEncoding } from './decode';
import { sniffFile } from './sniff';
import { readXlsx } from './xlsx';

/** A spreadsheet file as it arrives: from a path (the CLI) or as bytes the window read from the user's choice. */
export interface SourceFile {
  name: string;
  bytes: Buffer;
}

export interface Table {
  records: string[][];
  /** Semicolon CSVs come from European Excel, which writes decimal commas. */
  decimalComma: boolean;
  sheet?: string;
  sheets?: string[];
  /** How a text file's bytes were read (XLSX has no choice to make). */
  encoding?: TextEncoding;
  /** Cells whose value could not be read (a formula saved without its result), by `row,column` from 0. */
  unreadable?: ReadonlyMap<string, string>;
  /** Text split by a delimiter, where a value with an unquoted delimiter shifts the cells after it. */
  delimited?: boolean;
}

/** "1.234,56" or "12,5": a decimal comma, unmistakably (three digits after it could be thousands either way). */
const COMMA_DECIMAL = /^-?\(?[^\d,.]*(\d{1,3}(\.\d{3})+|\d+),(\d{1,2}|\d{4,})\)?[^\d,.]*$/;
const POINT_DECIMAL = /^-?\(?[^\d,.]*(\d{1,3}(,\d{3})+|\d+)\.(\d{1,2}|\d{4,})\)?[^\d,.]*$/;

/**
 * Whether a tab- or pipe-separated file writes decimal commas, as German or
 * French Excel's "Unicode text" does: told by the numbers themselves, the
 * unmistakable ones counted each way (semicolons already say so).
 */
function writesDecimalCommas(records: readonly (readonly string[])[]): boolean {
  let comma = 0;
  let point = 0;
  for (let r = 0; r < Math.min(records.length, 2000); r++) {
    for (const cell of records[r]!) {
      const c = cell.trim();
      if (COMMA_DECIMAL.test(c)) comma++;
      else if (POINT_DECIMAL.test(c)) point++;
    }
  }
  return comma > point;
}

/** Files above this are refused before they are parsed. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;


export function readSource(path: string): SourceFile {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new CpwError('IO_ERROR', `${path} is a folder, not a spreadsheet file`, { file: path });
    if (stat.size > MAX_IMPORT_BYTES) {
      throw new CpwError('IMPORT_INVALID', `${path} is ${Math.round(stat.size / 2 ** 20)} MiB: files above ${MAX_IMPORT_BYTES / 2 ** 20} MiB are not imported`, { file: path });
    }
    return { name: path, bytes: readFileSync(path) };
  } catch (e) {
    if (e instanceof CpwError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CpwError('FILE_NOT_FOUND', `${path} does not exist`, { file: path });
    throw new CpwError('IO_ERROR', `cannot read ${path}: ${(e as Error).message}`, { file: path });
  }
}

/**
 * The rows of a CSV or XLSX file as text, whatever its extension claims:
 * its first bytes say what it is, and a file that is not what its name says
 * (or is neither) is refused with what it is and what to save it as.
 */
export async function readTable(src: SourceFile, sheet?: string): Promise<Table> {
  const ext = extname(src.name).toLowerCase();
  if (src.bytes.length === 0) throw new CpwError('IMPORT_INVALID', `${src.name} is empty`, { file: src.name });
  if (src.bytes.length > MAX_IMPORT_BYTES) {
    throw new CpwError('IMPORT_INVALID', `${src.name} is larger than ${MAX_IMPORT_BYTES / 2 ** 20} MiB: not imported`, { file: src.name });
  }
  const found = sniffFile(src.bytes);
  if (found.kind === 'other') {
    throw new CpwError('IMPORT_INVALID', `${src.name} is ${found.what}, not a CSV or XLSX sheet: ${found.saveAs}`, { file: src.name });
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    const x = await readXlsx(src.bytes, src.name, sheet);
    return { records: x.records, decimalComma: false, sheet: x.sheet, sheets: x.sheets, unreadable: x.unreadable };
  }
  if (ext === '.xls') {
    if (found.kind === 'xlsx') throw new CpwError('IMPORT_INVALID', `${src.name} is named .xls but is an XLSX workbook: rename it .xlsx`, { file: src.name });
    throw new CpwError('IMPORT_INVALID', `${src.name} is named .xls but holds text: if it is a CSV, rename it .csv`, { file: src.name });
  }
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
    if (found.kind === 'xlsx') {
      throw new CpwError('IMPORT_INVALID', `${src.name} is named ${ext} but holds a zip archive (an XLSX workbook?): rename it .xlsx`, { file: src.name });
    }
    if (sheet !== undefined) throw new CpwError('INVALID_INPUT', `${src.name}: a sheet name only applies to XLSX workbooks`, { file: src.name });
    const { text, encoding } = decodeText(src.bytes, src.name);
    if (text.includes('\0')) {
      throw new CpwError('IMPORT_INVALID', `${src.name} holds binary data, not the text of a CSV: save the sheet as .xlsx or .csv (CSV UTF-8) and import that`, { file: src.name });
    }
    const { records, delimiter } = parseCsvText(text, src.name);
    return { records, decimalComma: delimiter === ';' || (delimiter !== ',' && writesDecimalCommas(records)), encoding, delimited: true };
  }
  throw new CpwError('IMPORT_INVALID', `${src.name}: import takes .csv, .txt or .xlsx files (got "${ext || 'no extension'}")`, { file: src.name });
}

import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { CpwError } from '../../../shared/ipc/errors';
import { decodeText, parseCsvText } from './csv';
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
}

/** Files above this are refused before they are parsed. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

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
 * The rows of a CSV or XLSX file as text, whatever its extension claims
 * checked against its first bytes: a file that is not what its name says is
 * refused with a message that says so.
 */
export async function readTable(src: SourceFile, sheet?: string): Promise<Table> {
  const ext = extname(src.name).toLowerCase();
  if (src.bytes.length === 0) throw new CpwError('IMPORT_INVALID', `${src.name} is empty`, { file: src.name });
  if (src.bytes.length > MAX_IMPORT_BYTES) {
    throw new CpwError('IMPORT_INVALID', `${src.name} is larger than ${MAX_IMPORT_BYTES / 2 ** 20} MiB: not imported`, { file: src.name });
  }
  const zipped = src.bytes.length >= 4 && src.bytes.subarray(0, 4).equals(ZIP_MAGIC);
  if (ext === '.xlsx' || ext === '.xlsm') {
    const x = await readXlsx(src.bytes, src.name, sheet);
    return { records: x.records, decimalComma: false, sheet: x.sheet, sheets: x.sheets };
  }
  if (ext === '.xls') {
    throw new CpwError('IMPORT_INVALID', `${src.name} is an old Excel .xls file: save it as .xlsx or .csv and import that`, { file: src.name });
  }
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
    if (zipped) {
      throw new CpwError('IMPORT_INVALID', `${src.name} is named ${ext} but holds a zip archive (an XLSX workbook?): rename it .xlsx`, { file: src.name });
    }
    if (sheet !== undefined) throw new CpwError('INVALID_INPUT', `${src.name}: a sheet name only applies to XLSX workbooks`, { file: src.name });
    const { records, delimiter } = parseCsvText(decodeText(src.bytes), src.name);
    return { records, decimalComma: delimiter === ';' };
  }
  throw new CpwError('IMPORT_INVALID', `${src.name}: import takes .csv or .xlsx files (got "${ext || 'no extension'}")`, { file: src.name });
}

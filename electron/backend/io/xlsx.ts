import type ExcelJS from 'exceljs';
import { loadExcelJs } from './load-exceljs';
import { CpwError } from '../../../shared/ipc/errors';
import { unpackedSize } from './zip-size';

/** A cell as the text a person sees, for the same parsing as a CSV cell: numbers unformatted, dates as YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  if ('text' in value) return String(value.text);
  return '';
}

export interface XlsxRecords {
  records: string[][];
  sheet: string;
  sheets: string[];
  /** Cells whose value is not in the file, by `row,column` from 0, with why. */
  unreadable: Map<string, string>;
}

/**
 * A formula saved without its result (a file written by a program that does
 * not compute, or by Excel with calculation off) has no value to read: the
 * cell is named, never taken as blank or 0.
 */
function formulaWithoutResult(value: ExcelJS.CellValue): string | null {
  if (value === null || typeof value !== 'object' || !('formula' in value || 'sharedFormula' in value)) return null;
  const f = value as ExcelJS.CellFormulaValue & { sharedFormula?: string };
  if (f.result !== undefined && f.result !== null) return null;
  return `holds the formula =${f.formula ?? f.sharedFormula} saved without its result: open the file in Excel or LibreOffice, let it calculate, save it, and import again`;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** An XLSX of 100,000 accounts unpacks to about 60 MiB: this leaves room, and refuses a bomb before it goes off. */
export const MAX_UNPACKED_BYTES = 512 * 2 ** 20;

/** The rows of one sheet (the first, or the one named) as text, with the names of all sheets. */
export async function readXlsx(bytes: Buffer, file: string, sheetName?: string): Promise<XlsxRecords> {
  if (bytes.length < 4 || !bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new CpwError('IMPORT_INVALID', `${file} is not an XLSX workbook (an .xlsx file is a zip archive; this one is not)`, { file });
  }
  const unpacked = unpackedSize(bytes);
  if (unpacked !== null && unpacked > MAX_UNPACKED_BYTES) {
    const size = Number.isFinite(unpacked) ? `${Math.round(unpacked / 2 ** 20)} MiB` : 'more than 4 GiB';
    throw new CpwError('IMPORT_INVALID', `${file} would unpack to ${size} (a zip bomb, or far more than a sheet of accounts): workbooks that unpack to more than ${MAX_UNPACKED_BYTES / 2 ** 20} MiB are not imported`, { file });
  }
  const book = new (await loadExcelJs()).Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new CpwError('IMPORT_INVALID', `${file} cannot be read as an XLSX workbook: ${(e as Error).message}`, { file });
  }
  const sheets = book.worksheets.map((w) => w.name);
  const sheet = sheetName === undefined ? book.worksheets[0] : book.worksheets.find((w) => w.name.toLowerCase() === sheetName.toLowerCase());
  if (!sheet) {
    const which = sheetName === undefined ? 'has no sheets' : `has no sheet "${sheetName}" (it has ${sheets.join(', ')})`;
    throw new CpwError('IMPORT_INVALID', `${file} ${which}`, { file });
  }
  const records: string[][] = [];
  const unreadable = new Map<string, string>();
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const value = row.getCell(c).value;
      const missing = formulaWithoutResult(value);
      if (missing) unreadable.set(`${n - 1},${c - 1}`, missing);
      cells.push(missing ? '' : cellText(value).trim());
    }
    records[n - 1] = cells;
  });
  for (let k = 0; k < records.length; k++) records[k] ??= [];
  return { records, sheet: sheet.name, sheets, unreadable };
}

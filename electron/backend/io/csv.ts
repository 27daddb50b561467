import Papa from 'papaparse';
import { readFileSync, statSync } from 'node:fs';
import { CpwError } from '../../../shared/ipc/errors';

export interface CsvRecords {
  records: string[][];
  delimiter: string;
}

/** Text of a file: UTF-8 (a BOM dropped), else Windows-1252 as older Excel saves it. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function parseCsvText(text: string, file: string): CsvRecords {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    const row = (fatal.row ?? 0) + 1;
    throw new CpwError('IMPORT_INVALID', `${file}: row ${row}: ${fatal.message}`, {
      file,
      problems: [{ row, rule: fatal.message }],
    });
  }
  return { records: parsed.data, delimiter: parsed.meta.delimiter };
}

export function readCsvFile(path: string): CsvRecords {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new Error('it is a folder');
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CpwError('FILE_NOT_FOUND', `${path} does not exist`, { file: path });
    throw new CpwError('IO_ERROR', `cannot read ${path}: ${(e as Error).message}`, { file: path });
  }
  return parseCsvText(decodeText(bytes), path);
}

/**
 * CSV text of a table. Text that a spreadsheet would run as a formula
 * (starting with = + - @, tab or CR) is escaped with a leading quote;
 * numbers are written as numbers.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return Papa.unparse({ fields: [...header], data: rows.map((r) => [...r]) }, { escapeFormulae: true, newline: '\r\n' });
}

import Papa from 'papaparse';
import { CpwError } from '../../../shared/ipc/errors';

export interface CsvRecords {
  records: string[][];
  delimiter: string;
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

/**
 * CSV text of a table. Text that a spreadsheet would run as a formula
 * (starting with = + - @, tab or CR) is escaped with a leading quote;
 * numbers are written as numbers.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return Papa.unparse({ fields: [...header], data: rows.map((r) => [...r]) }, { escapeFormulae: true, newline: '\r\n' });
}

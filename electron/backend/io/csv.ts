import Papa from 'papaparse';
import { CpwError } from '../../../shared/ipc/errors';

export interface CsvRecords {
  records: string[][];
  delimiter: string;
}

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * The file's delimiter, guessed from its first rows without its blank ones:
 * papaparse counts a blank line as a row of one field, so a two-line
 * semicolon file with a final newline was taken for a comma file of one
 * column.
 */
function guessDelimiter(text: string): string {
  return Papa.parse<string[]>(text, { preview: 100, skipEmptyLines: 'greedy', delimitersToGuess: DELIMITERS }).meta.delimiter;
}

export function parseCsvText(text: string, file: string): CsvRecords {
  // Blank rows are kept here, so that every row keeps its number in the file.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: guessDelimiter(text) });
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

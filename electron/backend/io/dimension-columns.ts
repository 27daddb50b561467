import { nfc } from '../../../shared/schemas/row';
import type { ParsedSheet } from './sheet';

/**
 * Columns of an imported sheet kept as dimensions of its accounts (DOMAIN.md,
 * "Dimensions"): `--dimension region=Region`, or the wizard's "keep as a
 * dimension". Every value is checked with the rows: a column that is not
 * there, one a field already reads, or a value over 200 characters is a
 * problem of the import, named by row and column, and nothing is written.
 */

export interface DimensionChoice {
  name: string;
  header: string;
}

export interface SheetDimension extends DimensionChoice {
  /** One value per imported row, in `rows` order; null for a blank cell. */
  values: (string | null)[];
}

const MAX_VALUE = 200;

export function readDimensionColumns(records: readonly (readonly string[])[], sheet: ParsedSheet, wanted: readonly DimensionChoice[]): SheetDimension[] {
  const headers = (records[sheet.headerRow] ?? []).map((h) => h.trim());
  const headerRow = sheet.headerRow + 1;
  const read = new Set(Object.values(sheet.mapping).map((h) => h!.toLowerCase()));
  const names = new Set<string>();
  const columns = new Set<number>();
  const out: SheetDimension[] = [];
  for (const { name, header } of wanted) {
    const column = headers.findIndex((h) => h.toLowerCase() === header.trim().toLowerCase());
    const problem = (rule: string) => sheet.problems.push({ row: headerRow, ...(column >= 0 ? { column: headers[column]! } : {}), value: header, rule });
    if (names.has(name.toLowerCase())) {
      problem(`dimension "${name}" is named twice`);
      continue;
    }
    names.add(name.toLowerCase());
    if (column < 0) {
      problem(`the sheet has no column "${header}" for dimension ${name} (its columns: ${headers.filter((h) => h !== '').join(', ')})`);
      continue;
    }
    if (read.has(headers[column]!.toLowerCase())) {
      problem(`column "${headers[column]}" is read as a field of the sheet; a dimension takes a column no field reads`);
      continue;
    }
    if (columns.has(column)) {
      problem(`column "${headers[column]}" is already kept as another dimension`);
      continue;
    }
    columns.add(column);
    const values = sheet.rowNumbers.map((rowNumber) => {
      const raw = (records[rowNumber - 1]?.[column] ?? '').trim();
      if (raw.length > MAX_VALUE) {
        sheet.problems.push({ row: rowNumber, column: headers[column]!, value: raw.slice(0, 40) + '...', rule: `a ${name} longer than ${MAX_VALUE} characters` });
        return null;
      }
      return raw === '' ? null : nfc(raw);
    });
    sheet.unmappedColumns = sheet.unmappedColumns.filter((h) => h.toLowerCase() !== headers[column]!.toLowerCase());
    out.push({ name, header: headers[column]!, values });
  }
  return out;
}

/** What the import summary says of a kept column: its name, header, how many accounts have a value and its first values. */
export function dimensionSummary(d: SheetDimension): { name: string; header: string; accounts: number; values: string[] } {
  const distinct = [...new Set(d.values.filter((v): v is string => v !== null))].sort((a, b) => a.localeCompare(b));
  return { name: d.name, header: d.header, accounts: d.values.filter((v) => v !== null).length, values: distinct.slice(0, 20) };
}

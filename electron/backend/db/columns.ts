import { FIELDS, type FieldSpec } from '../../../shared/catalogue/fields';
import type { InputField } from '../../../shared/schemas/fields';

/**
 * The SQL columns of the input fields, from the catalogue: the account's own
 * fields in `accounts`, the period's in `period_rows`, in the catalogue's
 * order (the order the tables declare them).
 */
type RowField = Extract<(typeof FIELDS)[number], { table: 'period_rows' }>['name'];

/** The columns of each table a catalogue's fields are stored in, in the catalogue's order. */
export function sqlColumnsOf(fields: readonly FieldSpec[]): { accounts: string[]; period_rows: string[] } {
  return {
    accounts: fields.filter((f) => f.table === 'accounts').map((f) => f.column),
    period_rows: fields.filter((f) => f.table === 'period_rows').map((f) => f.column),
  };
}

/** The fields a period row stores, in the table's order. */
export const ROW_FIELDS = (FIELDS as readonly FieldSpec[]).filter((f) => f.table === 'period_rows').map((f) => f.name) as readonly RowField[];

/** DOMAIN.md field name to its column. */
export const COLUMN: Readonly<Record<InputField, string>> = Object.fromEntries((FIELDS as readonly FieldSpec[]).map((f) => [f.name, f.column])) as Record<InputField, string>;

/** `period_rows`' value columns, comma-separated, in ROW_FIELDS' order: for copying rows between periods. */
export const ROW_COLUMNS_SQL = ROW_FIELDS.map((f) => COLUMN[f]).join(', ');

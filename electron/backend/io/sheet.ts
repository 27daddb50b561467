import type { Problem } from '../../../shared/ipc/errors';
import {
  INPUT_FIELDS,
  REQUIRED_FIELDS,
  ZERO_WHEN_ABSENT,
  type InputField,
} from '../../../shared/schemas/fields';
import { blankRow, EXPANSION_RULE, SheetRow, vouchRowInPlace } from '../../../shared/schemas/row';
import { matchHeaders } from './mapping';
import { plainNumberCell, readCellInFull } from '../../../shared/text/cells';
import type { NumberStyle } from '../../../shared/text/numbers';

export interface ParsedSheet {
  rows: SheetRow[];
  problems: Problem[];
  /** The header each field was read from. */
  mapping: Partial<Record<InputField, string>>;
  /** Fields the sheet lacks (buckets, meetings and calls among them count as 0). */
  absentColumns: InputField[];
  unmappedColumns: string[];
}

const isBlankRecord = (record: readonly string[]) => record.every((c) => c.trim() === '');

/** How far down a title block may push the header row. */
const HEADER_SEARCH_ROWS = 20;

/**
 * The header row: among the top rows, the one that names the most fields (by
 * name, synonym or the user's choice), the account and revenue counting
 * most, the earliest on a tie. Sheets often carry a title, a date or notes
 * above it. With no such row, the first row that is not blank, so that the
 * missing columns are named.
 */
export function findHeaderRow(records: readonly (readonly string[])[], map: Partial<Record<InputField, string>>): number {
  const chosen = new Set(Object.values(map).map((h) => h!.trim().toLowerCase()));
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(records.length, HEADER_SEARCH_ROWS); r++) {
    const cells = records[r]!.map((h) => h.trim());
    const m = matchHeaders<InputField>(cells, {});
    let score = Object.keys(m.columns).length + cells.filter((h) => chosen.has(h.toLowerCase())).length;
    if (m.columns.account !== undefined) score += 2;
    if (m.columns.revenue !== undefined) score += 2;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best >= 0) return best;
  const firstFilled = records.findIndex((rec) => !isBlankRecord(rec));
  return firstFilled < 0 ? 0 : firstFilled;
}

/** A problem of one cell: the spreadsheet row, the file's column name, the value as written and the rule. */
function reportCell(
  problems: Problem[],
  columns: Partial<Record<InputField, number>>,
  mapping: Partial<Record<InputField, string>>,
  row: number,
  record: readonly string[],
  field: InputField,
  rule: string,
): void {
  const index = columns[field];
  problems.push({ row, column: mapping[field] ?? field, field, value: index === undefined ? '' : (record[index] ?? ''), rule });
}

/** A totals line under the accounts ("Total", "Grand total", "Sum"), which is not an account. */
const TOTALS_LABEL = /^(grand\s+)?(totals?|sum|subtotal)\b/i;

/**
 * Turn a sheet's records (header first) into validated rows. Every row is
 * checked, and every problem is listed with the spreadsheet row number (the
 * header is row 1), the file's column name, the value and the rule.
 */
export function parseSheet(
  records: readonly (readonly string[])[],
  options: { map: Partial<Record<InputField, string>>; style: NumberStyle },
): ParsedSheet {
  const headerRow = findHeaderRow(records, options.map);
  const headers = (records[headerRow] ?? []).map((h) => h.trim());
  const match = matchHeaders(headers, options.map, headerRow + 1);
  const problems: Problem[] = [...match.problems];
  for (const field of REQUIRED_FIELDS) {
    if (match.columns[field] === undefined && !(field in options.map)) {
      problems.push({ row: headerRow + 1, field, rule: `the sheet has no ${field} column (name one with --map ${field}=HEADER)` });
    }
  }
  const mapping = Object.fromEntries(
    Object.entries(match.columns).map(([f, index]) => [f, headers[index]!]),
  ) as Partial<Record<InputField, string>>;
  const absentColumns = INPUT_FIELDS.filter((f) => match.columns[f] === undefined);
  const result: ParsedSheet = { rows: [], problems, mapping, absentColumns, unmappedColumns: match.unmapped };
  if (problems.length > 0) return result;

  const seen = new Map<string, number>();
  const fieldNames = Object.keys(match.columns) as InputField[];
  const fieldColumns = fieldNames.map((f) => match.columns[f]!);
  const accountColumn = match.columns.account;
  const style = options.style;
  // One function for the whole sheet, not one made per row: most rows never report anything.
  const reportAt = (row: number, record: readonly string[], field: InputField, rule: string) =>
    reportCell(problems, match.columns, mapping, row, record, field, rule);
  for (let r = headerRow + 1; r < records.length; r++) {
    const record = records[r]!;
    const accountCell = accountColumn === undefined ? '' : (record[accountColumn] ?? '');
    if (accountCell === '' && isBlankRecord(record)) continue;
    if (TOTALS_LABEL.test(accountCell.trim())) continue;
    const rowNumber = r + 1;
    const before = problems.length;
    const candidate = blankRow();
    // Made only for a row with a problem: most rows have none.
    let failed: Set<InputField> | null = null;
    for (let f = 0; f < fieldNames.length; f++) {
      const field = fieldNames[f]!;
      const raw = record[fieldColumns[f]!] ?? '';
      const plain = plainNumberCell(field, raw, style);
      if (plain !== undefined) {
        candidate[field] = plain;
        continue;
      }
      const cell = readCellInFull(field, raw, style); // plainNumberCell has had its try
      if (cell.ok) candidate[field] = cell.value;
      else {
        (failed ??= new Set()).add(field);
        reportAt(rowNumber, record, field, cell.rule);
      }
    }
    for (const field of ZERO_WHEN_ABSENT) if (candidate[field] === undefined && !failed?.has(field)) candidate[field] = 0;
    if (candidate.revenue === null) {
      (failed ??= new Set()).add('revenue');
      reportAt(rowNumber, record, 'revenue', 'revenue is required');
    }
    if (candidate.account === null) {
      (failed ??= new Set()).add('account');
      reportAt(rowNumber, record, 'account', 'account name is required');
    }
    // Most rows are plain and vouched for at once; the schema checks the rest, and lists every problem of
    // the row in one pass (stand-ins keep the cells that already failed quiet).
    const vouched = failed === null ? vouchRowInPlace(candidate) : null;
    const parsed = vouched
      ? null
      : SheetRow.safeParse({ ...candidate, account: failed?.has('account') ? '-' : candidate.account, revenue: failed?.has('revenue') ? Infinity : candidate.revenue });
    if (parsed && !parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'account') as InputField;
        if (!failed?.has(field) && !(failed?.has('revenue') && issue.message === EXPANSION_RULE)) reportAt(rowNumber, record, field, issue.message);
      }
    }
    if (!failed?.has('account')) {
      // Names are one account whatever their case and spacing ("Acme  corp" is "Acme Corp"); a vouched name has no runs of space.
      const name = String(candidate.account);
      const key = vouched ? name.toLowerCase() : name.toLowerCase().replace(/\s+/g, ' ');
      const earlier = seen.get(key);
      if (earlier !== undefined) reportAt(rowNumber, record, 'account', `the same account is already on row ${earlier} (names are unique, ignoring case and spacing)`);
      else seen.set(key, rowNumber);
    }
    if (problems.length === before) {
      const row = vouched ?? (parsed?.success ? parsed.data : null);
      if (row) result.rows.push(row);
      continue;
    }
    // A row's problems read left to right, as the columns stand in the file.
    const at = (p: Problem) => match.columns[p.field as InputField] ?? Infinity;
    problems.push(...problems.splice(before).sort((a, b) => at(a) - at(b)));
  }
  if (result.rows.length === 0 && problems.length === 0) {
    problems.push({ row: headerRow + 2, rule: 'the sheet has a header row but no accounts under it' });
  }
  return result;
}

import type { Problem } from '../../../shared/ipc/errors';
import {
  INPUT_FIELDS,
  REQUIRED_FIELDS,
  ZERO_WHEN_ABSENT,
  type InputField,
} from '../../../shared/schemas/fields';
import { blankRow, EXPANSION_RULE, nfc, SheetRow, vouchRowInPlace } from '../../../shared/schemas/row';
import { columnLetter } from './column-letter';
import { matchHeaders, type Ambiguity } from './mapping';
import type { HeaderRule } from '../../../shared/ipc/messages';
import { plainNumberCell, readCellInFull } from '../../../shared/text/cells';
import type { NumberStyle } from '../../../shared/text/numbers';

/** Rows of the file that are not imported, each named: a title block, blank rows, a totals line. */
export interface SkippedRows {
  /** The first spreadsheet row (the header is row 1 when nothing stands above it). */
  row: number;
  /** How many rows from `row` on. */
  count: number;
  reason: string;
}

export interface ParsedSheet {
  rows: SheetRow[];
  problems: Problem[];
  /** What was read but is worth a look: numbers in scientific notation, rows named like totals kept as accounts. */
  warnings: Problem[];
  skipped: SkippedRows[];
  /** The header each field was read from. */
  mapping: Partial<Record<InputField, string>>;
  /** The rule each mapped field's column was matched by. */
  matchedBy: Partial<Record<InputField, HeaderRule>>;
  /** Columns left for the person to map (a header naming two fields by its words, two headers naming one). */
  ambiguous: Ambiguity[];
  /** Fields the sheet lacks (buckets, meetings and calls among them count as 0). */
  absentColumns: InputField[];
  unmappedColumns: string[];
  /** Where the header row is (from 0), and the spreadsheet row number of each of `rows` (the header is row headerRow + 1). */
  headerRow: number;
  rowNumbers: number[];
}

const isBlankRecord = (record: readonly string[]) => record.every((c) => c.trim() === '');


/** How far down a title block may push the header row. */
const HEADER_SEARCH_ROWS = 20;

/**
 * The header row: among the top rows, the one that names the most fields (by
 * name, synonym or the user's choice), the account and revenue counting
 * most, the earliest on a tie (where headers that name a field by a word
 * decide, "Kunde / Customer"). Sheets often carry a title, a date or notes
 * above it. With no such row, the first row that is not blank, so that the
 * missing columns are named.
 */
export function findHeaderRow(records: readonly (readonly string[])[], map: Partial<Record<InputField, string>>): number {
  const chosen = new Set(Object.values(map).map((h) => h!.trim().toLowerCase()));
  let best = -1;
  let bestScore = 0;
  let bestWords = 0;
  for (let r = 0; r < Math.min(records.length, HEADER_SEARCH_ROWS); r++) {
    const cells = records[r]!.map((h) => h.trim());
    const m = matchHeaders<InputField>(cells, {}, 1, undefined, {}, { words: true });
    const exact = (f: InputField) => m.columns[f] !== undefined && m.rules[f]?.kind !== 'word';
    const fields = Object.keys(m.columns) as InputField[];
    let score = fields.filter(exact).length + cells.filter((h) => chosen.has(h.toLowerCase())).length;
    if (exact('account')) score += 2;
    if (exact('revenue')) score += 2;
    // Headers named by a word ("Revenue 2026 (EUR)") settle only between rows the names alone leave equal.
    const words = fields.length - fields.filter(exact).length + (m.columns.account !== undefined && !exact('account') ? 2 : 0) + (m.columns.revenue !== undefined && !exact('revenue') ? 2 : 0);
    if (score > bestScore || (score === bestScore && words > bestWords)) {
      best = r;
      bestScore = score;
      bestWords = words;
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

/** A label a totals line under the accounts may carry ("Total", "Grand total", "Sum"); accounts may too ("Total Energies SE"). */
const TOTALS_LABEL = /^(grand\s+)?(totals?|sum|subtotal)\b/i;

/** The numeric fields a totals line adds up. */
const SUMMED: readonly InputField[] = ['revenue', 'presale', 'production', 'distribution', 'service', 'labour', 'meetings', 'calls'];

/**
 * Whether `last` is the sheet's totals line: labelled like one, and every
 * amount it gives the sum of the rows above it (to the cent, with room for
 * the rounding of a spreadsheet's own sum). Anything else is an account,
 * whatever it is called.
 */
function isTotalsLine(last: SheetRow, above: readonly SheetRow[], present: ReadonlySet<InputField>): boolean {
  if (!TOTALS_LABEL.test(last.account) || above.length === 0) return false;
  let compared = 0;
  for (const field of SUMMED) {
    if (!present.has(field)) continue;
    let sum = 0;
    for (const r of above) sum += r[field] as number;
    const given = last[field] as number;
    if (Math.abs(given - sum) > 0.005 + Math.abs(sum) * 1e-12) return false;
    compared++;
  }
  return compared > 0;
}

/**
 * Turn a sheet's records (header first) into validated rows. Every row is
 * checked, and every problem is listed with the spreadsheet row number (the
 * header is row 1), the file's column name, the value and the rule.
 */
export function parseSheet(
  records: readonly (readonly string[])[],
  options: {
    map: Partial<Record<InputField, string>>;
    style: NumberStyle;
    /** Choices remembered from the last import, which a column named for the same field contradicts. */
    remembered?: Partial<Record<InputField, string>>;
    /** Cells the file holds no value for (a formula saved without its result), by `row,column` from 0. */
    unreadable?: ReadonlyMap<string, string>;
    /** Text split by a delimiter: a value beyond the header's last column means the cells before it shifted. */
    delimited?: boolean;
  },
): ParsedSheet {
  const headerRow = findHeaderRow(records, options.map);
  const headers = (records[headerRow] ?? []).map((h) => h.trim());
  const match = matchHeaders(headers, options.map, headerRow + 1, undefined, options.remembered, { words: true });
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
  const warnings: Problem[] = [];
  const skipped: SkippedRows[] = [];
  const result: ParsedSheet = { rows: [], problems, warnings, skipped, mapping, matchedBy: match.rules, ambiguous: match.ambiguous, absentColumns, unmappedColumns: match.unmapped, headerRow, rowNumbers: [] };
  if (problems.length > 0) return result;
  if (headerRow > 0) skipped.push({ row: 1, count: headerRow, reason: `above the header row (row ${headerRow + 1}): a title block` });
  const unreadable = options.unreadable ?? new Map<string, string>();
  const mappedColumns = Object.values(match.columns) as number[];
  const hasUnreadable = (r: number) => unreadable.size > 0 && mappedColumns.some((c) => unreadable.has(`${r},${c}`));
  const rowNumbers = result.rowNumbers;
  let blank: SkippedRows | null = null;

  const seen = new Map<string, number>();
  const fieldNames = Object.keys(match.columns) as InputField[];
  const fieldColumns = fieldNames.map((f) => match.columns[f]!);
  const style = options.style;
  // One function for the whole sheet, not one made per row: most rows never report anything.
  const reportAt = (row: number, record: readonly string[], field: InputField, rule: string) =>
    reportCell(problems, match.columns, mapping, row, record, field, rule);
  for (let r = headerRow + 1; r < records.length; r++) {
    const record = records[r]!;
    const rowNumber = r + 1;
    if (options.delimited && record.length > headers.length) {
      const beyond = record.findIndex((c, k) => k >= headers.length && c.trim() !== '');
      if (beyond >= 0) {
        problems.push({
          row: rowNumber,
          column: columnLetter(beyond),
          value: record[beyond],
          rule: `a value beyond the header's last column (${columnLetter(headers.length - 1)}): a value holding the file's separator without quotes (such as 1,000) shifts the cells after it; put such values in quotes, or save the sheet again from the spreadsheet`,
        });
        continue;
      }
    }
    // Spaces, a stray carriage return: a row with nothing in it, named among the skipped rows.
    if (isBlankRecord(record) && !hasUnreadable(r)) {
      if (blank && blank.row + blank.count === rowNumber) blank.count++;
      else skipped.push((blank = { row: rowNumber, count: 1, reason: 'blank' }));
      continue;
    }
    const before = problems.length;
    const candidate = blankRow();
    // Made only for a row with a problem: most rows have none.
    let failed: Set<InputField> | null = null;
    for (let f = 0; f < fieldNames.length; f++) {
      const field = fieldNames[f]!;
      const raw = record[fieldColumns[f]!] ?? '';
      const plain = raw === '' && unreadable.size > 0 && unreadable.has(`${r},${fieldColumns[f]}`) ? undefined : plainNumberCell(field, raw, style);
      if (plain !== undefined) {
        candidate[field] = plain;
        continue;
      }
      const missing = unreadable.get(`${r},${fieldColumns[f]}`);
      if (missing !== undefined) {
        (failed ??= new Set()).add(field);
        reportAt(rowNumber, record, field, missing);
        continue;
      }
      const cell = readCellInFull(field, raw, style); // plainNumberCell has had its try
      if (cell.ok) {
        candidate[field] = cell.value;
        if (cell.note) reportCell(warnings, match.columns, mapping, rowNumber, record, field, cell.note);
      } else {
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
      // Names are one account whatever their case, spacing and Unicode form ("Acme  corp" is "Acme Corp"); a
      // vouched name is already in that form.
      const name = String(candidate.account);
      const key = vouched ? name.toLowerCase() : nfc(name).toLowerCase().replace(/\s+/g, ' ');
      const earlier = seen.get(key);
      if (earlier !== undefined) reportAt(rowNumber, record, 'account', `the same account is already on row ${earlier} (names are unique, ignoring case and spacing)`);
      else seen.set(key, rowNumber);
    }
    if (problems.length === before) {
      const row = vouched ?? (parsed?.success ? parsed.data : null);
      if (row) {
        result.rows.push(row);
        rowNumbers.push(rowNumber);
      }
      continue;
    }
    // A row's problems read left to right, as the columns stand in the file.
    const at = (p: Problem) => match.columns[p.field as InputField] ?? Infinity;
    problems.push(...problems.splice(before).sort((a, b) => at(a) - at(b)));
  }
  // Blank rows at the very end are no news: only those between accounts are named.
  const lastData = rowNumbers.length ? rowNumbers[rowNumbers.length - 1]! : headerRow + 1;
  result.skipped = skipped.filter((k) => k.reason !== 'blank' || k.row < lastData);
  const rows = result.rows;
  const last = rows[rows.length - 1];
  if (problems.length === 0 && last && isTotalsLine(last, rows.slice(0, -1), new Set(Object.keys(match.columns) as InputField[]))) {
    rows.pop();
    const at = rowNumbers.pop()!;
    result.skipped.push({ row: at, count: 1, reason: `"${last.account}": a totals line (its amounts are the sums of the rows above)` });
  }
  rows.forEach((row, k) => {
    if (TOTALS_LABEL.test(row.account)) {
      warnings.push({ row: rowNumbers[k], column: mapping.account, field: 'account', value: row.account, rule: 'named like a totals line, but its amounts are not the sums of the rows above (or it is not the last row): imported as an account' });
    }
  });
  if (result.rows.length === 0 && problems.length === 0) {
    problems.push({ row: headerRow + 2, rule: 'the sheet has a header row but no accounts under it' });
  }
  return result;
}

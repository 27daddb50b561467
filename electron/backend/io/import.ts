import type { Sql } from '../db/sql';
import type { ImportRequest, ImportSummary } from '../../../shared/ipc/contract';
import { CpwError, describeProblem } from '../../../shared/ipc/errors';
import type { InputField } from '../../../shared/schemas/fields';
import { getMeta, setMeta } from '../db/repos/meta';
import { ensurePeriod, findPeriod } from '../db/repos/periods';
import { periodAccountKeys, writeRows } from '../db/repos/bulk-rows';
import { findHeaderRow, parseSheet, type ParsedSheet } from './sheet';
import type { TextEncoding } from './decode';
import { readSource, readTable, type SourceFile } from './table';
import type { StagedFiles } from './staged-files';
import { dimensionSummary, readDimensionColumns, type DimensionChoice, type SheetDimension } from './dimension-columns';

const PREVIEW_ROWS = 20;
const MESSAGE_PROBLEMS = 50;
const SUMMARY_PROBLEMS = 1000;
const MAPPING_KEY = 'import.mapping';

type Source = ImportRequest['source'];
type Map = Partial<Record<InputField, string>>;

export interface LoadedSheet extends ParsedSheet {
  /** The columns kept as dimensions, a value per row. */
  dimensions: SheetDimension[];
  file: string;
  encoding: TextEncoding | null;
  decimalComma: boolean;
  sheet: string | null;
  sheets: string[];
  headers: string[];
}

export function sourceFile(source: Source, staged: StagedFiles): SourceFile {
  if (source.file !== undefined) return readSource(source.file);
  if (source.staged !== undefined) return staged.get(source.staged);
  return { name: source.fileName!, bytes: Buffer.from(source.content!, 'base64') };
}

/** The mapping the last import used, kept in the workbook for the next one. */
export async function rememberedMapping(tx: Sql): Promise<Map> {
  const value = await getMeta(tx, MAPPING_KEY);
  try {
    return value ? (JSON.parse(value) as Map) : {};
  } catch {
    return {};
  }
}

function rememberMapping(tx: Sql, mapping: Map): Promise<void> {
  return setMeta(tx, MAPPING_KEY, JSON.stringify(mapping));
}

/**
 * Read and check a whole sheet. The user's choices win; a mapping the
 * workbook remembers applies where the file has that header; names and
 * synonyms do the rest. Nothing is written here.
 */
export async function loadSheet(src: SourceFile, sheet: string | undefined, map: Map, remembered: Map = {}, dimensions: readonly DimensionChoice[] = []): Promise<LoadedSheet> {
  const table = await readTable(src, sheet);
  const headerRow = findHeaderRow(table.records, { ...remembered, ...map });
  const headers = (table.records[headerRow] ?? []).map((h) => h.trim());
  const present = new Set(headers.map((h) => h.toLowerCase()));
  const usable = Object.fromEntries(Object.entries(remembered).filter(([, h]) => present.has(h.toLowerCase()))) as Map;
  // A remembered choice the user has just made again is the user's.
  const onlyRemembered = Object.fromEntries(Object.entries(usable).filter(([f]) => !(f in map))) as Map;
  const parsed = parseSheet(table.records, {
    map: { ...usable, ...map },
    style: { decimalComma: table.decimalComma },
    remembered: onlyRemembered,
    ...(table.unreadable ? { unreadable: table.unreadable } : {}),
    delimited: table.delimited === true,
  });
  const kept = readDimensionColumns(table.records, parsed, dimensions);
  return {
    ...parsed,
    dimensions: kept,
    file: src.name,
    sheet: table.sheet ?? null,
    sheets: table.sheets ?? [],
    headers: headers.filter((h) => h !== ''),
    encoding: table.encoding ?? null,
    decimalComma: table.decimalComma,
  };
}

/** Refuse the import whole, listing every problem by row, column, value and rule. */
export function refuseIfProblems(sheet: LoadedSheet): void {
  const n = sheet.problems.length;
  if (n === 0) return;
  const shown = sheet.problems.slice(0, MESSAGE_PROBLEMS).map(describeProblem);
  const more = n > MESSAGE_PROBLEMS ? [`... and ${n - MESSAGE_PROBLEMS} more`] : [];
  throw new CpwError('IMPORT_INVALID', [`${sheet.file}: ${n} problem${n === 1 ? '' : 's'}, nothing imported`, ...shown, ...more].join('\n'), {
    file: sheet.file,
    problems: sheet.problems.slice(0, SUMMARY_PROBLEMS),
  });
}

/** The sheet's columns an account keeps across periods, which a plan does not write. */
const accountColumns = (sheet: LoadedSheet) => (['owner', 'segmentOverride'] as const).filter((f) => f in sheet.mapping);

function summary(period: string, sheet: LoadedSheet, counts: { added: number; updated: number; removed: number }, plan = false): ImportSummary {
  return {
    file: sheet.file,
    sheet: sheet.sheet,
    sheets: sheet.sheets,
    period,
    headers: sheet.headers,
    problems: sheet.problems.slice(0, SUMMARY_PROBLEMS),
    problemCount: sheet.problems.length,
    rows: sheet.rows.length,
    ...counts,
    mapping: sheet.mapping,
    matchedBy: sheet.matchedBy,
    ambiguous: sheet.ambiguous,
    absentColumns: sheet.absentColumns,
    unmappedColumns: sheet.unmappedColumns,
    dimensions: sheet.dimensions.map(dimensionSummary),
    ...(plan ? { plan, accountColumnsKept: accountColumns(sheet) } : {}),
    encoding: sheet.encoding,
    decimalComma: sheet.decimalComma,
    skipped: sheet.skipped,
    warnings: sheet.warnings.slice(0, SUMMARY_PROBLEMS),
    preview: sheet.rows.slice(0, PREVIEW_ROWS),
  };
}

/** What an import would do, problems included, without writing. */
export async function previewImport(tx: Sql, period: string, merge: boolean, sheet: LoadedSheet, plan = false): Promise<ImportSummary> {
  const p = await findPeriod(tx, period);
  const existing = p ? await periodAccountKeys(tx, p.id, plan ? 'plan_rows' : 'period_rows') : new Set<string>();
  const incoming = new Set(sheet.rows.map((r) => r.account.toLowerCase()));
  const updated = [...incoming].filter((a) => existing.has(a)).length;
  return summary(p?.label ?? period, sheet, {
    added: incoming.size - updated,
    updated,
    removed: merge ? 0 : [...existing].filter((a) => !incoming.has(a)).length,
  }, plan);
}

/**
 * Write a checked sheet into its period (its plan, with `plan`) and remember its mapping; the caller holds the transaction.
 * A plan's owner and pinned segment columns are not written: those belong to the account, in every period, and the
 * actuals say them; a new account a plan brings in takes them from its row.
 */
export async function commitImport(tx: Sql, period: string, merge: boolean, sheet: LoadedSheet, plan = false): Promise<ImportSummary> {
  refuseIfProblems(sheet);
  const p = await ensurePeriod(tx, period);
  const counts = await writeRows(tx, p.id, sheet.rows, {
    merge,
    // An account keeps its owner and pinned segment unless the sheet has those columns.
    accountFields: { owner: !plan && 'owner' in sheet.mapping, segmentOverride: !plan && 'segmentOverride' in sheet.mapping },
    dimensions: plan ? [] : sheet.dimensions,
    table: plan ? 'plan_rows' : 'period_rows',
  });
  await rememberMapping(tx, sheet.mapping);
  return summary(p.label, sheet, counts, plan);
}

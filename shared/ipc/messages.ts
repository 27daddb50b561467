import { z } from 'zod';
import { DimensionName } from '../schemas/dimensions';
import { INPUT_FIELDS } from '../schemas/fields';
import { SYNONYM_LANGUAGES } from '../catalogue';
import { PeriodLabel } from '../schemas/period';
import { Allocation, PoolSetup } from '../schemas/pools';
import { PersonSettings } from '../schemas/settings';
import type { SheetRowPatch } from '../schemas/row';
import { SheetRowShape } from '../schemas/row';
import { Problem } from './errors';

/** The messages the RPC contract's methods take and give, beside the schemas of shared/schemas. */

export const FilePath = z.string({ error: 'a file path is required' }).trim().min(1, { error: 'a file path is required' });
export const Empty = z.object({}).strict();
export const Done = z.object({ done: z.literal(true) });

export const WorkbookInfo = z.object({
  path: z.string(),
  name: z.string(),
  readOnly: z.boolean(),
  schemaVersion: z.number().int(),
  currency: z.string(),
  periods: z.array(z.string()),
  /** What opening it had to do that its user should hear of (an interrupted save rolled back, why it is read-only). */
  notes: z.array(z.string()),
});
export type WorkbookInfo = z.output<typeof WorkbookInfo>;

/** The person's side of the window: their settings and the workbooks they opened lately. */
export const ProfileInfo = z.object({
  /** False when the host was started without a profile folder (a bare `cpw serve FILE`): defaults, nothing kept. */
  stored: z.boolean(),
  settings: PersonSettings,
  recent: z.array(z.object({ path: z.string(), name: z.string(), exists: z.boolean() })),
});
export type ProfileInfo = z.output<typeof ProfileInfo>;

/** What `cpw copy` carried from one workbook to another: the count of each thing. */
export const CopyReport = z.object({
  from: z.string(),
  to: z.string(),
  copied: z.record(z.string(), z.number().int()),
});

export const CheckReport = z.object({
  path: z.string(),
  ok: z.boolean(),
  schemaVersion: z.number().int().nullable(),
  problems: z.array(z.string()),
  /** What the file holds, as its last committed state reads: each period with its count of rows. */
  periods: z.array(z.object({ label: z.string(), rows: z.number().int() })),
  /** What the check did that is not a problem (an interrupted save rolled back), and with repair what the restored copy lacks. */
  notes: z.array(z.string()),
  /** With repair: the copy put in place of the damaged file, and where the damaged file was kept. */
  restoredFrom: z.string().optional(),
  damagedKeptAs: z.string().optional(),
});
export type CheckReport = z.output<typeof CheckReport>;

export const HistoryState = z.object({
  /** What Undo would undo ("edit Acme"), or null. */
  undo: z.string().nullable(),
  redo: z.string().nullable(),
});
/** An undone or redone action, the period it touched, and what can be undone and redone next. */
export type HistoryState = z.output<typeof HistoryState>;
export const HistoryStep = HistoryState.extend({ label: z.string(), period: z.string().nullable() });

/**
 * A row patch as it crosses the boundary: any object of input fields. The
 * handler validates it against the current row, so a refusal can name the
 * account as well as the field, the value and the rule.
 */
export const RowPatchInput = z.custom<SheetRowPatch>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
  error: 'a patch is an object of field names and values',
});

/** Which DOMAIN.md field each file header feeds: `{ revenue: "Sales" }`. */
export const ColumnMap = z.record(z.enum(INPUT_FIELDS), z.string());
export type ColumnMap = z.output<typeof ColumnMap>;

/**
 * A sheet to import: a path (the command line), the file's bytes in base64
 * with its name (the window reads the file the user picked or dropped; it
 * never names a path on disk), or the id of bytes the window sent once
 * before (`staged` of a preview), so a remap or the commit does not send
 * the file again.
 */
export const ImportSource = z
  .object({
    file: FilePath.optional(),
    content: z.base64({ error: 'content must be the file in base64' }).optional(),
    fileName: z.string().trim().min(1).max(500).optional(),
    staged: z.uuid({ error: 'staged must be the id a preview gave' }).optional(),
    /** The sheet of an XLSX workbook; the first by default. */
    sheet: z.string().trim().min(1).optional(),
  })
  .refine((s) => [s.file, s.content, s.staged].filter((x) => x !== undefined).length === 1, { error: 'give one of file, content or staged' })
  .refine((s) => s.content === undefined || s.fileName !== undefined, { error: 'content needs its fileName (its extension says csv or xlsx)' });

export const ImportRequest = z.object({
  source: ImportSource,
  period: PeriodLabel,
  /** Headers the user chose for fields; the rest are matched by name and synonyms. */
  map: z.partialRecord(z.enum(INPUT_FIELDS), z.string()).default({}),
  /** Update matching accounts and add new ones, keeping the period's other rows; otherwise replace the period's rows. */
  merge: z.boolean().default(false),
  /** Write the sheet as the period's plan (DOMAIN.md, "Plan, dimensions"), not its actuals: same checks, same mapping; accounts keep their owner and pinned segment. */
  plan: z.boolean().default(false),
  /** Columns kept as dimensions of the accounts: the dimension's name and the header of its column (`--dimension region=Region`). */
  dimensions: z.array(z.object({ name: DimensionName, header: z.string().trim().min(1).max(200) }).strict()).max(50).default([]),
});
export type ImportRequest = z.input<typeof ImportRequest>;

/**
 * How a column of the file came to give a field: its header is the field's
 * name, or a synonym (in one or more languages), or holds one of those as a
 * whole word ("Revenue 2026 (EUR)"); or the person chose it, now or at the
 * last import.
 */
export const HeaderRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('name') }),
  z.object({ kind: z.literal('synonym'), synonym: z.string(), languages: z.array(z.enum(SYNONYM_LANGUAGES)) }),
  /** `languages` is empty when the word is the field's own name. */
  z.object({ kind: z.literal('word'), word: z.string(), languages: z.array(z.enum(SYNONYM_LANGUAGES)) }),
  z.object({ kind: z.literal('chosen') }),
  z.object({ kind: z.literal('remembered') }),
]);
export type HeaderRule = z.output<typeof HeaderRule>;

/** Columns left for the person to map: one header naming several fields, or several headers naming one field by a word. */
export const AmbiguousColumns = z.object({ headers: z.array(z.string()), fields: z.array(z.enum(INPUT_FIELDS)) });
export type AmbiguousColumns = z.output<typeof AmbiguousColumns>;

export const ImportSummary = z.object({
  file: z.string(),
  sheet: z.string().nullable(),
  sheets: z.array(z.string()),
  period: z.string(),
  /** The header cells of the file, for choosing a mapping. */
  headers: z.array(z.string()),
  /** Every problem found (the first 1,000); an import with any is refused whole. */
  problems: z.array(Problem),
  problemCount: z.number().int(),
  rows: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  mapping: z.partialRecord(z.enum(INPUT_FIELDS), z.string()),
  /** For each mapped field, the rule that matched its column. */
  matchedBy: z.partialRecord(z.enum(INPUT_FIELDS), HeaderRule),
  /** Columns whose header names more than one field, or a field that more than one header names by a word: not mapped. */
  ambiguous: z.array(AmbiguousColumns),
  absentColumns: z.array(z.string()),
  unmappedColumns: z.array(z.string()),
  /** Written as the period's plan; `accountColumnsKept`, the sheet's columns that belong to an account (owner, pinned segment) and a plan leaves as they are. */
  plan: z.boolean().optional(),
  accountColumnsKept: z.array(z.enum(INPUT_FIELDS)).optional(),
  /** The columns kept as dimensions: each one's name, header, how many accounts have a value and its distinct values (the first 20). */
  dimensions: z.array(z.object({ name: z.string(), header: z.string(), accounts: z.number().int(), values: z.array(z.string()) })).default([]),
  /** How a text file was read (UTF-8, UTF-16, Windows-1252); null for XLSX. */
  encoding: z.string().nullable(),
  /** Numbers were read with decimal commas ("1.234,56"), as European spreadsheets write them. */
  decimalComma: z.boolean(),
  /** Rows of the file not imported, each with why: a title block, blank rows, a totals line. */
  skipped: z.array(z.object({ row: z.number().int(), count: z.number().int(), reason: z.string() })),
  /** Cells read but worth a look (a number in scientific notation, an account named like a totals line). */
  warnings: z.array(Problem),
  preview: z.array(SheetRowShape),
  /** When the file came as content: its id, for the next preview and the commit to name instead of sending it again. */
  staged: z.uuid().optional(),
});
export type ImportSummary = z.output<typeof ImportSummary>;

/** A period's cost pools, as the Cost pools view and `cpw allocate` show them: the setup and what it allocates. */
export const PoolsState = z.object({ setup: PoolSetup, allocation: Allocation, overCapacity: z.array(z.string()) });
export type PoolsState = z.output<typeof PoolsState>;

/** Which workshop report to make: a period (the latest by default), the paper, and the saved scenarios to show (all by default). */
export const ReportRequest = z.object({
  period: PeriodLabel.optional(),
  paper: z.enum(['A4', 'Letter']).default('A4'),
  scenarios: z.array(z.string().trim().min(1)).max(50).optional(),
});
export type ReportRequest = z.input<typeof ReportRequest>;


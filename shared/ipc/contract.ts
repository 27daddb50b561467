import { z } from 'zod';
import { Assumptions, AssumptionsPatch } from '../schemas/assumptions';
import { Interaction, InteractionPlan, PreCallResult, type InteractionInput } from '../schemas/interaction';
import { Period, PeriodLabel } from '../schemas/period';
import { DimensionList, DimensionName, DimensionValue } from '../schemas/dimensions';
import { FillResult, PlanCopyResult } from '../schemas/plan';
import { Allocation, Balance, PoolSetup, TraceLine } from '../schemas/pools';
import { AccountResult, Report } from '../schemas/report';
import { AccountName, SheetRowShape, VersionedRow } from '../schemas/row';
import { AuditEntry } from '../schemas/audit';
import { RowColumns } from '../schemas/row-columns';
import { Adjustment, Scenario } from '../schemas/scenario';
import { PersonSettings, PersonSettingsPatch } from '../schemas/settings';
import { SheetLayout, WorkbookKey } from '../schemas/sheet-layout';
import { ScenarioResult, Trends } from '../schemas/trends';
import type { RpcError } from './errors';
import {
  CheckReport,
  CopyReport,
  Done,
  Empty,
  FilePath,
  HistoryState,
  HistoryStep,
  ImportRequest,
  ImportSource,
  ImportSummary,
  PoolsState,
  ProfileInfo,
  ReportRequest,
  RowPatchInput,
  WorkbookInfo,
} from './messages';

export * from './messages';


/** One row's patch; `version`, when given, is the row's version it was made from, and a newer one refuses the edit (CONFLICT). */
const RowEdit = z.object({ account: AccountName, patch: RowPatchInput, version: z.number().int().min(1).optional() });

/**
 * Every call the renderer and the CLI can make of the backend, method name
 * to input and output schemas. Types on both sides are inferred from here.
 */
export const contract = {
  'workbook.create': {
    input: z.object({ path: FilePath, sample: z.boolean().default(false) }),
    output: WorkbookInfo,
  },
  'workbook.open': { input: z.object({ path: FilePath, readOnly: z.boolean().default(false) }), output: WorkbookInfo },
  'workbook.info': { input: Empty, output: WorkbookInfo },
  'workbook.close': { input: Empty, output: Done },
  'workbook.saveAs': { input: z.object({ path: FilePath }), output: WorkbookInfo },
  /** A whole workbook from one location (a file or a postgresql:// address) to another, in one transaction on the target. */
  'workbook.copy': { input: z.object({ from: FilePath, to: FilePath, replace: z.boolean().default(false) }), output: CopyReport },
  'workbook.check': { input: z.object({ path: FilePath, repair: z.boolean().default(false) }), output: CheckReport },
  /** The copies kept beside a workbook, newest first: what the app offers to restore. */
  'workbook.backups': { input: z.object({ path: FilePath }), output: z.array(z.object({ file: z.string(), taken: z.string(), reason: z.string() })) },
  /** The profile's sample workbook, made there the first time. */
  'workbook.openSample': { input: Empty, output: WorkbookInfo },
  /**
   * A workbook of the person's recent list, by its place in the list that
   * profile.get gave (and its name, so a list changed since is not misread):
   * how a window reopens a file without naming a path.
   */
  'workbook.openRecent': {
    input: z.object({ index: z.number().int().min(0), name: z.string(), readOnly: z.boolean().default(false) }),
    output: WorkbookInfo,
  },
  /** A new workbook named NAME.cpw beside the open one (or in the profile's folder): a window names no folder. */
  'workbook.createNamed': {
    input: z.object({
      name: z
        .string()
        .trim()
        .min(1, { error: 'a name is required' })
        .max(100, { error: 'a name is at most 100 characters' })
        .refine((n) => !/[/\\:*?"<>|]/.test(n) && ![...n].some((c) => c.charCodeAt(0) < 0x20) && !n.startsWith('.'), { error: 'a name is a file name: no folder, no / \\ : * ? " < > |, not starting with a dot' }),
      sample: z.boolean().default(false),
    }),
    output: WorkbookInfo,
  },

  'profile.get': { input: Empty, output: ProfileInfo },
  'profile.update': { input: PersonSettingsPatch, output: PersonSettings },
  /** Forget the recent workbooks (File > Open Recent > Clear Recent); the one to reopen at start is kept. */
  'profile.clearRecent': { input: Empty, output: Done },
  /**
   * The person's layout of a workbook's sheet (null: its own columns); the location is only a key in their
   * profile, never opened. `kept`: whether this window keeps layouts at all (not without a profile folder).
   */
  'profile.sheetLayout': { input: z.object({ workbook: WorkbookKey }).strict(), output: z.object({ layout: SheetLayout.nullable(), kept: z.boolean() }) },
  /** Keep it, or forget it (null, "Reset columns"); `kept` is false in a window without a profile folder. */
  'profile.saveSheetLayout': { input: z.object({ workbook: WorkbookKey, layout: SheetLayout.nullable() }).strict(), output: z.object({ kept: z.boolean() }) },

  'periods.list': { input: Empty, output: z.array(Period) },
  'periods.create': {
    input: z.object({ label: PeriodLabel, copyFrom: PeriodLabel.optional() }),
    output: Period,
  },
  'periods.rename': { input: z.object({ label: PeriodLabel, newLabel: PeriodLabel }), output: Period },
  'periods.reorder': {
    input: z.object({ labels: z.array(PeriodLabel).min(1, { error: 'name every period in its new order' }) }),
    output: z.array(Period),
  },
  'periods.delete': { input: z.object({ label: PeriodLabel }), output: Done },
  /** Fill an existing period from another, empty cells only: accounts it lacks added as copies, blank optional cells given the source's value, nothing overwritten; one undoable step. */
  'periods.fill': { input: z.object({ label: PeriodLabel, from: PeriodLabel }), output: FillResult },

  /** The workbook's dimensions (DOMAIN.md, "Plan, dimensions"): each name, how many accounts have a value, and the values. */
  'dimensions.list': { input: Empty, output: DimensionList },
  'dimensions.add': { input: z.object({ name: DimensionName }).strict(), output: DimensionList },
  'dimensions.rename': { input: z.object({ name: DimensionName, newName: DimensionName }).strict(), output: DimensionList },
  /** The dimension and every account's value for it. */
  'dimensions.remove': { input: z.object({ name: DimensionName }).strict(), output: DimensionList },
  /** Accounts' values typed, pasted or filled in the sheet (null clears one): one undoable step, checked whole. */
  'dimensions.set': {
    input: z
      .object({
        period: PeriodLabel.optional(),
        cells: z.array(z.object({ account: AccountName, name: DimensionName, value: DimensionValue }).strict()).min(1).max(100_000),
      })
      .strict(),
    output: z.object({ changed: z.number().int() }),
  },

  /** The period's plan (DOMAIN.md, "Plan, dimensions"), one array per field as rows.columns; no rows when it has none. */
  'plan.columns': { input: z.object({ period: PeriodLabel }), output: RowColumns },
  /** The period's plan made from its actuals: a copy replacing it, or (`emptyOnly`) its empty cells filled; one undoable step. */
  'plan.copy': { input: z.object({ period: PeriodLabel, emptyOnly: z.boolean().default(false) }), output: PlanCopyResult },
  /** The period's plan removed (Undo brings it back). */
  'plan.clear': { input: z.object({ period: PeriodLabel }), output: z.object({ period: z.string(), removed: z.number().int() }) },

  /** The period's rows with their versions; `accounts` reads only those (what a window reads when another person changed them). */
  'rows.list': { input: z.object({ period: PeriodLabel, accounts: z.array(AccountName).max(10_000).optional() }), output: z.array(VersionedRow) },
  /** The same rows, one array per field: what the window loads a period with. */
  'rows.columns': { input: z.object({ period: PeriodLabel }), output: RowColumns },
  'rows.insert': { input: z.object({ period: PeriodLabel, row: SheetRowShape }), output: VersionedRow },
  /**
   * Cell edits, one or a pasted block, as one undoable action validated as a
   * whole: the rows as stored and the history after it, in one round trip.
   */
  'rows.edit': {
    input: z.object({
      period: PeriodLabel,
      patches: z.array(RowEdit).min(1).max(100_000),
    }),
    output: z.object({ rows: z.array(VersionedRow), history: HistoryState }),
  },
  /** rows.edit of one row, answering the row alone (for scripts). */
  'rows.update': {
    input: z.object({ period: PeriodLabel, account: AccountName, patch: RowPatchInput, version: z.number().int().min(1).optional() }),
    output: VersionedRow,
  },
  /** rows.edit answering the rows alone (for scripts). */
  'rows.patch': {
    input: z.object({
      period: PeriodLabel,
      patches: z.array(RowEdit).min(1).max(100_000),
    }),
    output: z.array(VersionedRow),
  },
  'rows.delete': {
    input: z.object({ period: PeriodLabel, accounts: z.array(AccountName).min(1) }),
    output: z.object({ deleted: z.number().int() }),
  },

  'history.state': { input: Empty, output: HistoryState },
  'history.undo': { input: Empty, output: HistoryStep },
  'history.redo': { input: Empty, output: HistoryStep },

  'assumptions.get': { input: Empty, output: Assumptions },
  'assumptions.set': { input: z.object({ patch: AssumptionsPatch }), output: Assumptions },

  'interactions.list': {
    input: z.object({ account: AccountName.optional() }),
    output: z.array(Interaction.extend({ id: z.number().int() })),
  },
  'interactions.add': { input: z.object({ interaction: Interaction.omit({ id: true }) }), output: Interaction },
  'interactions.update': {
    input: z.object({
      id: z.number().int(),
      patch: z.custom<Partial<InteractionInput>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
        error: 'a patch is an object of interaction fields and values',
      }),
    }),
    output: Interaction.extend({ id: z.number().int() }),
  },
  'interactions.delete': { input: z.object({ id: z.number().int() }), output: Done },
  'precall.check': {
    input: z.object({ account: AccountName.optional(), plan: InteractionPlan }),
    output: PreCallResult.extend({ account: z.string().nullable() }),
  },

  'scenarios.list': { input: Empty, output: z.array(Scenario) },
  'scenarios.save': { input: z.object({ scenario: Scenario }), output: Scenario },
  'scenarios.delete': { input: z.object({ name: z.string().trim().min(1) }), output: Done },
  'scenarios.run': {
    input: z.object({
      period: PeriodLabel.optional(),
      name: z.string().trim().min(1).optional(),
      adjustments: z.array(Adjustment).optional(),
    }),
    output: ScenarioResult,
  },

  'pools.get': { input: z.object({ period: PeriodLabel }), output: PoolsState },
  /** Replace the period's whole setup (pools, activities, driver counts, bucket modes), all or nothing. */
  'pools.save': { input: z.object({ period: PeriodLabel, setup: PoolSetup }), output: PoolsState },
  /**
   * Load pools, activities or driver counts from CSV/XLSX files, all or
   * nothing: the parts given replace those parts; `lines` counts (or sums)
   * transaction lines per account as one activity's drivers.
   */
  'pools.import': {
    input: z.object({
      period: PeriodLabel,
      pools: ImportSource.optional(),
      activities: ImportSource.optional(),
      drivers: ImportSource.optional(),
      /** Time equations, a row per term: `pool,activity,minutes,attribute,equals`. */
      equations: ImportSource.optional(),
      /** Two stages, a row per pool fed: `pool,to,basis,share`. */
      feeds: ImportSource.optional(),
      lines: z
        .object({ source: ImportSource, activity: z.string().trim().min(1), accountColumn: z.string().trim().min(1).optional(), sumColumn: z.string().trim().min(1).optional() })
        .optional(),
    }),
    output: z.object({ pools: z.number().int(), activities: z.number().int(), drivers: z.number().int(), lines: z.number().int(), equations: z.number().int(), feeds: z.number().int() }),
  },
  'pools.allocate': { input: z.object({ period: PeriodLabel.optional() }), output: Allocation.extend({ period: z.string() }) },
  /** The tie-out: every pool's cost accounted for (to accounts, to pools, unused), and every bucket before and after. */
  'pools.balance': { input: z.object({ period: PeriodLabel.optional() }), output: Balance.extend({ period: z.string() }) },
  /** Each contribution to one account's allocated cost, with the pools its money came from. */
  'pools.trace': { input: z.object({ period: PeriodLabel.optional(), account: z.string().trim().min(1) }), output: z.object({ period: z.string(), account: z.string(), lines: z.array(TraceLine) }) },

  /**
   * `ends`: only that many of the most and of the least profitable accounts, most profitable first, when the period
   * has more than twice as many (the table for people); the portfolio is always the whole period's.
   */
  'report.get': { input: z.object({ period: PeriodLabel.optional(), ends: z.number().int().min(1).max(10_000).optional() }), output: Report },
  /** Every period's portfolio in order; `where` keeps the accounts with one value of a dimension (the trends of EMEA alone). */
  'trends.get': {
    input: z.object({ where: z.object({ name: DimensionName, value: z.string().trim().min(1).max(200) }).strict().optional() }).strict(),
    output: Trends,
  },
  /** One account over every period, for its Customer Picture. */
  /** The audit log, oldest first: every field changed, by whom, when; one account's, or since a date. */
  'audit.list': {
    input: z.object({ account: AccountName.optional(), since: z.string().regex(/^\d{4}-\d{2}-\d{2}/, { error: 'since is a date, YYYY-MM-DD (a time may follow)' }).optional(), limit: z.number().int().min(1).max(100_000).optional() }),
    output: z.array(AuditEntry),
  },
  'account.picture': {
    input: z.object({ account: AccountName }),
    output: z.object({ account: z.string(), periods: z.array(z.object({ period: z.string(), result: AccountResult.nullable() })) }),
  },
  /** The workshop report of a period as a PDF file: cover, figures, charts, tables, scenarios, assumptions and formulas. */
  'report.pdf': {
    input: ReportRequest.extend({ out: FilePath }),
    output: z.object({ path: z.string(), period: z.string(), bytes: z.number().int() }),
  },
  /** The same report as one HTML document, for the desktop app to print with Electron's printToPDF. */
  'report.html': { input: ReportRequest, output: z.object({ html: z.string(), period: z.string(), fileName: z.string() }) },
  /** The same report as PDF bytes in base64, for the browser to save where the user says. */
  'report.download': { input: ReportRequest, output: z.object({ fileName: z.string(), content: z.string(), period: z.string() }) },

  'import.preview': { input: ImportRequest, output: ImportSummary },
  /** An interactions log (CSV or XLSX), all or nothing. */
  'interactions.import': { input: z.object({ source: ImportSource }), output: z.object({ file: z.string(), rows: z.number().int() }) },
  'import.commit': { input: ImportRequest, output: ImportSummary },
  'export.sheet': {
    input: z.object({ period: PeriodLabel.optional(), out: FilePath }),
    output: z.object({ path: z.string(), period: z.string(), rows: z.number().int() }),
  },
  /** The same export as bytes, for the window to offer as a download (it never writes files itself). */
  'export.download': {
    input: z.object({ period: PeriodLabel.optional(), format: z.enum(['csv', 'xlsx']) }),
    output: z.object({ fileName: z.string(), content: z.string(), rows: z.number().int() }),
  },
  /** The input headers and one example row, for people who start in Excel. */
  'export.template': { input: z.object({ out: FilePath }), output: z.object({ path: z.string() }) },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };

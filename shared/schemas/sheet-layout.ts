import { z } from 'zod';

/**
 * How a person laid out a workbook's sheet: its columns in the order shown,
 * each with its width and whether it is hidden or pinned, the sort and the
 * column filters. It is theirs, not the workbook's (kept in their profile,
 * one per workbook); scroll and focus are not kept. Small and checked, since
 * a window sends it and a profile file stores it: a column id is short text,
 * a filter one of the grid's simple models, the whole at most
 * MAX_LAYOUT_CHARS of JSON.
 */
export const MAX_LAYOUT_COLUMNS = 200;
export const MAX_LAYOUT_CHARS = 16_000;

/** A DOMAIN.md name, or a dimension's column (`dimensions.<its name>`, any text): only ever matched against the sheet's own ids. */
const ColumnId = z
  .string({ error: 'a column id is text' })
  .min(1, { error: 'a column id is text' })
  .max(100, { error: 'a column id is at most 100 characters' })
  .refine((id) => ![...id].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127), { error: 'a column id has no control characters' })
  .refine((id) => !['__proto__', 'constructor', 'prototype'].includes(id), { error: 'a column id is not __proto__, constructor or prototype' });

const LayoutColumn = z
  .object({
    id: ColumnId,
    width: z.number({ error: 'a width is a number of pixels' }).min(10, { error: 'a width is at least 10 pixels' }).max(5000, { error: 'a width is at most 5000 pixels' }),
    hide: z.boolean().optional(),
    pinned: z.enum(['left', 'right'], { error: 'pinned is left or right' }).optional(),
  })
  .strict();

const SortEntry = z.object({ id: ColumnId, sort: z.enum(['asc', 'desc'], { error: 'a sort is asc or desc' }) }).strict();

const FilterText = z.string().max(200, { error: 'a filter value is at most 200 characters' });
const FilterNumber = z.number().finite();
const TEXT_OPTIONS = ['empty', 'blank', 'notBlank', 'equals', 'notEqual', 'contains', 'notContains', 'startsWith', 'endsWith'] as const;
const NUMBER_OPTIONS = ['empty', 'blank', 'notBlank', 'equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange'] as const;

const TextCondition = z
  .object({ filterType: z.literal('text'), type: z.enum(TEXT_OPTIONS), filter: FilterText.nullable().optional(), filterTo: FilterText.nullable().optional() })
  .strict();
const NumberCondition = z
  .object({ filterType: z.literal('number'), type: z.enum(NUMBER_OPTIONS), filter: FilterNumber.nullable().optional(), filterTo: FilterNumber.nullable().optional() })
  .strict();
const FilterCondition = z.discriminatedUnion('filterType', [TextCondition, NumberCondition], { error: 'a filter is a text or number filter of the grid' });

/** Two conditions joined, as the grid's filter offers them. */
const CombinedFilter = z
  .object({
    filterType: z.enum(['text', 'number']),
    operator: z.enum(['AND', 'OR'], { error: 'conditions are joined by AND or OR' }),
    conditions: z.array(FilterCondition).min(1, { error: 'a joined filter has a condition' }).max(2, { error: 'a filter joins at most 2 conditions' }),
  })
  .strict()
  .refine((f) => f.conditions.every((c) => c.filterType === f.filterType), { error: 'joined conditions are of the filter’s own type' });

export const ColumnFilter = z.union([CombinedFilter, FilterCondition], { error: 'a filter is a text or number filter of the grid, or two joined' });
export type ColumnFilter = z.output<typeof ColumnFilter>;

export const SheetLayout = z
  .object({
    columns: z.array(LayoutColumn).max(MAX_LAYOUT_COLUMNS, { error: `a layout has at most ${MAX_LAYOUT_COLUMNS} columns` }),
    sort: z.array(SortEntry).max(MAX_LAYOUT_COLUMNS, { error: `a sort names at most ${MAX_LAYOUT_COLUMNS} columns` }),
    filter: z.record(ColumnId, ColumnFilter).refine((f) => Object.keys(f).length <= MAX_LAYOUT_COLUMNS, { error: `filters on at most ${MAX_LAYOUT_COLUMNS} columns` }),
  }, { error: 'a layout is the sheet’s columns, sort and filters (or null for the sheet’s own)' })
  .strict()
  .refine((l) => new Set(l.columns.map((c) => c.id)).size === l.columns.length, { error: 'each column appears once' })
  .refine((l) => JSON.stringify(l).length <= MAX_LAYOUT_CHARS, { error: `a layout is at most ${MAX_LAYOUT_CHARS} characters of JSON` });
export type SheetLayout = z.output<typeof SheetLayout>;

/** Which workbook a layout is of: its location as the window was told it (a path or an address), only a name here, never opened. */
export const WorkbookKey = z
  .string({ error: 'workbook is the workbook’s location, as text' })
  .trim()
  .min(1, { error: 'workbook is the workbook’s location' })
  .max(2000, { error: 'a workbook location is at most 2000 characters' });

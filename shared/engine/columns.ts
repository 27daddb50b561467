import { INPUT_FIELDS, NUMBER_FIELDS, OPTIONAL_NUMBER_FIELDS, SEGMENTS, STATUSES } from '../schemas/fields';
import type { NumberField, OptionalNumberField } from '../schemas/fields';
import type { SheetRow } from '../schemas/row';
import type { RowColumns } from '../schemas/row-columns';
import { dimensionValueAt, internDimension, type DimensionColumn } from '../schemas/dimensions';

/** Every numeric input, one typed array each. */
export const FLOAT_FIELDS = [...NUMBER_FIELDS, ...OPTIONAL_NUMBER_FIELDS] as const;
export type FloatField = NumberField | OptionalNumberField;

/**
 * A period's rows, column-oriented: one typed array per numeric field, so a
 * full recompute walks flat memory and allocates nothing per row. An optional
 * number that is not given is NaN. Owners are interned: `ownerIds[i]` indexes
 * `owners` (-1 when the account has none).
 */
export type SheetColumns = {
  readonly n: number;
  readonly account: readonly string[];
  /** Account names in lower case: the tie-break of the profit order, computed once per load, not per recompute. */
  readonly accountKey: readonly string[];
  readonly owners: readonly string[];
  readonly ownerIds: Int32Array;
  /** Index into SEGMENTS, -1 when not pinned. */
  readonly segmentOverride: Int8Array;
  /** Index into STATUSES. */
  readonly status: Uint8Array;
  /** The workbook's dimensions, in its order, each account's value interned. */
  readonly dimensions: readonly DimensionColumn[];
} & { readonly [F in FloatField]: Float64Array };

export function emptyColumns(
  n: number,
  account: readonly string[],
  owners: readonly string[],
  accountKey: readonly string[] = account.map((a) => a.toLowerCase()),
  dimensions: readonly DimensionColumn[] = [],
): SheetColumns {
  const floats = Object.fromEntries(FLOAT_FIELDS.map((f) => [f, new Float64Array(n)])) as {
    [F in FloatField]: Float64Array;
  };
  return {
    n,
    account,
    accountKey,
    owners,
    ownerIds: new Int32Array(n).fill(-1),
    segmentOverride: new Int8Array(n).fill(-1),
    status: new Uint8Array(n),
    dimensions,
    ...floats,
  };
}

/**
 * Owners interned as they come: the id of an owner in `owners` (which it
 * fills), -1 for none. The columns keep a small index per account instead
 * of the name again.
 */
export function ownerInterner(owners: string[]): (owner: string | null) => number {
  const index = new Map<string, number>();
  return (owner) => {
    if (owner === null) return -1;
    let id = index.get(owner);
    if (id === undefined) {
      id = owners.length;
      owners.push(owner);
      index.set(owner, id);
    }
    return id;
  };
}

export function toColumns(rows: readonly SheetRow[]): SheetColumns {
  const n = rows.length;
  const owners: string[] = [];
  const ownerId = ownerInterner(owners);
  const cols = emptyColumns(
    n,
    rows.map((r) => r.account),
    owners,
  );
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    cols.ownerIds[i] = ownerId(r.owner);
    cols.segmentOverride[i] = r.segmentOverride === null ? -1 : SEGMENTS.indexOf(r.segmentOverride);
    cols.status[i] = STATUSES.indexOf(r.status);
    for (const f of NUMBER_FIELDS) cols[f][i] = r[f];
    for (const f of OPTIONAL_NUMBER_FIELDS) cols[f][i] = r[f] ?? NaN;
  }
  return cols;
}

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** The columns after account, owner and segment, in the catalogue's order of the inputs, each with how it is read. */
const NUMBERS: ReadonlySet<string> = new Set(NUMBER_FIELDS);
const OPTIONALS: ReadonlySet<string> = new Set(OPTIONAL_NUMBER_FIELDS);
type ValueColumn = { f: NumberField; kind: 'number' } | { f: OptionalNumberField; kind: 'optional' } | { f: 'status'; kind: 'status' };
const VALUE_ORDER: readonly ValueColumn[] = INPUT_FIELDS.flatMap((f): ValueColumn[] =>
  NUMBERS.has(f) ? [{ f: f as NumberField, kind: 'number' }] : OPTIONALS.has(f) ? [{ f: f as OptionalNumberField, kind: 'optional' }] : f === 'status' ? [{ f, kind: 'status' }] : [],
);

/** A cell of an account's row: its key in the contract and how its value is read from the columns. */
export type RowCell = readonly [key: string, read: (cols: SheetColumns, i: number) => string | number | null];

/** The row's cells in the catalogue's order: the one place that says how a column becomes a row's value. */
export const ROW_CELLS: readonly RowCell[] = [
  ['account', (c, i) => c.account[i]!],
  ['owner', (c, i) => (c.ownerIds[i]! < 0 ? null : c.owners[c.ownerIds[i]!]!)],
  ['segmentOverride', (c, i) => (c.segmentOverride[i]! < 0 ? null : SEGMENTS[c.segmentOverride[i]!]!)],
  ...VALUE_ORDER.map((v): RowCell => {
    if (v.kind === 'number') return [v.f, (c, i) => c[v.f][i]!];
    if (v.kind === 'optional') return [v.f, (c, i) => orNull(c[v.f][i]!)];
    return [v.f, (c, i) => STATUSES[c.status[i]!]!];
  }),
];

/**
 * The row at index i, as the schema shapes it, its keys in the catalogue's
 * order (so `cpw report --json` lists them as the contract does without a
 * parse putting them in order).
 */
export function rowAt(cols: SheetColumns, i: number): SheetRow {
  const row: Record<string, unknown> = {};
  for (const [key, read] of ROW_CELLS) row[key] = read(cols, i);
  return row as SheetRow;
}

export function toRows(cols: SheetColumns): SheetRow[] {
  const rows = new Array<SheetRow>(cols.n);
  for (let i = 0; i < cols.n; i++) rows[i] = rowAt(cols, i);
  return rows;
}

/** Keep the rows whose index passes `keep`, as new columns. */
export function selectRows(cols: SheetColumns, keep: (i: number) => boolean): SheetColumns {
  const idx: number[] = [];
  for (let i = 0; i < cols.n; i++) if (keep(i)) idx.push(i);
  const out = emptyColumns(
    idx.length,
    idx.map((i) => cols.account[i]!),
    cols.owners,
    undefined,
    cols.dimensions.map((d) => ({ name: d.name, values: d.values, ids: Int32Array.from(idx, (i) => d.ids[i]!) })),
  );
  idx.forEach((from, to) => {
    out.ownerIds[to] = cols.ownerIds[from]!;
    out.segmentOverride[to] = cols.segmentOverride[from]!;
    out.status[to] = cols.status[from]!;
    for (const f of FLOAT_FIELDS) out[f][to] = cols[f][from]!;
  });
  return out;
}

/** The columns as the window receives them (RowColumns): plain arrays, null for a number not given. */
export function toRowColumns(cols: SheetColumns, version: readonly number[]): RowColumns {
  const out: Record<string, unknown> = {
    version,
    account: [...cols.account],
    owner: Array.from(cols.ownerIds, (id) => (id < 0 ? null : cols.owners[id]!)),
    segmentOverride: Array.from(cols.segmentOverride, (s) => (s < 0 ? null : SEGMENTS[s]!)),
    status: Array.from(cols.status, (s) => STATUSES[s]!),
    dimensions: cols.dimensions.map((d) => ({ name: d.name, values: Array.from(d.ids, (_, i) => dimensionValueAt(d, i)) })),
  };
  for (const f of NUMBER_FIELDS) out[f] = Array.from(cols[f]);
  for (const f of OPTIONAL_NUMBER_FIELDS) out[f] = Array.from(cols[f], orNull);
  return out as RowColumns;
}

/** The engine's columns from RowColumns, owners interned as toColumns does. */
export function fromRowColumns(w: RowColumns): SheetColumns {
  const n = w.account.length;
  const owners: string[] = [];
  const ownerId = ownerInterner(owners);
  const cols = emptyColumns(n, w.account, owners, undefined, w.dimensions.map((d) => internDimension(d.name, d.values)));
  for (let i = 0; i < n; i++) {
    cols.ownerIds[i] = ownerId(w.owner[i]!);
    const seg = w.segmentOverride[i]!;
    cols.segmentOverride[i] = seg === null ? -1 : SEGMENTS.indexOf(seg);
    cols.status[i] = STATUSES.indexOf(w.status[i]!);
  }
  for (const f of NUMBER_FIELDS) cols[f].set(w[f]);
  for (const f of OPTIONAL_NUMBER_FIELDS) {
    const from = w[f];
    const to = cols[f];
    for (let i = 0; i < n; i++) to[i] = from[i] ?? NaN;
  }
  return cols;
}

import type { CellClassParams, ColDef, ColGroupDef, EditableCallbackParams, ITooltipParams, ValueFormatterParams, ValueGetterParams, ValueSetterParams } from 'ag-grid-community';
import { FIELD_GROUPS, FIELDS, METRICS, metricSpec, type FieldSpec, type MetricFormat, type MetricSpec } from '../../../../shared/catalogue';
import { formatMoney, formatMultiple, formatNumber, formatPercent } from '../../../../shared/format';
import { INPUT_FIELDS, SEGMENT_FOCUS, type Bucket, type InputField, type SegmentName } from '../../../../shared/schemas/fields';
import type { SheetRow } from '../../../../shared/schemas/row';
import type { SheetResult } from '../../../../shared/engine/sheet';
import { describeAllocation } from '../../../../shared/text/allocation';
import { SheetHeader } from './SheetHeader';
import { metricValue, type ComputedField, type ModelAllocation } from '../../state/period-model';

type Kind = 'money' | 'count' | 'rating' | 'text' | 'ratio' | 'multiple';

export interface ColumnContext {
  currency: () => string;
  result: () => SheetResult;
  /** Validate and save one typed value; false keeps the cell as it was. */
  setCell: (params: ValueSetterParams<SheetRow>) => boolean;
  /** What the cost pools put into the buckets, if the period has any. */
  allocation: () => ModelAllocation | null;
  /** Whether the workbook takes typing now: not when read-only, nor while a team server cannot be reached. */
  writable: () => boolean;
}

/**
 * A bucket cell that cost pools feed: the marker's class, and the breakdown
 * its tooltip shows. The cell shows the amount that counts (typed plus
 * allocated, or allocated alone), so a column adds up to its total on
 * screen; editing it edits the typed amount, which the tooltip names.
 */
function allocatedBucket(bucket: Bucket, ctx: ColumnContext): ColDef<SheetRow> {
  const lines = (p: { data?: SheetRow; node: { rowPinned?: string | null } | null }) =>
    isTotals(p) || !p.data ? [] : (ctx.allocation()?.byAccount.get(p.data.account.toLowerCase()) ?? []).filter((l) => l.bucket === bucket);
  const plain = formatter('money', ctx);
  return {
    valueFormatter: (p: ValueFormatterParams<SheetRow>) => {
      const a = ctx.allocation();
      const i = p.node?.sourceRowIndex ?? -1;
      if (!a?.fed.has(bucket) || isTotals(p) || i < 0) return plain(p);
      return plain({ ...p, value: ctx.result().columns[bucket][i] });
    },
    cellClassRules: {
      allocated: (p: CellClassParams<SheetRow>) => {
        const a = ctx.allocation();
        return Boolean(a?.fed.has(bucket)) && (a!.modes[bucket] === 'replace' || lines(p).length > 0);
      },
    },
    tooltipValueGetter: (p) => {
      const a = ctx.allocation();
      const pinned = Boolean(p.node?.rowPinned);
      if (!a?.fed.has(bucket) || pinned) return undefined;
      const own = lines(p as never);
      const m = (v: number) => formatMoney(v, ctx.currency());
      const total = own.reduce((s, l) => s + l.amount, 0);
      const parts = own.map((l) => describeAllocation(l, ctx.currency())).join('; ');
      const typed = (p.data as SheetRow | undefined)?.[bucket] ?? 0;
      const how = a.modes[bucket] === 'replace' ? `It replaces the ${m(typed)} typed here.` : `It is added to the ${m(typed)} typed here.`;
      const shown = a.modes[bucket] === 'replace' ? total : typed + total;
      return `Shown: ${m(shown)}. Allocated from cost pools: ${m(total)}${parts ? ` (${parts})` : ''}. ${how} Total cost and profit include it; editing the cell changes the typed amount.`;
    },
  };
}

const isTotals = (p: { node: { rowPinned?: string | null } | null }) => Boolean(p.node?.rowPinned);

function formatter(kind: Kind, ctx: ColumnContext) {
  return (p: ValueFormatterParams) => {
    const v = p.value as number | string | null | undefined;
    if (v === null || v === undefined || v === '') return '';
    if (typeof v === 'string') return v;
    switch (kind) {
      case 'money':
        return formatMoney(v, ctx.currency());
      case 'ratio':
        return formatPercent(v);
      case 'multiple':
        return formatMultiple(v);
      default:
        return formatNumber(v);
    }
  };
}

const NUMERIC: Kind[] = ['money', 'count', 'rating', 'ratio', 'multiple'];

function inputColumn(spec: FieldSpec, ctx: ColumnContext, extra: ColDef<SheetRow> = {}): ColDef<SheetRow> {
  const field = spec.name as InputField;
  const kind = INPUT_KIND[spec.kind];
  return {
    colId: field,
    field,
    headerName: spec.label,
    headerTooltip: spec.tip,
    headerComponentParams: { innerHeaderComponent: SheetHeader },
    editable: (p: EditableCallbackParams<SheetRow>) => !isTotals(p) && ctx.writable(),
    valueSetter: ctx.setCell,
    valueFormatter: formatter(kind, ctx),
    type: NUMERIC.includes(kind) ? 'rightAligned' : undefined,
    filter: NUMERIC.includes(kind) ? 'agNumberColumnFilter' : 'agTextColumnFilter',
    cellClass: NUMERIC.includes(kind) ? 'num' : undefined,
    width: kind === 'money' ? 136 : kind === 'text' ? 150 : 120,
    ...extra,
  };
}

function computedColumn(field: ComputedField, header: string, kind: Kind, ctx: ColumnContext, extra: ColDef<SheetRow> = {}): ColDef<SheetRow> {
  return {
    colId: field,
    headerName: header,
    headerTooltip: metricSpec(field, 'account')?.short,
    headerClass: 'computed-header',
    headerComponentParams: { innerHeaderComponent: SheetHeader, innerHeaderComponentParams: { help: true } },
    editable: false,
    valueGetter: (p: ValueGetterParams<SheetRow>) =>
      isTotals(p) ? ((p.data as unknown as Record<string, unknown>)[field] ?? null) : metricValue(ctx.result(), field, p.node!.sourceRowIndex),
    valueFormatter: formatter(kind, ctx),
    type: NUMERIC.includes(kind) ? 'rightAligned' : undefined,
    filter: NUMERIC.includes(kind) ? 'agNumberColumnFilter' : 'agTextColumnFilter',
    cellClass: NUMERIC.includes(kind) ? ['computed', 'num'] : ['computed'],
    cellClassRules: {
      loss: (p: CellClassParams) => typeof p.value === 'number' && p.value < 0,
    },
    width: kind === 'money' ? 140 : 120,
    ...extra,
  };
}

/** How an input field's cells read, by its kind in the catalogue. */
const INPUT_KIND: Record<FieldSpec['kind'], Kind> = { text: 'text', choice: 'text', money: 'money', count: 'count', quantity: 'count', rating: 'rating' };
const METRIC_KIND: Partial<Record<MetricFormat, Kind>> = { money: 'money', percent: 'ratio', multiple: 'multiple', count: 'count', text: 'text' };

/** Columns wider than their kind's default: the name, and headers that need the room. */
const WIDTH: Partial<Record<string, number>> = { account: 200, segmentOverride: 130, status: 100, purchasesPerYear: 140, lifespanYears: 140, costToRevenue: 140, interactionCost: 150, clv: 160, segment: 150, paretoClass: 120 };

/** What a field's column adds to the common ones: a name pinned first and always shown, a list to choose from, the bucket's allocation marker. */
function inputExtras(f: FieldSpec, ctx: ColumnContext): ColDef<SheetRow> {
  const extra: ColDef<SheetRow> = WIDTH[f.name] === undefined ? {} : { width: WIDTH[f.name] };
  if (f.presence === 'required' && f.kind === 'text') return { ...extra, pinned: 'left', lockPinned: true, lockVisible: true, lockPosition: 'left' };
  if (f.kind === 'choice') {
    const values = f.defaultChoice === undefined ? ['', ...f.choices!] : [...f.choices!];
    return { ...extra, cellEditor: 'agSelectCellEditor', cellEditorParams: { values } };
  }
  if (f.bucket) return { ...extra, ...allocatedBucket(f.name as Bucket, ctx) };
  return extra;
}

/** The sheet's columns, grouped as the catalogue groups the fields; column ids are the DOMAIN.md names. */
export function columnDefs(ctx: ColumnContext, fields: readonly FieldSpec[] = FIELDS, metrics: readonly MetricSpec[] = METRICS): (ColDef<SheetRow> | ColGroupDef<SheetRow>)[] {
  const groups: ColGroupDef<SheetRow>[] = FIELD_GROUPS.map((group) => ({
    headerName: group,
    children: fields.filter((f) => f.group === group).map((f) => inputColumn(f, ctx, inputExtras(f, ctx))),
  }));
  const computed = metrics.filter((m) => m.scope === 'account' && m.sheet === true);
  return [
    ...groups.filter((g) => g.children.length > 0),
    {
      headerName: 'Computed (read-only)',
      headerClass: 'computed-header',
      children: computed.map((m) =>
        computedColumn(m.name as ComputedField, m.label, METRIC_KIND[m.format] ?? 'text', ctx, {
          ...(WIDTH[m.name] === undefined ? {} : { width: WIDTH[m.name] }),
          // DOMAIN.md: each segment carries a suggested focus, shown with it.
          ...(m.name === 'segment'
            ? { tooltipValueGetter: (p: ITooltipParams) => (typeof p.value === 'string' && p.value in SEGMENT_FOCUS ? `${p.value}: ${SEGMENT_FOCUS[p.value as SegmentName]}` : undefined) }
            : {}),
        }),
      ),
    },
  ];
}

export const INPUT_COLUMN_IDS: ReadonlySet<string> = new Set<string>(INPUT_FIELDS);

import type { CellClassParams, ColDef, ColGroupDef, EditableCallbackParams, ValueFormatterParams, ValueGetterParams, ValueSetterParams } from 'ag-grid-community';
import { formatMoney, formatMultiple, formatNumber, formatPercent } from '../../../../shared/format';
import { INPUT_FIELDS, SEGMENT_FOCUS, SEGMENTS, STATUSES, type Bucket, type InputField, type SegmentName } from '../../../../shared/schemas/fields';
import type { SheetRow } from '../../../../shared/schemas/row';
import type { SheetResult } from '../../../../shared/engine/sheet';
import { HeaderWithHelp } from './HeaderWithHelp';
import { metricValue, type ComputedField, type ModelAllocation } from './model';

/** What every computed column means, in plain words: the header's tooltip. */
export const EXPLAIN: Record<ComputedField, string> = {
  totalCost: 'Total cost: presale + production + distribution + post-sale service + labour.',
  profit: 'Profit: revenue minus total cost. Shown in red with a minus sign when the account loses money.',
  margin: 'Margin: profit as a share of revenue. Empty when the account has no revenue.',
  roi: 'ROI: profit divided by total cost, what each unit spent on the account earns back.',
  costToRevenue: 'Cost to revenue: total cost divided by revenue. Above 1.00x the account costs more than it brings.',
  interactionCost:
    'Interaction cost: rep time in meetings and calls, (meetings x meeting hours + calls x call hours) x daily rate / hours per day. It already sits inside the buckets, so it is never added to total cost.',
  clv: 'Customer lifetime value: average order value x purchases per year x lifespan when all three are given, otherwise revenue x lifespan (the default lifespan when none is given).',
  segment:
    'Segment from the profitability matrix: revenue against the revenue split, margin against the margin split. Protect (big, good margin), Fix (big, thin), Develop (small, good margin), Reassess (small, thin). A pinned segment wins.',
  paretoClass: 'Pareto class on profit: A makes the first 80% of profit, B the next 15%, C the rest of the profitable accounts, D makes none.',
};

const INPUT_TIPS: Partial<Record<InputField, string>> = {
  presale: 'Presale: the cost to win or renew the account.',
  production: 'Production: the cost to produce what the account buys.',
  distribution: 'Distribution: the cost to deliver it.',
  service: 'Post-sale service: support and service after the sale.',
  labour: 'Labour: the time spent growing and supporting the account, revenue-producing or not.',
  segmentOverride: 'Pin a segment by hand; it wins over the matrix. Empty lets the matrix decide.',
  csat: "The key contact's satisfaction, 1 to 5.",
  nps: "The key contact's likelihood to recommend, 0 to 10.",
  status: 'active, new (won this period) or churned (lost this period).',
};

type Kind = 'money' | 'count' | 'rating' | 'text' | 'ratio' | 'multiple';

export interface ColumnContext {
  currency: () => string;
  result: () => SheetResult;
  /** Validate and save one typed value; false keeps the cell as it was. */
  setCell: (params: ValueSetterParams<SheetRow>) => boolean;
  /** What the cost pools put into the buckets, if the period has any. */
  allocation: () => ModelAllocation | null;
}

/**
 * A bucket cell that cost pools feed: the marker's class, and the breakdown
 * its tooltip shows. The cell keeps the typed amount; the computed columns
 * and the totals include the allocation.
 */
function allocatedBucket(bucket: Bucket, ctx: ColumnContext): ColDef<SheetRow> {
  const lines = (p: { data?: SheetRow; node: { rowPinned?: string | null } | null }) =>
    isTotals(p) || !p.data ? [] : (ctx.allocation()?.byAccount.get(p.data.account.toLowerCase()) ?? []).filter((l) => l.bucket === bucket);
  return {
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
      const parts = own.map((l) => `${l.pool} · ${l.activity} ${m(l.amount)}`).join('; ');
      const typed = (p.data as SheetRow | undefined)?.[bucket] ?? 0;
      const how = a.modes[bucket] === 'replace' ? `It replaces the ${m(typed)} typed here.` : `It is added to the ${m(typed)} typed here.`;
      return `Allocated from cost pools: ${m(total)}${parts ? ` (${parts})` : ''}. ${how} Total cost and profit include it.`;
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

function inputColumn(field: InputField, header: string, kind: Kind, ctx: ColumnContext, extra: ColDef<SheetRow> = {}): ColDef<SheetRow> {
  return {
    colId: field,
    field,
    headerName: header,
    headerTooltip: INPUT_TIPS[field],
    editable: (p: EditableCallbackParams<SheetRow>) => !isTotals(p),
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
    headerTooltip: EXPLAIN[field],
    headerClass: 'computed-header',
    headerComponentParams: { innerHeaderComponent: HeaderWithHelp },
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

/** The sheet's columns, grouped as people think of them; column ids are the DOMAIN.md names. */
export function columnDefs(ctx: ColumnContext): (ColDef<SheetRow> | ColGroupDef<SheetRow>)[] {
  const money = (f: InputField, h: string) => inputColumn(f, h, 'money', ctx);
  return [
    {
      headerName: 'Account',
      children: [
        inputColumn('account', 'Account', 'text', ctx, { pinned: 'left', width: 200 }),
        inputColumn('owner', 'Owner', 'text', ctx),
        inputColumn('segmentOverride', 'Pinned segment', 'text', ctx, {
          cellEditor: 'agSelectCellEditor',
          cellEditorParams: { values: ['', ...SEGMENTS] },
          width: 130,
        }),
      ],
    },
    { headerName: 'Revenue', children: [money('revenue', 'Revenue')] },
    {
      headerName: 'Cost buckets',
      children: [
        inputColumn('presale', 'Presale', 'money', ctx, allocatedBucket('presale', ctx)),
        inputColumn('production', 'Production', 'money', ctx, allocatedBucket('production', ctx)),
        inputColumn('distribution', 'Distribution', 'money', ctx, allocatedBucket('distribution', ctx)),
        inputColumn('service', 'Post-sale service', 'money', ctx, allocatedBucket('service', ctx)),
        inputColumn('labour', 'Labour', 'money', ctx, allocatedBucket('labour', ctx)),
      ],
    },
    {
      headerName: 'Interactions',
      children: [inputColumn('meetings', 'Meetings', 'count', ctx), inputColumn('calls', 'Calls', 'count', ctx)],
    },
    {
      headerName: 'Customer',
      children: [
        inputColumn('status', 'Status', 'text', ctx, { cellEditor: 'agSelectCellEditor', cellEditorParams: { values: [...STATUSES] }, width: 100 }),
        inputColumn('csat', 'CSAT', 'rating', ctx),
        inputColumn('nps', 'NPS', 'rating', ctx),
        inputColumn('referrals', 'Referrals', 'count', ctx),
      ],
    },
    {
      headerName: 'Growth and value',
      children: [
        money('upsell', 'Upsell'),
        money('crossSell', 'Cross-sell'),
        money('valueDelivered', 'Value delivered'),
        money('avgOrderValue', 'Avg order value'),
        inputColumn('purchasesPerYear', 'Purchases per year', 'count', ctx, { width: 140 }),
        inputColumn('lifespanYears', 'Lifespan (years)', 'count', ctx, { width: 140 }),
      ],
    },
    {
      headerName: 'Computed (read-only)',
      headerClass: 'computed-header',
      children: [
        computedColumn('totalCost', 'Total cost', 'money', ctx),
        computedColumn('profit', 'Profit', 'money', ctx),
        computedColumn('margin', 'Margin', 'ratio', ctx),
        computedColumn('roi', 'ROI', 'ratio', ctx),
        computedColumn('costToRevenue', 'Cost / revenue', 'multiple', ctx, { width: 140 }),
        computedColumn('interactionCost', 'Interaction cost', 'money', ctx, { width: 150 }),
        computedColumn('clv', 'CLV', 'money', ctx, { width: 160 }),
        // Wide enough for the name, the glossary's ? and the filter icon.
        computedColumn('segment', 'Segment', 'text', ctx, {
          width: 150,
          // DOMAIN.md: each segment carries a suggested focus, shown with it.
          tooltipValueGetter: (p) => (typeof p.value === 'string' && p.value in SEGMENT_FOCUS ? `${p.value}: ${SEGMENT_FOCUS[p.value as SegmentName]}` : undefined),
        }),
        computedColumn('paretoClass', 'Class', 'text', ctx, { width: 120 }),
      ],
    },
  ];
}

export const INPUT_COLUMN_IDS: ReadonlySet<string> = new Set<string>(INPUT_FIELDS);

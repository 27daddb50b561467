import type { CellClassParams, ColDef, ColGroupDef, GridApi, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { fieldLabel, metricLabel } from '../../../../shared/catalogue';
import { accountVariances, ACCOUNT_VARIANCE_FIGURES, type AccountVariances } from '../../../../shared/engine/variance';
import { formatMoney, formatPercent } from '../../../../shared/format';
import type { SheetRow } from '../../../../shared/schemas/row';
import type { Workbook } from '../../state/useWorkbook';
import { usePlan } from '../plan/usePlan';
import { VarianceHeader } from './VarianceHeader';

/**
 * The sheet's "Plan vs actual" columns (DOMAIN.md, "Plan, dimensions"):
 * read-only, actual − plan and its percentage of the plan for revenue, total
 * cost and profit, in the workbook currency. Their ids are public:
 * `variance.revenue`, `variance.revenuePct`, `variance.totalCost`, ...
 */
export const VARIANCE_COLUMN_IDS = ACCOUNT_VARIANCE_FIGURES.flatMap((f) => [`variance.${f}`, `variance.${f}Pct`]);

const labelOf = (f: (typeof ACCOUNT_VARIANCE_FIGURES)[number]) => (f === 'revenue' ? fieldLabel('revenue') : metricLabel(f, 'account'));

interface VarianceContext {
  currency: () => string;
  variances: () => AccountVariances | null;
}

function varianceColumn(key: keyof AccountVariances, header: string, pct: boolean, tip: string, ctx: VarianceContext): ColDef<SheetRow> {
  return {
    colId: `variance.${key}`,
    headerName: header,
    headerTooltip: tip,
    headerClass: 'computed-header',
    headerComponentParams: { innerHeaderComponent: VarianceHeader, innerHeaderComponentParams: { help: pct ? 'variancePct' : 'variance' } },
    editable: false,
    hide: true,
    valueGetter: (p: ValueGetterParams<SheetRow>) => {
      const v = ctx.variances();
      const i = p.node?.sourceRowIndex ?? -1;
      if (!v || p.node?.rowPinned || i < 0) return null;
      const x = v[key][i]!;
      return Number.isNaN(x) ? null : x;
    },
    valueFormatter: (p: ValueFormatterParams) => {
      const v = p.value as number | null;
      if (v === null || v === undefined) return '';
      return pct ? formatPercent(v) : formatMoney(v, ctx.currency());
    },
    type: 'rightAligned',
    filter: 'agNumberColumnFilter',
    cellClass: ['computed', 'num', 'variance'],
    cellClassRules: { loss: (p: CellClassParams) => typeof p.value === 'number' && p.value < 0 },
    width: pct ? 150 : 160,
  };
}

/** The columns' group, hidden until the toggle shows it; the cells read the variances at each paint. */
export function varianceGroup(ctx: VarianceContext): ColGroupDef<SheetRow> {
  return {
    headerName: 'Plan vs actual (read-only)',
    headerClass: 'computed-header',
    children: ACCOUNT_VARIANCE_FIGURES.flatMap((f) => [
      varianceColumn(f, `${labelOf(f)} − plan`, false, `${labelOf(f)}: actual − plan, in the workbook currency; an account the plan lacks is planned at 0. Below 0: under plan (for cost, under budget).`, ctx),
      varianceColumn(`${f}Pct`, `${labelOf(f)} vs plan %`, true, `${labelOf(f)}: (actual − plan) / plan; blank where the plan is 0 or lacks the account.`, ctx),
    ]),
  };
}

/**
 * The plan of the open period and the toggle that shows its variance columns:
 * `group` goes into the sheet's column definitions once; the toggle shows or
 * hides its columns; a recompute of either side repaints them.
 */
export function usePlanColumns(wb: Workbook, apiRef: RefObject<GridApi<SheetRow> | null>) {
  const plan = usePlan(wb);
  const [on, setOn] = useState(false);
  const actual = wb.model?.result ?? null;
  const variances = useMemo(() => (actual && plan.result ? accountVariances(actual, plan.result) : null), [actual, plan.result]);
  const ref = useRef(variances);
  ref.current = variances;
  const currency = useRef(wb.info?.currency ?? 'USD');
  currency.current = wb.info?.currency ?? 'USD';
  const group = useMemo(() => varianceGroup({ currency: () => currency.current, variances: () => ref.current }), []);
  const shown = on && plan.has;
  useEffect(() => {
    apiRef.current?.setColumnsVisible(VARIANCE_COLUMN_IDS, shown);
    if (shown) apiRef.current?.ensureColumnVisible(VARIANCE_COLUMN_IDS[0]!, 'start');
  }, [shown, apiRef]);
  useEffect(() => {
    apiRef.current?.refreshCells({ columns: VARIANCE_COLUMN_IDS, force: true });
  }, [variances, apiRef]);
  const toggle = useCallback(() => setOn((v) => !v), []);
  return { has: plan.has, on: shown, toggle, group };
}

export type PlanColumns = ReturnType<typeof usePlanColumns>;

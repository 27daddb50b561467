import { useEffect, useMemo, useState } from 'react';
import { fromRowColumns } from '../../../../shared/engine/columns';
import { computeColumns, type SheetResult } from '../../../../shared/engine/sheet';
import type { Workbook } from '../../state/useWorkbook';
import { bucketBars, filteredResult, interactionPoints, matrixData, paretoData, roiRanking, whaleData, type DashboardFilter } from '../../../../shared/charts/chartData';

/** The dashboard's figures for the open period, filtered, and the previous period's for the change on each tile. */
export function useDashboard(wb: Workbook, filter: DashboardFilter) {
  const [previous, setPrevious] = useState<{ label: string; result: SheetResult } | null>(null);
  const index = wb.periods.findIndex((p) => p.label === wb.period);
  const previousLabel = index > 0 ? wb.periods[index - 1]!.label : null;

  useEffect(() => {
    let live = true;
    setPrevious(null);
    if (!previousLabel || !wb.assumptions) return undefined;
    const a = wb.assumptions;
    void wb.client.call('rows.columns', { period: previousLabel }).then((wire) => {
      if (live) setPrevious({ label: previousLabel, result: computeColumns(fromRowColumns(wire), a) });
    });
    return () => {
      live = false;
    };
  }, [wb.client, previousLabel, wb.assumptions]);

  return useMemo(() => {
    const base = wb.model?.result;
    if (!base || !wb.assumptions) return null;
    const result = filteredResult(base, filter, wb.assumptions);
    const before = previous ? filteredResult(previous.result, filter, wb.assumptions) : null;
    const roi = roiRanking(result);
    return {
      result,
      previous: before ? { label: previous!.label, figures: before.figures } : null,
      whale: whaleData(result),
      buckets: bucketBars(result),
      matrix: matrixData(result),
      pareto: paretoData(result),
      roi,
      interactions: interactionPoints(result),
      owners: base.byOwner.map((o) => o.owner).filter((o): o is string => o !== null),
    };
  }, [wb.model?.result, wb.assumptions, filter, previous]);
}

export type DashboardData = NonNullable<ReturnType<typeof useDashboard>>;

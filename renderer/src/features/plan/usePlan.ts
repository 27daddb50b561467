import { useEffect, useState } from 'react';
import { fromRowColumns } from '../../../../shared/engine/columns';
import { computeColumns, type SheetResult } from '../../../../shared/engine/sheet';
import type { Workbook } from '../../state/useWorkbook';

/**
 * The open period's plan (DOMAIN.md, "Plan, dimensions"), computed under the
 * workbook's assumptions as the actuals are: null while it loads, or when the
 * period has none. Read again whenever the periods are (a plan copied,
 * filled, cleared or undone reloads them).
 */
export function usePlan(wb: Workbook): { has: boolean; result: SheetResult | null } {
  const period = wb.periods.find((p) => p.label === wb.period);
  const has = (period?.planRows ?? 0) > 0;
  const [result, setResult] = useState<SheetResult | null>(null);
  const a = wb.assumptions;
  useEffect(() => {
    let live = true;
    setResult(null);
    if (!has || !a || !wb.period) return undefined;
    wb.client
      .call('plan.columns', { period: wb.period })
      .then((wire) => {
        if (live) setResult(computeColumns(fromRowColumns(wire), a));
      })
      .catch((e: unknown) => wb.setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
    // wb.periods: a new list is a plan that may have changed.
  }, [wb.client, wb.period, wb.periods, has, a]);
  return { has, result };
}

/** How a period gets a plan, in words: what the window says where there is none (the command kept whole). */
export const HOW_TO_PLAN = {
  before: "Import a sheet as the period's plan:",
  command: 'cpw import FILE plan.csv --period P --plan',
  after: "(--merge changes only the accounts it names), or copy this period's actuals into its plan. The variance is actual − plan.",
};

import { useCallback, useMemo, useState } from 'react';
import type { ModelUpdatedEvent } from 'ag-grid-community';
import { selectRows } from '../../../../shared/engine/columns';
import { computeColumns } from '../../../../shared/engine/sheet';
import type { Assumptions } from '../../../../shared/schemas/assumptions';
import type { SheetRow } from '../../../../shared/schemas/row';
import type { SheetModel } from '../../state/period-model';
import { totalsRow } from '../../state/period-model';

/**
 * The totals row of what the sheet shows: the whole period, or under a
 * search or a column filter the rows left, computed by the engine as a
 * portfolio of their own, so any column adds up on screen ("9 of 43").
 */
export function useShownTotals(model: SheetModel | null, assumptions: Assumptions | null) {
  const [shown, setShown] = useState<number[] | null>(null);

  const onModelUpdated = useCallback((e: ModelUpdatedEvent<SheetRow>) => {
    // A sort of 100,000 rows with nothing filtered walks no rows here.
    if (!e.api.isAnyFilterPresent()) return setShown(null);
    const kept: number[] = [];
    e.api.forEachNodeAfterFilter((node) => {
      if (node.sourceRowIndex !== null && node.data) kept.push(node.sourceRowIndex);
    });
    const next = kept.length === (e.api.getGridOption('rowData')?.length ?? -1) ? null : kept.sort((i, j) => i - j);
    // A sort updates the model too: the same rows keep the same totals, without a new render.
    setShown((was) => (was === next || (was && next && was.length === next.length && was.every((i, k) => i === next[k])) ? was : next));
  }, []);

  const totals = useMemo(() => {
    if (!model) return [];
    if (!shown || !assumptions) return [totalsRow(model.result)];
    const keep = new Uint8Array(model.result.columns.n);
    for (const i of shown) keep[i] = 1;
    return [totalsRow(computeColumns(selectRows(model.result.columns, (i) => keep[i] === 1), assumptions), model.result.columns.n)];
  }, [model, shown, assumptions]);

  return { onModelUpdated, totals: totals as unknown as SheetRow[] };
}

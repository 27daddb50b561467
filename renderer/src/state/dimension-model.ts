import { dimensionValueAt, internDimension, type DimensionColumn } from '../../../shared/schemas/dimensions';
import type { Assumptions } from '../../../shared/schemas/assumptions';
import { recompute, type SheetModel } from './period-model';

/** One account's value of one dimension, as saved: `index` its place among the period's rows, null for no value. */
export interface DimensionCellEdit {
  index: number;
  name: string;
  value: string | null;
}

/** The dimensions with the cells written: each dimension touched interned again, the others kept as they are. */
export function editDimensions(dimensions: readonly DimensionColumn[], cells: readonly DimensionCellEdit[]): DimensionColumn[] {
  return dimensions.map((d) => {
    const own = cells.filter((c) => c.name.toLowerCase() === d.name.toLowerCase());
    if (own.length === 0) return d;
    const plain = Array.from(d.ids, (_, i) => dimensionValueAt(d, i));
    for (const c of own) if (c.index >= 0 && c.index < plain.length) plain[c.index] = c.value;
    return internDimension(d.name, plain);
  });
}

/**
 * The period after a dimension edit (DOMAIN.md, "Dimensions"): its columns
 * with the new values and the result computed again, so the grid's cells,
 * its filters and the dashboard's groups (byDimension) all read them.
 */
export function withDimensionCells(model: SheetModel, a: Assumptions, cells: readonly DimensionCellEdit[]): SheetModel {
  const columns = { ...model.columns, dimensions: editDimensions(model.columns.dimensions, cells) };
  return recompute({ ...model, columns }, a);
}

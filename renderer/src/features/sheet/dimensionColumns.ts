import type { ColDef, ColGroupDef, EditableCallbackParams, ValueGetterParams, ValueSetterParams } from 'ag-grid-community';
import { FIELD_GROUPS } from '../../../../shared/catalogue';
import { dimensionValueAt, type DimensionColumn } from '../../../../shared/schemas/dimensions';
import type { SheetRow } from '../../../../shared/schemas/row';

/**
 * The sheet's dimension columns (DOMAIN.md, "Plan, dimensions"): one per
 * dimension of the workbook, after the Account group, headed by the
 * dimension's name. Their ids are public: `dimensions.<name>`, as the
 * dimension is named (`dimensions.region`).
 */
export const DIMENSION_PREFIX = 'dimensions.';

export const dimensionColumnId = (name: string) => `${DIMENSION_PREFIX}${name}`;

/** The dimension a column shows, or null for any other column. */
export const dimensionOfColumn = (colId: string): string | null => (colId.startsWith(DIMENSION_PREFIX) ? colId.slice(DIMENSION_PREFIX.length) : null);

export const DIMENSION_TIP = "A dimension of the account (your workbook's own): the same in every period. Group and filter by it in the dashboard.";

/** The group's header. */
export const DIMENSIONS_GROUP = 'Dimensions';

export interface DimensionColumnContext {
  /** The period's dimension of that name, read at each paint. */
  column: (name: string) => DimensionColumn | undefined;
  writable: () => boolean;
  setCell: (params: ValueSetterParams<SheetRow>) => boolean;
}

function dimensionColumn(name: string, ctx: DimensionColumnContext): ColDef<SheetRow> {
  return {
    colId: dimensionColumnId(name),
    headerName: name,
    headerTooltip: DIMENSION_TIP,
    editable: (p: EditableCallbackParams<SheetRow>) => !p.node.rowPinned && ctx.writable(),
    valueGetter: (p: ValueGetterParams<SheetRow>) => {
      const d = ctx.column(name);
      const i = p.node?.sourceRowIndex ?? -1;
      if (!d || p.node?.rowPinned || i < 0 || i >= d.ids.length) return null;
      return dimensionValueAt(d, i);
    },
    valueSetter: ctx.setCell,
    filter: 'agTextColumnFilter',
    sortable: true,
    width: Math.min(220, Math.max(130, name.length * 9 + 60)),
  };
}

/** The dimensions' columns as one group, or null when the workbook has none. */
export function dimensionGroup(names: readonly string[], ctx: DimensionColumnContext): ColGroupDef<SheetRow> | null {
  if (names.length === 0) return null;
  return { headerName: DIMENSIONS_GROUP, headerTooltip: DIMENSION_TIP, children: names.map((n) => dimensionColumn(n, ctx)) };
}

/**
 * The sheet's column definitions with the dimensions' group placed right
 * after the Account group, its columns headed as the account's name is (the
 * same header component: its column menu).
 */
export function withDimensionGroup<T extends ColDef<SheetRow> | ColGroupDef<SheetRow>>(defs: readonly T[], group: ColGroupDef<SheetRow> | null): (T | ColGroupDef<SheetRow>)[] {
  if (!group) return [...defs];
  const at = defs.findIndex((d) => 'children' in d && d.headerName === FIELD_GROUPS[0]);
  const account = at < 0 ? undefined : ((defs[at] as ColGroupDef<SheetRow>).children[0] as ColDef<SheetRow> | undefined);
  const header = account?.headerComponentParams as unknown;
  const placed = header === undefined ? group : { ...group, children: group.children.map((c) => ({ headerComponentParams: header, ...c })) };
  return [...defs.slice(0, at + 1), placed, ...defs.slice(at + 1)];
}

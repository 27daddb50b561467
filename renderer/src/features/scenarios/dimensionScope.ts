import type { SheetColumns } from '../../../../shared/engine/columns';
import type { Where } from '../../../../shared/schemas/scenario';

/**
 * "For which accounts" by a dimension of the workbook (DOMAIN.md, "Plan,
 * dimensions"): the scope 'dimension:' and its name, saved in the
 * adjustment as `where.dimensions` ({ region: 'EMEA' }), as
 * `cpw scenario --where region=EMEA` saves it.
 */
export type DimensionScope = `dimension:${string}`;

const PREFIX = 'dimension:';

export const dimensionScope = (name: string): DimensionScope => `${PREFIX}${name}`;

/** The dimension a scope names, or null for all, a segment, an owner or an account. */
export const dimensionOf = (scope: string): string | null => (scope.startsWith(PREFIX) ? scope.slice(PREFIX.length) : null);

/** The period's dimensions, each with its values sorted as a person reads them. */
export function dimensionChoices(c: SheetColumns): { name: string; values: string[] }[] {
  return c.dimensions.map((d) => ({ name: d.name, values: [...d.values].sort((a, b) => a.localeCompare(b)) }));
}

/** The adjustment's `where` for a dimension scope and the value picked. */
export const dimensionWhere = (scope: string, value: string): Where => ({ dimensions: { [dimensionOf(scope)!]: value } });

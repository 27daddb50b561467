import { useMemo } from 'react';
import type { DashboardFilter } from '../../../../shared/charts/chartData';
import { useRemembered } from '../../state/useRemembered';
import type { Workbook } from '../../state/useWorkbook';
import { knownGroup, type GroupKey } from './groupBy';

const NO_FILTER: DashboardFilter = { owner: null, segment: null, dimension: null };

/** A dimension's name and its values in this period, sorted as a person reads them. */
export interface DimensionChoice {
  name: string;
  values: string[];
}

/**
 * The dashboard's filter and "Group by", remembered per workbook for as long
 * as the window is open: the dashboard and Present read the same ones. A
 * dimension remembered but since renamed or removed is let go, not applied
 * as a filter nothing matches.
 */
export function useDashboardChoice(wb: Workbook) {
  const path = wb.info?.path ?? '';
  const [stored, setFilter] = useRemembered<DashboardFilter>(`dashboard-filter:${path}`, NO_FILTER);
  const [storedGroup, setGroup] = useRemembered<GroupKey>(`dashboard-group:${path}`, 'segment');
  const columns = wb.model?.result.columns.dimensions;
  const dimensions = useMemo<DimensionChoice[]>(
    () => (columns ?? []).map((d) => ({ name: d.name, values: [...d.values].sort((a, b) => a.localeCompare(b)) })),
    [columns],
  );
  const names = dimensions.map((d) => d.name);
  const known = stored.dimension ? names.includes(stored.dimension.name) : true;
  const filter = useMemo<DashboardFilter>(() => (known ? stored : { ...stored, dimension: null }), [stored, known]);
  return { filter, setFilter, group: knownGroup(storedGroup, names), setGroup, dimensions };
}

/** The filter in words, for the printed heading and Present: ", owner Ann, region EMEA". */
export function filterWords(f: DashboardFilter): string {
  return [f.owner && `owner ${f.owner}`, f.segment && `segment ${f.segment}`, f.dimension && `${f.dimension.name} ${f.dimension.value}`]
    .filter(Boolean)
    .map((w) => `, ${w}`)
    .join('');
}

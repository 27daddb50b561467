import type { DashboardFilter } from '../../../../shared/charts/chartData';
import { DimensionValueSelect } from '../../components/DimensionValueSelect';
import { HelpButton } from '../../components/HelpButton';
import { PagedTable, tableOf } from '../../components/PagedTable';
import { groupOptions, type GroupKey, type GroupTable } from './groupBy';
import type { DimensionChoice } from './useDashboardChoice';

/** "Dimension: All accounts / region: EMEA / ...": one value of any of the workbook's dimensions, beside owner and segment. */
export function DimensionFilter({ dimensions, filter, setFilter }: { dimensions: DimensionChoice[]; filter: DashboardFilter; setFilter: (f: DashboardFilter) => void }) {
  return (
    <DimensionValueSelect
      label="Dimension"
      ariaLabel="Filter by dimension"
      dimensions={dimensions}
      value={filter.dimension ?? null}
      onChange={(dimension) => setFilter({ ...filter, dimension })}
      between=": "
    />
  );
}

/** "Group by: Segment / Owner / region / ...": the summary table and its chart follow it. */
export function GroupBySelect({ dimensions, group, setGroup }: { dimensions: DimensionChoice[]; group: GroupKey; setGroup: (g: GroupKey) => void }) {
  return (
    <label>
      Group by{' '}
      <select aria-label="Group by" value={group} onChange={(e) => setGroup(e.target.value)}>
        {groupOptions(dimensions.map((d) => d.name)).map((o) => (
          <option key={o.key} value={o.key}>
            {o.label}
          </option>
        ))}
      </select>
      <HelpButton metric="dimension" label="a dimension" />
    </label>
  );
}

/** The "By <choice>" table: one row per segment, owner or value; without dimensions, how to add one. */
export function GroupSection({ table, dimensions }: { table: GroupTable; dimensions: DimensionChoice[] }) {
  return (
    <figure className="chart-card wide" data-testid="group-table">
      <figcaption>
        <h3>{table.title}</h3>
      </figcaption>
      <p className="explain">
        {dimensions.length
          ? `Group by segment, owner or a dimension: your workbook's own grouping of accounts (${dimensions.map((d) => d.name).join(', ')}).`
          : 'Group by segment or owner here, or by a dimension once the workbook has one.'}
      </p>
      <PagedTable table={tableOf(table.head, table.rows)} caption={table.caption} />
      {dimensions.length ? null : (
        <p className="hint" data-testid="no-dimensions">
          No dimensions yet. A dimension is your workbook's own grouping of accounts: region, industry, channel, tier. Add one with “Dimensions…” in the Sheet’s toolbar, or keep a column
          when you import (“Keep as a dimension” in the import wizard, or <code>cpw import … --dimension region=Region</code>); then filter and group by it here, in Trends and
          in Scenarios.
        </p>
      )}
    </figure>
  );
}

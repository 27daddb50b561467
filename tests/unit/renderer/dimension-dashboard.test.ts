import { describe, expect, it, vi } from 'vitest';
import { toColumns } from '../../../shared/engine/columns';
import { computeColumns } from '../../../shared/engine/sheet';
import { applyScenario } from '../../../shared/engine/scenarios';
import { DEFAULT_ASSUMPTIONS } from '../../../shared/schemas/assumptions';
import { internDimension } from '../../../shared/schemas/dimensions';
import { SheetRow } from '../../../shared/schemas/row';
import { filteredResult } from '../../../shared/charts/chartData';
import { dimensionKey, groupOptions, groupSlide, groupTable, knownGroup, GROUP_BARS } from '../../../renderer/src/features/dashboard/groupBy';
import { filterWords } from '../../../renderer/src/features/dashboard/useDashboardChoice';
import { dimensionChoices, dimensionScope, dimensionWhere } from '../../../renderer/src/features/scenarios/dimensionScope';
import { shownInWords } from '../../../renderer/src/features/trends/TrendsFilter';

// Issue 24 item 5 in the window: the dashboard's filter and "Group by", Trends' and Scenarios' choices, by a dimension.

const row = (account: string, revenue: number, service: number, owner: string) => SheetRow.parse({ account, revenue, service, owner });

/** Profits 900 (EMEA), 1,700 (EMEA), -100 (Americas), 600 (no region); total 3,100. */
const sheet = () => {
  const c = toColumns([row('Acme', 1000, 100, 'Ann'), row('Beta', 2000, 300, 'Bob'), row('Cara', 500, 600, 'Ann'), row('Dell', 800, 200, 'Bob')]);
  return computeColumns({ ...c, dimensions: [internDimension('Sales region', ['EMEA', 'EMEA', 'Americas', null])] }, DEFAULT_ASSUMPTIONS);
};

describe('dimensions on the dashboard', () => {
  it('a dimension value filters the accounts, with owner and segment, into a portfolio of its own', () => {
    const base = sheet();
    const emea = filteredResult(base, { owner: null, segment: null, dimension: { name: 'Sales region', value: 'EMEA' } }, DEFAULT_ASSUMPTIONS);
    expect(emea.columns.account).toEqual(['Acme', 'Beta']);
    expect(emea.figures.profit).toBe(2600);
    expect(emea.figures.revenue).toBe(3000);
    // With an owner too: both must hold.
    expect(filteredResult(base, { owner: 'Bob', segment: null, dimension: { name: 'Sales region', value: 'EMEA' } }, DEFAULT_ASSUMPTIONS).columns.account).toEqual(['Beta']);
    // A value nobody has, or a dimension the period lacks, keeps no account rather than every one.
    expect(filteredResult(base, { owner: null, segment: null, dimension: { name: 'Sales region', value: 'APAC' } }, DEFAULT_ASSUMPTIONS).columns.n).toBe(0);
    expect(filteredResult(base, { owner: null, segment: null, dimension: { name: 'Industry', value: 'EMEA' } }, DEFAULT_ASSUMPTIONS).columns.n).toBe(0);
    // A remembered filter from before dimensions (no key) and a null one filter nothing.
    expect(filteredResult(base, { owner: null, segment: null }, DEFAULT_ASSUMPTIONS)).toBe(base);
    expect(filteredResult(base, { owner: null, segment: null, dimension: null }, DEFAULT_ASSUMPTIONS)).toBe(base);
    expect(filterWords({ owner: 'Ann', segment: null, dimension: { name: 'Sales region', value: 'EMEA' } })).toBe(', owner Ann, Sales region EMEA');
  });

  it('"Group by" offers segment, owner and each dimension by its name, and a dimension since removed falls back to segment', () => {
    expect(groupOptions(['Sales region', 'industry']).map((o) => o.label)).toEqual(['Segment', 'Owner', 'Sales region', 'industry']);
    expect(knownGroup(dimensionKey('Sales region'), ['Sales region'])).toBe('dimension:Sales region');
    expect(knownGroup(dimensionKey('Gone'), ['Sales region'])).toBe('segment');
    expect(knownGroup('owner', [])).toBe('owner');
    expect(knownGroup('nonsense', [])).toBe('segment');
  });

  it('the By <dimension> table has one row per value, most profit first, the accounts with none last', () => {
    const t = groupTable(sheet(), dimensionKey('Sales region'), 'USD');
    expect(t.title).toBe('By Sales region');
    expect(t.head).toEqual(['Sales region', 'Accounts', 'Revenue', 'Total cost', 'Profit', 'ROI', 'Share of profit']);
    expect(t.rows).toEqual([
      ['EMEA', '2', '$3,000', '$400', '$2,600', '650.0%', '84%'],
      ['Americas', '1', '$500', '$600', '-$100', '-16.7%', '-3%'],
      ['(no Sales region)', '1', '$800', '$200', '$600', '300.0%', '19%'],
    ]);
    expect(groupTable(sheet(), 'owner', 'USD').rows.map((r) => r.slice(0, 2))).toEqual([
      ['Bob', '2'],
      ['Ann', '2'],
    ]);
    expect(groupTable(sheet(), 'segment', 'USD').head.at(-1)).toBe('Suggested focus');
  });

  it('the profit-by-group chart draws every group up to its limit, and beyond, the most and least profitable and says how many are left out', () => {
    vi.stubGlobal('document', { documentElement: {} });
    vi.stubGlobal('getComputedStyle', () => ({ getPropertyValue: () => '' }));
    const ctx = { currency: 'USD', select: () => undefined };
    const s = groupSlide(groupTable(sheet(), dimensionKey('Sales region'), 'USD'), ctx);
    expect(s.title).toBe('Profit by Sales region');
    expect(s.config!.data.labels).toEqual(['EMEA', '(no Sales region)', 'Americas']);
    expect(s.aside).toBeUndefined();
    const many = { key: 'owner', label: 'Owner', title: 'By owner', caption: '', head: [], rows: [], bars: Array.from({ length: 25 }, (_, k) => ({ label: `O${k}`, profit: 100 - k, count: 1 })) };
    const capped = groupSlide(many, ctx);
    expect(capped.config!.data.labels).toHaveLength(GROUP_BARS);
    expect(capped.config!.data.labels!.at(-1)).toBe('O24');
    expect(capped.aside).toBe('Not drawn: 5 groups between the 10 most and the 10 least profitable (all are in the table).');
    expect(capped.table.count).toBe(25);
    vi.unstubAllGlobals();
  });
});

describe('dimensions in Scenarios and Trends', () => {
  it('a scenario for a value of a dimension changes those accounts only', () => {
    const base = sheet();
    expect(dimensionChoices(base.columns)).toEqual([{ name: 'Sales region', values: ['Americas', 'EMEA'] }]);
    const where = dimensionWhere(dimensionScope('Sales region'), 'EMEA');
    expect(where).toEqual({ dimensions: { 'Sales region': 'EMEA' } });
    const next = computeColumns(applyScenario(base, [{ kind: 'scale', field: 'service', pct: -50, where }]), DEFAULT_ASSUMPTIONS);
    // EMEA's service, 100 + 300, halved: 200 more profit.
    expect(next.figures.profit - base.figures.profit).toBe(200);
  });

  it('Trends say which accounts they show', () => {
    const portfolio = { count: 2 } as never;
    const t = { periods: [{ period: 'Q1', portfolio }, { period: 'Q2', portfolio }], accounts: [], segmentChanges: [] } as never;
    expect(shownInWords(t, { name: 'Sales region', value: 'EMEA' })).toBe('Accounts with Sales region = EMEA: 2 accounts in Q2, the latest period; 2 periods');
    expect(shownInWords(t, null)).toBe('All accounts: 2 accounts in Q2, the latest period; 2 periods');
  });
});

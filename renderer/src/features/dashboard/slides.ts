import type { ChartConfiguration } from 'chart.js';
import { tableOf, type LazyTable } from '../../components/PagedTable';
import { drawnNote } from '../../../../shared/charts/chartData';
import { formatCount, formatMoney, formatNumber, formatPercent } from '../../../../shared/format';
import { BUCKETS, SEGMENTS } from '../../../../shared/schemas/fields';
import type { ChartContext } from './charts';
import { bucketsConfig, interactionConfig, matrixConfig, paretoConfig, roiConfig, whaleConfig } from './charts';
import type { DashboardData } from './useDashboard';
import { groupSlide, groupTable, type GroupKey } from './groupBy';
import { fieldLabel, metricLabel } from '../../../../shared/catalogue';

/** One chart of the dashboard, and of presentation mode: a title, what it shows in plain words, and its data as a table. */
export interface Slide {
  id: string;
  title: string;
  explain: string;
  /** null when there is nothing honest to draw; `note` says why. */
  config: ChartConfiguration | null;
  note?: string;
  /** A line under the chart: what it leaves out (a sample, the other accounts), so nothing is dropped silently. */
  aside?: string;
  table: LazyTable;
}

/** Every chart, the last the profit per group of `group` (segment, owner or a dimension), as the "Group by" chooses. */
export function slides(d: DashboardData, ctx: ChartContext, group: GroupKey = 'segment'): Slide[] {
  const m = (v: number | null) => formatMoney(v, ctx.currency);
  const r = d.result;
  const others = d.buckets.others;
  return [
    {
      id: 'whale',
      title: 'Whale curve',
      explain:
        'Accounts from most to least profitable, and the share of total profit earned so far. The curve rises above 100% while accounts make money and falls back as loss makers give it away.',
      config: d.whale ? whaleConfig(d.whale, ctx) : null,
      note: d.whale ? undefined : 'The portfolio makes no profit this period, so shares of profit would mislead: there is no whale curve to draw.',
      table: tableOf(
        ['Share of accounts', 'Share of profit'],
        (d.whale?.points ?? []).filter((_, k, all) => all.length <= 25 || k % Math.ceil(all.length / 25) === 0 || k === all.length - 1).map((p) => [formatPercent(p.x, 0), formatPercent(p.y, 0)]),
      ),
    },
    {
      id: 'buckets',
      title: 'Cost buckets of the largest accounts',
      explain: 'The five buckets of cost of the 15 costliest accounts, with revenue marked on each bar: a bar above its mark costs more than it brings (▲).',
      config: r.columns.n ? bucketsConfig(d.buckets, ctx) : null,
      note: 'No accounts in this selection.',
      aside: others ? `Not drawn: the other ${formatCount(others.count, 'account')}, costing ${m(BUCKETS.reduce((s, b) => s + others.buckets[b], 0))} and bringing ${m(others.revenue)} in all (the last row of the table).` : undefined,
      table: tableOf(
        [fieldLabel('account'), ...BUCKETS.map((b) => fieldLabel(b)), fieldLabel('revenue')],
        [
          ...d.buckets.labels.map((l, k) => [l, ...BUCKETS.map((b) => m(d.buckets.buckets[b][k]!)), m(d.buckets.revenue[k]!)]),
          ...(others ? [[`All others (${formatCount(others.count, 'account')})`, ...BUCKETS.map((b) => m(others.buckets[b])), m(others.revenue)]] : []),
        ],
      ),
    },
    {
      id: 'matrix',
      title: 'Profitability matrix',
      explain:
        `Each account by revenue and margin, sized by total cost, split where the matrix splits: Protect (big, good margin), Fix (big, thin), Develop (small, good margin), Reassess (small, thin). ` +
        `It splits at a revenue of ${m(d.matrix.revenueSplit)} and a margin of ${formatPercent(d.matrix.marginSplit)}: the period's median revenue and the portfolio's margin unless Assumptions set them, so a change to one account can move others. Click an account to open its Customer Picture.`,
      config: d.matrix.points.length ? matrixConfig(d.matrix, ctx) : null,
      note: 'No account with revenue in this selection.',
      aside: drawnNote(d.matrix.points.length, d.matrix.rows.length).trim() || undefined,
      table: {
        head: [fieldLabel('account'), metricLabel('segment', 'account'), fieldLabel('revenue'), metricLabel('margin', 'account'), metricLabel('totalCost', 'account')],
        count: d.matrix.rows.length,
        row: (k) => {
          const i = d.matrix.rows[k]!;
          return [r.columns.account[i]!, SEGMENTS[r.segment[i]!]!, m(r.columns.revenue[i]!), formatPercent(r.metrics.margin[i]!), m(r.metrics.totalCost[i]!)];
        },
      },
    },
    {
      id: 'pareto',
      title: 'Profit by Pareto class',
      explain: 'A: the accounts that make the first 80% of profit; B: the next 15%; C: the rest of the profitable ones; D: those that make none.',
      config: r.columns.n ? paretoConfig(d.pareto, ctx) : null,
      note: 'No accounts in this selection.',
      table: tableOf(['Class', 'Accounts', metricLabel('profit', 'account')], d.pareto.map((c) => [c.paretoClass, formatNumber(c.count), m(c.profit)])),
    },
    {
      id: 'roi',
      title: 'ROI: the top and bottom 10',
      explain: 'Profit per unit of cost, best accounts first, worst last. Click an account to open its Customer Picture.',
      config: d.roi.top.length ? roiConfig([...d.roi.top, ...[...d.roi.bottom].reverse()], ctx) : null,
      note: 'No account with costs in this selection.',
      table: tableOf([fieldLabel('account'), metricLabel('roi', 'account')], [...d.roi.top, ...[...d.roi.bottom].reverse()].map((e) => [e.account, formatPercent(e.roi)])),
    },
    {
      id: 'interactions',
      title: 'Interaction cost against revenue',
      explain: 'What meetings and calls cost in rep time, per account, against what the account brings. High and to the left: effort without return.',
      config: r.columns.n ? interactionConfig(d.interactions.points, ctx) : null,
      note: 'No accounts in this selection.',
      aside: drawnNote(d.interactions.points.length, d.interactions.count).trim() || undefined,
      table: {
        head: [fieldLabel('account'), fieldLabel('revenue'), metricLabel('interactionCost', 'account')],
        count: r.columns.n,
        row: (i) => [r.columns.account[i]!, m(r.columns.revenue[i]!), m(r.metrics.interactionCost[i]!)],
      },
    },
    groupSlide(groupTable(r, group, ctx.currency), ctx),
  ];
}

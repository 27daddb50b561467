import type { ChartConfiguration } from 'chart.js';
import { formatMoney, formatPercent } from '../../../../shared/format';
import { largestVariances, profitVariances, varianceByKey, type ProfitVariance } from '../../../../shared/engine/variance';
import type { SheetResult } from '../../../../shared/engine/sheet';
import { tableOf } from '../../components/PagedTable';
import type { ChartContext } from './charts';
import { OKABE_ITO, themeColours } from './palette';
import type { Slide } from './slides';

/**
 * The dashboard's plan vs actual (DOMAIN.md, "Plan, dimensions"): profit
 * variance, actual − plan, by account (the largest by size) and by any
 * per-account key (owner today; a dimension's value the same way).
 */

/** How many accounts the by-account chart draws: the largest variances by size. */
export const VARIANCE_ACCOUNTS = 15;

interface Bar {
  label: string;
  variance: number;
  actual: number;
  plan: number;
  /** The account a click opens, if the bar is one. */
  account?: string;
}

/** A horizontal bar per entry, below plan in vermillion, above in blue (and the sign in the tooltip: never colour alone). */
export function varianceConfig(bars: readonly Bar[], axis: string, ctx: ChartContext): ChartConfiguration {
  const t = themeColours();
  const size = ctx.large ? 18 : 12;
  const m = (v: number) => formatMoney(v, ctx.currency);
  return {
    type: 'bar',
    data: {
      labels: bars.map((b) => b.label),
      datasets: [{ label: 'Profit − plan', data: bars.map((b) => b.variance), backgroundColor: bars.map((b) => (b.variance < 0 ? OKABE_ITO.vermillion : OKABE_ITO.blue)) }],
    },
    options: {
      indexAxis: 'y',
      maintainAspectRatio: false,
      animation: false,
      onClick: (_e, elements) => {
        const account = elements[0] ? bars[elements[0].index]?.account : undefined;
        if (account) ctx.select(account);
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (i) => { const b = bars[i.dataIndex]!; return `${b.variance < 0 ? 'Below' : 'Above'} plan by ${m(Math.abs(b.variance))}: ${m(b.actual)} against ${m(b.plan)}`; } } },
      },
      scales: {
        x: { title: { display: true, text: axis, color: t.ink, font: { size } }, ticks: { color: t.muted, font: { size }, callback: (v: number | string) => m(Number(v)) }, grid: { color: t.line } },
        y: { ticks: { color: t.muted, font: { size }, autoSkip: false }, grid: { color: t.line } },
      },
    },
  };
}

const pctOf = (b: Bar) => (b.plan === 0 ? '—' : formatPercent((b.actual - b.plan) / Math.abs(b.plan)));
const rowsOf = (bars: readonly Bar[], m: (v: number) => string) => bars.map((b) => [b.label, m(b.plan), m(b.actual), m(b.variance), pctOf(b)]);
const HEAD = ['Plan', 'Actual', 'Profit − plan', 'vs plan %'];

/** Profit variance summed by a per-account key (`keys[k]` of `items[k]`): one slide per grouping, owners or a dimension. */
export function groupVarianceSlide(id: string, group: string, none: string, items: readonly ProfitVariance[], keys: readonly (string | null)[], ctx: ChartContext): Slide {
  const m = (v: number) => formatMoney(v, ctx.currency);
  const bars: Bar[] = varianceByKey(items, keys).map((g) => ({ label: g.key ?? none, variance: g.variance, actual: g.actual, plan: g.plan }));
  return {
    id,
    title: `Profit vs plan by ${group}`,
    explain: `Each ${group}'s profit minus its plan, summed over its accounts: the bars add up to the period's profit variance. Blue is above plan, vermillion below.`,
    config: bars.length ? varianceConfig(bars, 'Profit − plan', ctx) : null,
    note: 'No accounts in the actuals or the plan.',
    table: tableOf([group[0]!.toUpperCase() + group.slice(1), ...HEAD], rowsOf(bars, m)),
  };
}

/** The plan vs actual slides of a period: by account (the largest variances) and by owner. */
export function varianceSlides(actual: SheetResult, plan: SheetResult, ctx: ChartContext): Slide[] {
  const m = (v: number) => formatMoney(v, ctx.currency);
  const items = profitVariances(actual, plan);
  const top = largestVariances(items, VARIANCE_ACCOUNTS);
  const bars = top.map((v): Bar => ({ label: v.inPlan ? (v.inActuals ? v.account : `${v.account} (plan only)`) : `${v.account} (not in plan)`, variance: v.variance, actual: v.actual, plan: v.plan, account: v.inActuals ? v.account : undefined }));
  const byAccount: Slide = {
    id: 'variance-accounts',
    title: 'Profit vs plan by account',
    explain: `Profit minus plan of the ${top.length === items.length ? '' : `${top.length} `}accounts furthest from their plan, largest first; an account the plan lacks is planned at 0. The whole period, whatever the filters.`,
    config: bars.length ? varianceConfig(bars, 'Profit − plan', ctx) : null,
    note: 'No accounts in the actuals or the plan.',
    ...(items.length > top.length ? { aside: `${items.length - top.length} accounts closer to their plan are in the table.` } : {}),
    table: tableOf(['Account', ...HEAD], rowsOf(largestVariances(items, items.length).map((v) => ({ ...v, label: v.account })), m)),
  };
  return [byAccount, groupVarianceSlide('variance-owners', 'owner', '(no owner)', items, items.map((v) => v.owner), ctx)];
}

import type { ChartConfiguration } from 'chart.js';
import { formatCount, formatGroup, formatMoney, formatNumber, GROUP_HEADERS } from '../../../../shared/format';
import type { SheetResult } from '../../../../shared/engine/sheet';
import { tableOf } from '../../components/PagedTable';
import type { ChartContext } from './charts';
import { OKABE_ITO, themeColours } from './palette';
import type { Slide } from './slides';

/**
 * The dashboard's "Group by": segment, owner, or any of the workbook's
 * dimensions (DOMAIN.md, "Plan, dimensions"). Kept as a key: 'segment',
 * 'owner', or 'dimension:' and the dimension's name as the person wrote it.
 */
export type GroupKey = string;

const DIMENSION = 'dimension:';
export const dimensionKey = (name: string): GroupKey => `${DIMENSION}${name}`;

export interface GroupOption {
  key: GroupKey;
  /** What the choice reads: Segment, Owner, or the dimension's name. */
  label: string;
}

export function groupOptions(dimensions: readonly string[]): GroupOption[] {
  return [{ key: 'segment', label: 'Segment' }, { key: 'owner', label: 'Owner' }, ...dimensions.map((name) => ({ key: dimensionKey(name), label: name }))];
}

/** The key itself when the workbook still has it; a dimension since renamed or removed falls back to segment. */
export function knownGroup(key: GroupKey, dimensions: readonly string[]): GroupKey {
  if (!key.startsWith(DIMENSION)) return key === 'owner' ? 'owner' : 'segment';
  return dimensions.includes(key.slice(DIMENSION.length)) ? key : 'segment';
}

export interface GroupTable {
  key: GroupKey;
  label: string;
  /** "By segment", "By region". */
  title: string;
  caption: string;
  head: string[];
  rows: string[][];
  /** Each group's profit, in the table's order, for the bar chart. */
  bars: { label: string; profit: number; count: number }[];
}

/** One row per segment, owner or value of a dimension: count, revenue, cost, profit, ROI and share of profit. */
export function groupTable(r: SheetResult, key: GroupKey, currency: string): GroupTable {
  const cells = (g: Parameters<typeof formatGroup>[0]) => formatGroup(g, currency);
  if (key === 'owner') {
    const named = r.byOwner.map((o) => ({ ...o, label: o.owner ?? '(no owner)' }));
    return {
      key,
      label: 'Owner',
      title: 'By owner',
      caption: 'Accounts, revenue, cost, profit, ROI and share of profit per key account director',
      head: ['Owner', ...GROUP_HEADERS],
      rows: named.map((o) => [o.label, ...cells(o)]),
      bars: named.map((o) => ({ label: o.label, profit: o.profit, count: o.count })),
    };
  }
  if (key.startsWith(DIMENSION)) {
    const name = key.slice(DIMENSION.length);
    const named = (r.byDimension[name] ?? []).map((d) => ({ ...d, label: d.value ?? `(no ${name})` }));
    return {
      key,
      label: name,
      title: `By ${name}`,
      caption: `Accounts, revenue, cost, profit, ROI and share of profit per value of ${name}, a dimension of this workbook`,
      head: [name, ...GROUP_HEADERS],
      rows: named.map((d) => [d.label, ...cells(d)]),
      bars: named.map((d) => ({ label: d.label, profit: d.profit, count: d.count })),
    };
  }
  return {
    key: 'segment',
    label: 'Segment',
    title: 'By segment',
    caption: 'Accounts, revenue, cost, profit, ROI and share of profit per segment',
    head: ['Segment', ...GROUP_HEADERS, 'Suggested focus'],
    rows: r.bySegment.map((s) => [s.segment, ...cells(s), s.focus]),
    bars: r.bySegment.map((s) => ({ label: s.segment, profit: s.profit, count: s.count })),
  };
}

/** At most this many bars: beyond, the most and the least profitable halves, the rest named under the chart. */
export const GROUP_BARS = 20;

/** Profit per group as a bar chart (losses in vermillion and below zero, so never by colour alone), following the same choice as the table. */
export function groupSlide(g: GroupTable, ctx: ChartContext): Slide {
  const m = (v: number) => formatMoney(v, ctx.currency);
  const sorted = [...g.bars].sort((a, b) => b.profit - a.profit);
  const drawn = sorted.length > GROUP_BARS ? [...sorted.slice(0, GROUP_BARS / 2), ...sorted.slice(-GROUP_BARS / 2)] : sorted;
  const left = sorted.length - drawn.length;
  const t = themeColours();
  const size = ctx.large ? 18 : 12;
  const axis = (title: string, extra: Record<string, unknown> = {}) => ({ title: { display: title !== '', text: title, color: t.ink, font: { size } }, ticks: { color: t.muted, font: { size } }, grid: { color: t.line }, ...extra });
  const config: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: drawn.map((b) => b.label),
      datasets: [{ label: 'Profit', data: drawn.map((b) => b.profit), backgroundColor: drawn.map((b) => (b.profit < 0 ? OKABE_ITO.vermillion : OKABE_ITO.blue)), maxBarThickness: ctx.large ? 64 : 40 }],
    },
    options: {
      indexAxis: 'y',
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (i) => `Profit ${m(Number(i.raw))} (${formatCount(drawn[i.dataIndex]!.count, 'account')})` } },
      },
      scales: {
        x: axis('Profit', { ticks: { color: t.muted, font: { size }, callback: (v: number | string) => m(Number(v)) } }),
        y: axis(g.label, { ticks: { color: t.muted, font: { size }, autoSkip: false } }),
      },
    },
  };
  return {
    id: 'groups',
    title: `Profit ${g.title.replace(/^By /, 'by ')}`,
    explain: `The profit of each ${g.key === 'segment' ? 'segment' : g.key === 'owner' ? 'owner' : `value of ${g.label}`}, most first: where the money is made and where it is lost. "Group by" chooses the grouping.`,
    config: drawn.length ? config : null,
    note: 'No accounts in this selection.',
    aside: left > 0 ? `Not drawn: ${formatCount(left, 'group')} between the ${GROUP_BARS / 2} most and the ${GROUP_BARS / 2} least profitable (all are in the table).` : undefined,
    table: tableOf([g.label, 'Accounts', 'Profit'], sorted.map((b) => [b.label, formatNumber(b.count), m(b.profit)])),
  };
}

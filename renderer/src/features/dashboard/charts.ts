import type { ChartConfiguration, ChartEvent, ActiveElement } from 'chart.js';
import { formatCount, formatMoney, formatPercent } from '../../../../shared/format';
import { BUCKETS } from '../../../../shared/schemas/fields';
import { bubbleRadius, drawnMargin, MARGIN_FLOOR, type BucketBars, type InteractionPoint, type MatrixData, type ParetoBar, type RoiEntry, type WhaleData } from '../../../../shared/charts/chartData';
import { BUCKET_COLOURS, CLASS_COLOURS, OKABE_ITO, SEGMENT_COLOURS, themeColours } from './palette';
import { fieldLabel } from '../../../../shared/catalogue';

export interface ChartContext {
  currency: string;
  /** Show an account in the sheet (a click on its point or bar). */
  select: (account: string) => void;
  /** Bigger type for presentation mode. */
  large?: boolean;
}


function base(ctx: ChartContext) {
  const t = themeColours();
  const size = ctx.large ? 18 : 12;
  return {
    t,
    font: { size },
    axis: (title: string, extra: Record<string, unknown> = {}) => ({
      title: { display: true, text: title, color: t.ink, font: { size } },
      ticks: { color: t.muted, font: { size } },
      grid: { color: t.line },
      ...extra,
    }),
  };
}

const money = (ctx: ChartContext) => (v: number | string) => formatMoney(Number(v), ctx.currency);

/** Clicking an element calls `select` with the account its index names. */
function onPick(ctx: ChartContext, accountAt: (datasetIndex: number, index: number) => string | null) {
  return (_e: ChartEvent, elements: ActiveElement[]) => {
    const hit = elements[0];
    if (!hit) return;
    const account = accountAt(hit.datasetIndex, hit.index);
    if (account) ctx.select(account);
  };
}

export function whaleConfig(data: WhaleData, ctx: ChartContext): ChartConfiguration {
  const b = base(ctx);
  const peak = data.peak!;
  return {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: 'Cumulative share of profit',
          data: data.points,
          showLine: true,
          borderColor: OKABE_ITO.blue,
          backgroundColor: OKABE_ITO.blue,
          pointRadius: 0,
          borderWidth: ctx.large ? 4 : 2,
        },
      ],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (i) => `${formatPercent(i.parsed.x ?? 0, 0)} of accounts earn ${formatPercent(i.parsed.y ?? 0, 0)} of profit` } },
        annotation: {
          // The peak's label may sit above the plot area: draw it there rather than cut it off.
          clip: false,
          annotations: {
            hundred: { type: 'line', yMin: 1, yMax: 1, borderColor: b.t.muted, borderDash: [6, 4], label: { display: true, content: '100% of profit', position: 'start', yAdjust: ctx.large ? -16 : -10, backgroundColor: 'transparent', color: b.t.muted, font: b.font } },
            peak: { type: 'point', xValue: peak.x, yValue: peak.y, radius: ctx.large ? 9 : 6, backgroundColor: OKABE_ITO.vermillion, borderColor: OKABE_ITO.vermillion },
            peakLabel: {
              type: 'label',
              xValue: peak.x,
              yValue: peak.y,
              yAdjust: ctx.large ? -28 : -18,
              // Near the right edge the label goes to the left of the point, so it is never cut off.
              xAdjust: peak.x > 0.6 ? (ctx.large ? -180 : -110) : 0,
              content: `Peak ${formatPercent(peak.y, 0)} at ${formatPercent(peak.x, 0)} of accounts`,
              color: b.t.ink,
              font: { ...b.font, weight: 'bold' },
            },
          },
        },
      },
      scales: {
        x: b.axis('Share of accounts, most profitable first', { min: 0, max: 1, ticks: { color: b.t.muted, font: b.font, callback: (v: number | string) => formatPercent(Number(v), 0) } }),
        y: b.axis('Cumulative share of total profit', { min: 0, grace: '12%', ticks: { color: b.t.muted, font: b.font, callback: (v: number | string) => formatPercent(Number(v), 0) } }),
      },
    },
  };
}

export function bucketsConfig(data: BucketBars, ctx: ChartContext): ChartConfiguration {
  const b = base(ctx);
  return {
    type: 'bar',
    data: {
      labels: data.labels.map((l, k) => (data.overRevenue[k] ? `${l} ▲` : l)),
      datasets: [
        ...BUCKETS.map((bucket) => ({
          type: 'bar' as const,
          label: fieldLabel(bucket),
          data: data.buckets[bucket],
          backgroundColor: BUCKET_COLOURS[bucket],
          stack: 'cost',
        })),
        {
          type: 'line' as const,
          label: 'Revenue',
          // Drawn over the bars: the mark matters most where the bar passes it.
          order: -1,
          data: data.revenue,
          showLine: false,
          pointStyle: 'line',
          pointRadius: ctx.large ? 22 : 14,
          pointBorderWidth: 3,
          borderColor: b.t.ink,
          backgroundColor: b.t.ink,
        },
      ],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      onClick: onPick(ctx, (_d, index) => data.labels[index] ?? null),
      plugins: {
        legend: { labels: { color: b.t.ink, font: b.font } },
        tooltip: { callbacks: { label: (i) => `${i.dataset.label}: ${formatMoney(Number(i.raw), ctx.currency)}` } },
      },
      scales: {
        x: b.axis('Accounts by total cost (▲ costs more than it brings)', { stacked: true, ticks: { color: b.t.muted, font: b.font, autoSkip: false, maxRotation: 60 } }),
        y: b.axis('Cost and revenue', { stacked: true, ticks: { color: b.t.muted, font: b.font, callback: money(ctx) } }),
      },
    },
  };
}

export function matrixConfig(m: MatrixData, ctx: ChartContext): ChartConfiguration {
  const b = base(ctx);
  const { points } = m;
  const minRevenue = m.revenueMin;
  const maxRevenue = m.revenueMax;
  const yMin = m.marginMin;
  const yMax = m.marginMax;
  const xs = Math.max(m.revenueSplit, minRevenue);
  const below = (p: { margin: number }) => p.margin < MARGIN_FLOOR;
  const quadrant = (name: string, xMin: number, xMax: number, y0: number, y1: number, position: 'start' | 'end', vertical: 'start' | 'end') => ({
    type: 'box' as const,
    xMin,
    xMax,
    yMin: y0,
    yMax: y1,
    backgroundColor: 'transparent',
    borderWidth: 0,
    label: { display: true, content: name, position: { x: position, y: vertical }, color: b.t.muted, font: { ...b.font, size: (ctx.large ? 22 : 14), weight: 'bold' as const } },
  });
  return {
    type: 'bubble',
    data: {
      datasets: [
        {
          label: 'Accounts',
          // The account rides along with its point, for a click and for tests that find a point by name.
          data: points.map((p) => ({ x: p.revenue, y: drawnMargin(p.margin), r: bubbleRadius(p.totalCost, m.maxCost) * (ctx.large ? 1.5 : 1), account: p.account })),
          backgroundColor: points.map((p) => `${SEGMENT_COLOURS[p.segment]}cc`),
          borderColor: points.map((p) => SEGMENT_COLOURS[p.segment]),
          // Below the floor: a downward triangle on the edge, the true margin in the tooltip.
          pointStyle: points.map((p) => (below(p) ? 'triangle' : 'circle')),
          rotation: points.map((p) => (below(p) ? 180 : 0)),
        },
      ],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      onClick: onPick(ctx, (_d, index) => points[index]?.account ?? null),
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (i) => {
              const p = points[i.dataIndex]!;
              return `${p.account} (${p.segment}): revenue ${formatMoney(p.revenue, ctx.currency)}, margin ${formatPercent(p.margin)}${below(p) ? ' (drawn on the edge)' : ''}, cost ${formatMoney(p.totalCost, ctx.currency)}`;
            },
          },
        },
        annotation: {
          annotations: {
            revenueSplit: { type: 'line', xMin: xs, xMax: xs, borderColor: b.t.muted, borderDash: [6, 4] },
            marginSplit: { type: 'line', yMin: m.marginSplit, yMax: m.marginSplit, borderColor: b.t.muted, borderDash: [6, 4] },
            protect: quadrant('Protect', xs, maxRevenue, m.marginSplit, yMax, 'end', 'start'),
            fix: quadrant('Fix', xs, maxRevenue, yMin, m.marginSplit, 'end', 'end'),
            develop: quadrant('Develop', minRevenue, xs, m.marginSplit, yMax, 'start', 'start'),
            reassess: quadrant('Reassess', minRevenue, xs, yMin, m.marginSplit, 'start', 'end'),
          },
        },
      },
      scales: {
        x: b.axis('Revenue (log scale)', { type: 'logarithmic', min: minRevenue, max: maxRevenue, ticks: { color: b.t.muted, font: b.font, callback: money(ctx), maxTicksLimit: 8 } }),
        y: b.axis(m.belowFloor ? `Margin (▼ ${m.belowFloor} below ${formatPercent(MARGIN_FLOOR, 0)} on the edge)` : 'Margin', { min: yMin, max: yMax, ticks: { color: b.t.muted, font: b.font, callback: (v: number | string) => formatPercent(Number(v), 0) } }),
      },
    },
  };
}

export function paretoConfig(bars: ParetoBar[], ctx: ChartContext): ChartConfiguration {
  const b = base(ctx);
  return {
    type: 'bar',
    data: {
      labels: bars.map((c) => `${c.paretoClass} (${formatCount(c.count, 'account')})`),
      datasets: [{ label: 'Profit', data: bars.map((c) => c.profit), backgroundColor: CLASS_COLOURS }],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (i) => `Profit ${formatMoney(Number(i.raw), ctx.currency)}` } } },
      scales: {
        x: b.axis('Pareto class: A makes the first 80% of profit, B the next 15%, C the rest, D none'),
        y: b.axis('Profit', { ticks: { color: b.t.muted, font: b.font, callback: money(ctx) } }),
      },
    },
  };
}

export function roiConfig(entries: RoiEntry[], ctx: ChartContext): ChartConfiguration {
  const b = base(ctx);
  return {
    type: 'bar',
    data: {
      labels: entries.map((e) => e.account),
      datasets: [{ label: 'ROI', data: entries.map((e) => e.roi), backgroundColor: entries.map((e) => (e.roi < 0 ? OKABE_ITO.vermillion : OKABE_ITO.blue)) }],
    },
    options: {
      indexAxis: 'y',
      maintainAspectRatio: false,
      animation: false,
      onClick: onPick(ctx, (_d, index) => entries[index]?.account ?? null),
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (i) => `ROI ${formatPercent(Number(i.raw))}` } } },
      scales: {
        x: b.axis('ROI: profit divided by total cost', { ticks: { color: b.t.muted, font: b.font, callback: (v: number | string) => formatPercent(Number(v), 0) } }),
        y: b.axis('', { ticks: { color: b.t.muted, font: b.font, autoSkip: false } }),
      },
    },
  };
}

export function interactionConfig(points: InteractionPoint[], ctx: ChartContext): ChartConfiguration {
  const b = base(ctx);
  return {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: 'Accounts',
          data: points.map((p) => ({ x: p.revenue, y: p.interactionCost })),
          backgroundColor: `${OKABE_ITO.purple}bb`,
          borderColor: OKABE_ITO.purple,
          pointRadius: ctx.large ? 7 : 4,
        },
      ],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      onClick: onPick(ctx, (_d, index) => points[index]?.account ?? null),
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (i) => `${points[i.dataIndex]!.account}: revenue ${formatMoney(points[i.dataIndex]!.revenue, ctx.currency)}, interaction cost ${formatMoney(points[i.dataIndex]!.interactionCost, ctx.currency)}` } },
      },
      scales: {
        x: b.axis('Revenue', { ticks: { color: b.t.muted, font: b.font, callback: money(ctx), maxTicksLimit: 8 } }),
        y: b.axis('Interaction cost (meetings and calls)', { ticks: { color: b.t.muted, font: b.font, callback: money(ctx) } }),
      },
    },
  };
}

import { formatMoney, formatMultiple, formatNumber, formatPercent } from '../../shared/format';
import type { Report } from '../../shared/schemas/report';
import { compareFigures } from '../../shared/catalogue/format';
import { PLAN_FIGURES } from '../../shared/catalogue/figures';

export type Align = 'left' | 'right';

/** A plain-text table: columns padded, numbers right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (align[c] === 'right' ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** How many of the most and of the least profitable accounts the table for people shows, beyond twice as many accounts. */
export const SHOWN_EACH_END = 25;

/** `cpw report` for people: the portfolio in a few lines, then the accounts (bounded, unless `all`), the segments and owners. */
export function formatReport(r: Report, file: string): string {
  const p = r.portfolio;
  const money = (v: number | null) => formatMoney(v, r.currency);
  const out: string[] = [];
  out.push(`${file} — period ${r.period} (${r.currency})`, '');
  out.push(
    `Accounts ${formatNumber(p.count)}   Revenue ${money(p.revenue)}   Total cost ${money(p.totalCost)}   Profit ${money(p.profit)}   ROI ${formatPercent(p.roi)}   Margin ${formatPercent(p.margin)}`,
    `Loss makers ${formatNumber(p.lossMakers)}, giving back ${money(p.profitGivenBack)}   Whale peak ${p.whalePeak === null ? '— (no profit to share)' : formatPercent(p.whalePeak, 0)}   Top 20% of accounts earn ${formatPercent(p.top20Share, 0)} of profit`,
    `Interaction cost ${money(p.interactionCost)} (inside the buckets)   Churn ${formatPercent(p.churnRate)}   NPS ${formatNumber(p.nps)}   CSAT ${formatPercent(p.csat, 0)}   Referral rate ${formatPercent(p.referralRate, 0)}`,
    `Matrix splits: revenue ${money(p.revenueSplit)}, margin ${formatPercent(p.marginSplit)}`,
    '',
  );
  if (r.plan && r.variance) {
    // DOMAIN.md, "Plan, dimensions": variance = actual - plan; margin and ROI in points.
    const rows = compareFigures(PLAN_FIGURES, r.plan, p, r.variance, r.currency).map((f) => [f.label, f.baseline, f.scenario, f.difference.text]);
    out.push('Plan vs actual (variance = actual - plan; margin and ROI in points):', table(['Figure', 'Plan', 'Actual', 'Variance'], rows, ['left', 'right', 'right', 'right']), '');
  }
  // A report asked for with `ends` holds the most profitable, then the least, when the period has more accounts than that.
  const hidden = r.portfolio.count - r.accounts.length;
  const bottomCount = hidden > 0 ? Math.floor(r.accounts.length / 2) : 0;
  const shown = { top: r.accounts.slice(0, r.accounts.length - bottomCount), bottom: r.accounts.slice(r.accounts.length - bottomCount), hidden };
  const row = (a: Report['accounts'][number]) => [
    a.account,
    a.owner ?? '',
    money(a.revenue),
    money(a.totalCost),
    money(a.profit),
    formatPercent(a.roi),
    formatMultiple(a.costToRevenue),
    a.segment,
    a.paretoClass,
  ];
  const rows = [...shown.top.map(row), ...shown.bottom.map(row)];
  const lines = table(
    ['Account', 'Owner', 'Revenue', 'Total cost', 'Profit', 'ROI', 'Cost/rev', 'Segment', 'Class'],
    rows,
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'left', 'left'],
  ).split('\n');
  if (shown.hidden > 0) {
    out.push(`The ${shown.top.length} most and ${shown.bottom.length} least profitable of ${formatNumber(r.portfolio.count)} accounts (--all shows every one):`);
    // The gap between the two ends, on a line of its own so it does not widen the account column.
    lines.splice(lines.length - shown.bottom.length, 0, `… ${formatNumber(shown.hidden)} accounts between`);
  }
  out.push(...lines, '');
  out.push(
    table(
      ['Segment', 'Accounts', 'Revenue', 'Profit', 'ROI', 'Share of profit', 'Suggested focus'],
      p.bySegment.map((s) => [s.segment, String(s.count), money(s.revenue), money(s.profit), formatPercent(s.roi), formatPercent(s.profitShare, 0), s.focus]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
    '',
  );
  out.push(
    table(
      ['Owner', 'Accounts', 'Revenue', 'Profit', 'ROI', 'Share of profit'],
      p.byOwner.map((o) => [o.owner ?? '(no owner)', String(o.count), money(o.revenue), money(o.profit), formatPercent(o.roi), formatPercent(o.profitShare, 0)]),
      ['left', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  for (const [name, groups] of Object.entries(p.byDimension)) {
    out.push(
      '',
      table(
        [name, 'Accounts', 'Revenue', 'Profit', 'ROI', 'Share of profit'],
        groups.map((g) => [g.value ?? `(no ${name})`, String(g.count), money(g.revenue), money(g.profit), formatPercent(g.roi), formatPercent(g.profitShare, 0)]),
        ['left', 'right', 'right', 'right', 'right', 'right'],
      ),
    );
  }
  return out.join('\n');
}

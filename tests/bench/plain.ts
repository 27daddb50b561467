import type { Assumptions } from '../../shared/schemas/assumptions';
import type { SheetRow } from '../../shared/schemas/row';

/**
 * DOMAIN.md's formulas written the plain way: an array of objects, a map per
 * row, array sorts. It is the benchmark's anchor and the property tests'
 * oracle: the engine must agree with it on every random sheet.
 */
export interface PlainAccount {
  account: string;
  totalCost: number;
  profit: number;
  margin: number | null;
  roi: number | null;
  interactionCost: number;
  clv: number;
  segment: string;
  paretoClass: string;
}

export function plainCompute(rows: readonly SheetRow[], a: Assumptions) {
  const perHour = a.dailyRate / a.hoursPerDay;
  const accounts = rows.map((r) => {
    const totalCost = r.presale + r.production + r.distribution + r.service + r.labour;
    const profit = r.revenue - totalCost;
    const margin = r.revenue > 0 ? profit / r.revenue : null;
    const clv =
      r.avgOrderValue !== null && r.purchasesPerYear !== null && r.lifespanYears !== null
        ? r.avgOrderValue * r.purchasesPerYear * r.lifespanYears
        : r.revenue * (r.lifespanYears ?? a.defaultLifespanYears);
    return {
      row: r,
      account: r.account,
      totalCost,
      profit,
      margin,
      roi: totalCost > 0 ? profit / totalCost : null,
      interactionCost: (r.meetings * a.meetingHours + r.calls * a.callHours) * perHour,
      clv,
      segment: '',
      paretoClass: 'D',
    };
  });
  const revenue = accounts.reduce((s, x) => s + x.row.revenue, 0);
  const totalCost = accounts.reduce((s, x) => s + x.totalCost, 0);
  const profit = revenue - totalCost;
  const revenues = accounts.map((x) => x.row.revenue).sort((p, q) => p - q);
  const mid = Math.floor(revenues.length / 2);
  const median = revenues.length === 0 ? 0 : revenues.length % 2 ? revenues[mid]! : (revenues[mid - 1]! + revenues[mid]!) / 2;
  const revenueSplit = a.revenueSplit ?? median;
  const marginSplit = a.marginSplit ?? (revenue > 0 ? profit / revenue : 0);
  for (const x of accounts) {
    if (x.row.segmentOverride) x.segment = x.row.segmentOverride;
    else if (x.row.revenue === 0) x.segment = 'Reassess';
    else if (x.row.revenue >= revenueSplit) x.segment = x.margin! >= marginSplit ? 'Protect' : 'Fix';
    else x.segment = x.margin! >= marginSplit ? 'Develop' : 'Reassess';
  }
  const sorted = [...accounts].sort((p, q) => {
    if (q.profit !== p.profit) return q.profit - p.profit;
    const lp = p.account.toLowerCase();
    const lq = q.account.toLowerCase();
    return lp < lq ? -1 : lp > lq ? 1 : p.account < q.account ? -1 : p.account > q.account ? 1 : 0;
  });
  const positive = sorted.filter((x) => x.profit > 0).reduce((s, x) => s + x.profit, 0);
  let before = 0;
  for (const x of sorted) {
    if (x.profit <= 0) continue;
    x.paretoClass = before < 0.8 * positive ? 'A' : before < 0.95 * positive ? 'B' : 'C';
    before += x.profit;
  }
  let cum = 0;
  const whaleCurve =
    profit > 0
      ? sorted.map((x, i) => {
          cum += x.profit;
          return { x: (i + 1) / sorted.length, y: cum / profit };
        })
      : null;
  const losers = accounts.filter((x) => x.profit < 0);
  return {
    accounts: accounts.map(({ row: _row, ...rest }) => rest as PlainAccount),
    portfolio: {
      revenue,
      totalCost,
      profit,
      roi: totalCost > 0 ? profit / totalCost : null,
      margin: revenue > 0 ? profit / revenue : null,
      whaleCurve,
      whalePeak: whaleCurve ? whaleCurve.reduce((m, p) => Math.max(m, p.y), -Infinity) : null,
      top20Share: whaleCurve && whaleCurve.length ? whaleCurve[Math.ceil(0.2 * whaleCurve.length) - 1]!.y : null,
      lossMakers: losers.length,
      profitGivenBack: -losers.reduce((s, x) => s + x.profit, 0),
    },
  };
}

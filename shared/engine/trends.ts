import type { Assumptions } from '../schemas/assumptions';
import { SEGMENTS } from '../schemas/fields';
import type { Trends } from '../schemas/trends';
import type { SheetColumns } from './columns';
import { standingAt } from './segment-moves';
import { computeColumns } from './sheet';

/**
 * DOMAIN.md, "Periods": the portfolio figures per period in order, each
 * account's profit, ROI and segment per period (null where it has no row),
 * and every move from one segment to another between consecutive periods
 * in which the account has rows.
 */
export function trends(periods: readonly { label: string; columns: SheetColumns }[], a: Assumptions): Trends {
  const accounts = new Map<string, Trends['accounts'][number]>();
  const out: Trends = { periods: [], accounts: [], segmentChanges: [] };
  periods.forEach(({ label, columns }, p) => {
    const r = computeColumns(columns, a);
    out.periods.push({ period: label, portfolio: r.figures });
    for (let i = 0; i < columns.n; i++) {
      const name = columns.account[i]!;
      const key = name.toLowerCase();
      let t = accounts.get(key);
      if (!t) accounts.set(key, (t = { account: name, points: new Array(periods.length).fill(null) }));
      const roi = r.metrics.roi[i]!;
      t.points[p] = { period: label, profit: r.metrics.profit[i]!, roi: Number.isNaN(roi) ? null : roi, segment: SEGMENTS[r.segment[i]!]!, ...standingAt(r, i) };
    }
  });
  for (const t of accounts.values()) {
    out.accounts.push(t);
    let prev: (typeof t.points)[number] = null;
    for (const pt of t.points) {
      if (pt === null) continue;
      if (prev !== null && prev.segment !== pt.segment) {
        out.segmentChanges.push({ account: t.account, fromPeriod: prev.period, toPeriod: pt.period, from: prev.segment, to: pt.segment });
      }
      prev = pt;
    }
  }
  return out;
}

import type { Trends } from '../schemas/trends';
import { describeMove, segmentMoveCauses } from './segment-moves';

/** Each segment change of the trends with the reason in words, in the order the trends list them. */
export function explainSegmentChanges(t: Trends, currency: string): { change: Trends['segmentChanges'][number]; why: string }[] {
  const splits = new Map(t.periods.map((p) => [p.period, p.portfolio]));
  const accounts = new Map(t.accounts.map((a) => [a.account, a]));
  return t.segmentChanges.map((change) => {
    const points = accounts.get(change.account)?.points ?? [];
    const before = points.find((p) => p?.period === change.fromPeriod);
    const after = points.find((p) => p?.period === change.toPeriod);
    const from = splits.get(change.fromPeriod);
    const to = splits.get(change.toPeriod);
    const why = before && after && from && to ? describeMove(segmentMoveCauses(before, after, from, to), currency) : '';
    return { change, why };
  });
}

import { formatMoney, formatPercent } from '../format';
import type { SheetResult } from './sheet';

/** Where an account stood in one period: what the matrix places (revenue, margin), or a pinned segment. */
export interface Standing {
  revenue: number;
  margin: number | null;
  pinned: boolean;
}

/** Where account i of a computed sheet stands. */
export function standingAt(r: Pick<SheetResult, 'columns' | 'metrics'>, i: number): Standing {
  const margin = r.metrics.margin[i]!;
  return { revenue: r.columns.revenue[i]!, margin: Number.isNaN(margin) ? null : margin, pinned: r.columns.segmentOverride[i]! >= 0 };
}

/** The period's splits of the matrix (DOMAIN.md, "Segmentation"). */
export interface MatrixSplits {
  revenueSplit: number;
  marginSplit: number;
}

/**
 * One reason an account changed segment: its own revenue or margin crossed
 * the split, or the split itself moved past it (the splits follow the whole
 * portfolio, so other accounts' changes move them), or it was pinned.
 */
export type MoveCause =
  | { kind: 'revenue' | 'margin'; before: number | null; after: number | null; split: number }
  | { kind: 'revenueSplit' | 'marginSplit'; before: number; after: number; value: number | null }
  | { kind: 'pinned' };

const high = (v: number | null, split: number) => v !== null && v >= split;

/** Why one axis of the matrix changed side, or nothing when it did not. */
function axis(kind: 'revenue' | 'margin', before: number | null, after: number | null, splitBefore: number, splitAfter: number): MoveCause[] {
  const was = high(before, splitBefore);
  if (was === high(after, splitAfter)) return [];
  const own = high(after, splitBefore) !== was;
  const split = high(before, splitAfter) !== was;
  const out: MoveCause[] = [];
  if (own || !split) out.push({ kind, before, after, split: splitAfter });
  if (split || !own) out.push({ kind: kind === 'revenue' ? 'revenueSplit' : 'marginSplit', before: splitBefore, after: splitAfter, value: after });
  return out;
}

/** Each reason an account's segment changed from one standing to the next. */
export function segmentMoveCauses(before: Standing, after: Standing, splitsBefore: MatrixSplits, splitsAfter: MatrixSplits): MoveCause[] {
  if (before.pinned || after.pinned) return [{ kind: 'pinned' }];
  // No revenue is Reassess whatever the margin: the revenue alone says why.
  if (before.revenue === 0 || after.revenue === 0) return [{ kind: 'revenue', before: before.revenue, after: after.revenue, split: splitsAfter.revenueSplit }];
  return [
    ...axis('revenue', before.revenue, after.revenue, splitsBefore.revenueSplit, splitsAfter.revenueSplit),
    ...axis('margin', before.margin, after.margin, splitsBefore.marginSplit, splitsAfter.marginSplit),
  ];
}

/** The reasons in a sentence, in the workbook's currency. */
export function describeMove(causes: readonly MoveCause[], currency: string): string {
  const money = (v: number | null) => formatMoney(v, currency);
  const pct = (v: number | null) => formatPercent(v, 1);
  const words = causes.map((c) => {
    switch (c.kind) {
      case 'pinned':
        return 'its segment is pinned in the sheet';
      case 'revenue':
        return `its revenue went from ${money(c.before)} to ${money(c.after)} (split ${money(c.split)})`;
      case 'margin':
        return `its margin went from ${pct(c.before)} to ${pct(c.after)} (split ${pct(c.split)})`;
      case 'revenueSplit':
        return `the revenue split moved from ${money(c.before)} to ${money(c.after)}, past its ${money(c.value)}`;
      case 'marginSplit':
        return `the margin split moved from ${pct(c.before)} to ${pct(c.after)}, past its ${pct(c.value)}`;
    }
  });
  const text = words.join('; and ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

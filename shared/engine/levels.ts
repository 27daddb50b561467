import { ACTIVITY_LEVELS, type ActivityLevel, type AllocationLine } from '../schemas/pools';

/** The customer cost hierarchy as people read it, and a place for activities given no level. */
export const LEVEL_LABELS: Readonly<Record<ActivityLevel | 'none', string>> = {
  order: 'Order',
  delivery: 'Delivery',
  'customer-sustaining': 'Customer-sustaining',
  channel: 'Channel',
  none: 'No level set',
};
export const LEVEL_KEYS = [...ACTIVITY_LEVELS, 'none'] as const;
export type LevelKey = (typeof LEVEL_KEYS)[number];

/**
 * DOMAIN.md, "Rate-based activities": each activity may carry a level of the
 * customer cost hierarchy. An account's allocated cost summed by level, for
 * each account with any, largest total first.
 */
export function costByLevel(lines: readonly AllocationLine[]): { account: string; total: number; levels: Record<LevelKey, number> }[] {
  const by = new Map<string, { account: string; total: number; levels: Record<LevelKey, number> }>();
  for (const l of lines) {
    const key = l.account.toLowerCase();
    let entry = by.get(key);
    if (!entry) by.set(key, (entry = { account: l.account, total: 0, levels: { order: 0, delivery: 0, 'customer-sustaining': 0, channel: 0, none: 0 } }));
    entry.levels[l.level ?? 'none'] += l.amount;
    entry.total += l.amount;
  }
  return [...by.values()].sort((a, b) => b.total - a.total || a.account.localeCompare(b.account));
}

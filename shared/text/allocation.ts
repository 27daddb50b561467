import { formatMoney, formatNumber, formatRate } from '../format';
import type { AllocationLine } from '../schemas/pools';

const HOW = { time: 'minutes per unit', equation: 'time equation', rate: 'cost per unit' } as const;

/** How a line was costed, in words. */
export const costedBy = (l: Pick<AllocationLine, 'kind'>): string => HOW[l.kind];

/**
 * One allocated line as people check it, the same in the sheet's hover and
 * `cpw allocate --trace`: "Customer service · Orders: 30,000 → 240,000 min
 * (minutes per unit) × $0.8857/min = $212,571", or for a rate "100 × $50.00
 * (cost per unit) = $5,000".
 */
export function describeAllocation(l: AllocationLine, currency: string): string {
  const how =
    l.minutes === null
      ? `${formatNumber(l.count)} × ${formatRate(l.rate, currency)} (${HOW[l.kind]})`
      : `${formatNumber(l.count)} → ${formatNumber(l.minutes)} min (${HOW[l.kind]}) × ${formatRate(l.rate, currency)}/min`;
  return `${l.pool} · ${l.activity}: ${how} = ${formatMoney(l.amount, currency)}`;
}

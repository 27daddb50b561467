import { formatMoney, formatMultiple, formatNumber, formatPercent } from '../format';
import type { FigureKey } from './figures';
import { METRICS, type MetricSpec } from './metrics';

/**
 * A metric's value as people read it, by its format in the catalogue: one
 * rule for the window, the PDF and the command line (money in the workbook
 * currency, ratios as percentages with the metric's decimals, multiples,
 * counts and scores as whole numbers), "—" for none.
 */
export function formatMetric(spec: Pick<MetricSpec, 'format' | 'decimals'>, value: number | string | null | undefined, currency: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  switch (spec.format) {
    case 'money':
      return formatMoney(value, currency);
    case 'percent':
      return formatPercent(value, spec.decimals ?? 1);
    case 'multiple':
      return formatMultiple(value);
    default:
      return formatNumber(value, 0);
  }
}

export interface FigureRow {
  key: FigureKey;
  label: string;
  spec: MetricSpec;
}

/** Portfolio figures for a table, in the order given, each with its label (the long one, a table has room) and spec. */
export function portfolioFigures(keys: readonly FigureKey[]): FigureRow[] {
  return keys.map((key) => {
    const spec = (METRICS as readonly MetricSpec[]).find((m) => m.scope === 'portfolio' && m.name === key)!;
    return { key, label: spec.longLabel ?? spec.label, spec };
  });
}

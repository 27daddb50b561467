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

export interface MetricChange {
  text: string;
  /** Whether the change is good news, by the metric's better direction; flat when nothing moved. */
  tone: 'good' | 'bad' | 'flat';
}

/**
 * A change of a metric in its own unit, signed: money in the currency, ratios
 * in percentage points ("+2.3 pts": a margin going from 10% to 12.3% did not
 * rise 2.3%), multiples with their x, counts and scores whole. One rule for
 * the tiles' change on the last period, the scenario's difference in the
 * window, the PDF and the command line.
 */
export function formatChange(spec: Pick<MetricSpec, 'format' | 'decimals' | 'better'>, change: number | null | undefined, currency: string): MetricChange {
  if (change === null || change === undefined || Number.isNaN(change)) return { text: '—', tone: 'flat' };
  if (Math.abs(change) < 1e-9) return { text: 'no change', tone: 'flat' };
  const sign = change > 0 ? '+' : '−';
  const size = Math.abs(change);
  const text =
    spec.format === 'money'
      ? formatMoney(size, currency)
      : spec.format === 'percent'
        ? `${formatNumber(size * 100, Math.max(spec.decimals ?? 1, 1))} pts`
        : spec.format === 'multiple'
          ? formatMultiple(size)
          : formatNumber(size, 0);
  const tone = spec.better === undefined ? 'flat' : (change > 0) === (spec.better === 'up') ? 'good' : 'bad';
  return { text: `${sign}${text}`, tone };
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

export interface ComparedFigure {
  label: string;
  baseline: string;
  scenario: string;
  difference: MetricChange;
}

/** A table of figures before and after (a scenario against its baseline), the same in the window, the PDF and the command line. */
export function compareFigures(
  keys: readonly FigureKey[],
  baseline: Partial<Record<FigureKey, unknown>>,
  scenario: Partial<Record<FigureKey, unknown>>,
  difference: Readonly<Record<string, number | null>>,
  currency: string,
): ComparedFigure[] {
  const shown = (v: unknown) => (typeof v === 'number' ? v : null);
  return portfolioFigures(keys).map((f) => ({
    label: f.label,
    baseline: formatMetric(f.spec, shown(baseline[f.key]), currency),
    scenario: formatMetric(f.spec, shown(scenario[f.key]), currency),
    difference: formatChange(f.spec, difference[f.key], currency),
  }));
}

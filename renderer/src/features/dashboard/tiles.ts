import { formatCompactMoney } from '../../../../shared/format';
import { METRICS, type MetricSpec } from '../../../../shared/catalogue/metrics';
import { formatChange, formatMetric, type MetricChange } from '../../../../shared/catalogue/format';
import type { PortfolioFigures } from '../../../../shared/schemas/trends';

type Key = keyof PortfolioFigures;

export interface TileDef {
  key: Key;
  label: string;
  /** One plain sentence: what it means and how it is computed. */
  explain: string;
  kind: 'money' | 'percent' | 'count' | 'score';
  /** Whether a rise is good news, for the colour of the change. */
  better: 'up' | 'down';
  spec: MetricSpec;
}

/** DOMAIN.md's portfolio metrics as the dashboard shows them, in reading order: the catalogue's tiles. */
export const TILES: TileDef[] = (METRICS as readonly MetricSpec[])
  .filter((m) => m.scope === 'portfolio' && m.tile)
  .map((m) => ({ key: m.name as Key, label: m.label, explain: m.short!, kind: m.format as TileDef['kind'], better: m.better!, spec: m }));

export function formatTile(def: TileDef, value: number | null, currency: string): string {
  return formatMetric(def.spec, value, currency);
}

/** Longer than this, a tile's money is shown compact ($11.95B) with the full figure on hover: a tile never cuts digits off. */
export const TILE_CHARS = 11;

/** A tile's figure as shown, and the full one when the shown one is compact. */
export function tileText(def: Pick<TileDef, 'spec'>, value: number | null, currency: string): { text: string; full: string | null } {
  const full = formatMetric(def.spec, value, currency);
  if (def.spec.format !== 'money' || value === null || full.length <= TILE_CHARS) return { text: full, full: null };
  return { text: formatCompactMoney(value, currency), full };
}

/** The change against the previous period, in the tile's own unit (percentage points for ratios). */
export function tileChange(def: TileDef, now: number | null, before: number | null, currency: string): MetricChange | null {
  if (now === null || before === null) return null;
  return formatChange(def.spec, now - before, currency);
}

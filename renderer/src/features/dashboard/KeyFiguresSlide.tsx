import { compareFigures, formatMetric, portfolioFigures } from '../../../../shared/catalogue/format';
import { REPORT_FIGURES } from '../../../../shared/catalogue/figures';
import { figureDifference } from '../../../../shared/engine/scenarios';
import { formatCompactMoney } from '../../../../shared/format';
import type { PortfolioFigures } from '../../../../shared/schemas/trends';
import { TILE_CHARS } from './tiles';

/**
 * The first slide of a workshop: the report's key figures, large, each with
 * its change on the previous period when there is one. Money too long for a
 * projector's tile is shown compact, the full figure on hover.
 */
export function KeyFiguresSlide({ figures, previous, currency }: { figures: PortfolioFigures; previous: { label: string; figures: PortfolioFigures } | null; currency: string }) {
  const changes = previous ? compareFigures(REPORT_FIGURES, previous.figures, figures, figureDifference(previous.figures, figures), currency) : null;
  return (
    <div className="present-figures" data-testid="key-figures">
      {portfolioFigures(REPORT_FIGURES).map((f, k) => {
        const value = figures[f.key] as number | null;
        const full = formatMetric(f.spec, value, currency);
        const shown = f.spec.format === 'money' && value !== null && full.length > TILE_CHARS ? formatCompactMoney(value, currency) : full;
        const change = changes?.[k]?.difference;
        return (
          <div key={f.key} className="present-figure" title={shown === full ? undefined : full}>
            <span>{f.spec.label}</span>
            <b>{shown}</b>
            {change ? <small className={`tile-change ${change.tone}`}>{change.text} vs {previous!.label}</small> : null}
          </div>
        );
      })}
    </div>
  );
}

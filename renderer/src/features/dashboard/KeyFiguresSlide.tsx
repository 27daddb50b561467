import { compareFigures, portfolioFigures } from '../../../../shared/catalogue/format';
import { REPORT_FIGURES } from '../../../../shared/catalogue/figures';
import { figureDifference } from '../../../../shared/engine/scenarios';
import type { PortfolioFigures } from '../../../../shared/schemas/trends';
import { tileText } from './tiles';

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
        const { text: shown, full } = tileText(f, value, currency);
        const change = changes?.[k]?.difference;
        return (
          <div key={f.key} className="present-figure" title={full ?? undefined}>
            <span>{f.spec.label}</span>
            <b>{shown}</b>
            {change ? <small className={`tile-change ${change.tone}`}>{change.text} vs {previous!.label}</small> : null}
          </div>
        );
      })}
    </div>
  );
}

import { formatCount, formatMoney, formatNumber, formatPercent } from '../../../shared/format';
import type { PortfolioFigures } from '../../../shared/schemas/trends';

/** Always in view: the period's accounts, revenue, profit, ROI and loss makers, and any work under way. */
export function StatusBar({ figures: f, currency, busy }: { figures: PortfolioFigures | undefined; currency: string; busy: string | null }) {
  return (
    <footer className="status-bar" aria-label="Period totals">
      {f ? (
        <>
          <span data-testid="status-accounts">{formatCount(f.count, 'account')}</span>
          <span data-testid="status-revenue">Revenue {formatMoney(f.revenue, currency)}</span>
          <span data-testid="status-profit" className={f.profit < 0 ? 'loss' : undefined}>
            Profit {formatMoney(f.profit, currency)}
          </span>
          <span data-testid="status-roi" title="Profit divided by total cost">
            ROI {formatPercent(f.roi)}
          </span>
          <span data-testid="status-loss-makers" title="Accounts whose costs pass their revenue">
            Loss makers {formatNumber(f.lossMakers)}
          </span>
        </>
      ) : (
        <span>No period open</span>
      )}
      <span className="work" aria-live="polite">
        {busy ? (
          <>
            <span className="spinner" aria-hidden="true" /> {busy}
          </>
        ) : (
          'All changes saved'
        )}
      </span>
    </footer>
  );
}

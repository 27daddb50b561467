import { formatMoney, formatNumber, formatPercent } from '../../../../shared/format';
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
}

/** DOMAIN.md's portfolio metrics as the dashboard shows them, in reading order. */
export const TILES: TileDef[] = [
  { key: 'revenue', label: 'Revenue', kind: 'money', better: 'up', explain: 'Revenue of every account in the period, added up.' },
  { key: 'totalCost', label: 'Total cost', kind: 'money', better: 'down', explain: 'Presale, production, distribution, post-sale service and labour of every account, added up.' },
  { key: 'profit', label: 'Profit', kind: 'money', better: 'up', explain: 'Revenue minus total cost.' },
  { key: 'roi', label: 'ROI', kind: 'percent', better: 'up', explain: 'Profit divided by total cost: what each unit spent on accounts earns back.' },
  { key: 'margin', label: 'Margin', kind: 'percent', better: 'up', explain: 'Profit divided by revenue.' },
  { key: 'interactionCost', label: 'Interaction cost', kind: 'money', better: 'down', explain: 'Rep time in meetings and calls at the daily rate; it already sits inside the cost buckets.' },
  { key: 'lossMakers', label: 'Loss-making accounts', kind: 'count', better: 'down', explain: 'Accounts whose total cost is more than their revenue.' },
  { key: 'profitGivenBack', label: 'Profit given back', kind: 'money', better: 'down', explain: 'What the loss-making accounts lose, added up: profit the rest earn and these give back.' },
  { key: 'whalePeak', label: 'Whale peak', kind: 'percent', better: 'down', explain: 'The most profitable accounts earn this share of total profit before the tail gives some back; 150% to 300% is typical.' },
  { key: 'top20Share', label: 'Top 20% share', kind: 'percent', better: 'down', explain: 'Share of total profit earned by the most profitable fifth of accounts.' },
  { key: 'churnRate', label: 'Churn rate', kind: 'percent', better: 'down', explain: 'Accounts lost this period divided by the customers at its start (active plus churned).' },
  { key: 'nps', label: 'NPS', kind: 'score', better: 'up', explain: 'Promoters (9-10) minus detractors (0-6) as a share of rated accounts, from -100 to 100.' },
  { key: 'csat', label: 'CSAT', kind: 'percent', better: 'up', explain: 'Share of rated accounts whose key contact rates satisfaction 4 or 5 out of 5.' },
  { key: 'upsell', label: 'Upsell revenue', kind: 'money', better: 'up', explain: 'Revenue from selling more of the same, inside revenue.' },
  { key: 'crossSell', label: 'Cross-sell revenue', kind: 'money', better: 'up', explain: 'Revenue from selling other products, inside revenue.' },
  { key: 'referralRate', label: 'Referral rate', kind: 'percent', better: 'up', explain: 'Accounts that referred at least one new customer, out of those that report referrals.' },
];

export function formatTile(def: TileDef, value: number | null, currency: string): string {
  if (value === null) return '—';
  switch (def.kind) {
    case 'money':
      return formatMoney(value, currency);
    case 'percent':
      return formatPercent(value, def.key === 'whalePeak' || def.key === 'top20Share' ? 0 : 1);
    case 'score':
      return formatNumber(value, 0);
    default:
      return formatNumber(value, 0);
  }
}

export interface TileChange {
  text: string;
  tone: 'good' | 'bad' | 'flat';
}

/** The change against the previous period, in the tile's own unit (percentage points for ratios). */
export function tileChange(def: TileDef, now: number | null, before: number | null, currency: string): TileChange | null {
  if (now === null || before === null) return null;
  const d = now - before;
  if (Math.abs(d) < 1e-9) return { text: 'no change', tone: 'flat' };
  const sign = d > 0 ? '+' : '−';
  const size = Math.abs(d);
  const text =
    def.kind === 'money'
      ? `${sign}${formatMoney(size, currency)}`
      : def.kind === 'percent'
        ? `${sign}${(size * 100).toFixed(1)} pts`
        : `${sign}${formatNumber(size, 0)}`;
  const good = (d > 0) === (def.better === 'up');
  return { text, tone: good ? 'good' : 'bad' };
}

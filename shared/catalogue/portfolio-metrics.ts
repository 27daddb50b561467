import type { MetricSpec } from './metric-spec';

/** DOMAIN.md, "Portfolio metrics (one period)": the tiles, trends, scenario and report tables (the help's concepts are in concepts.ts). */
export const PORTFOLIO_METRICS = [
  {
    name: 'count', scope: 'portfolio', label: 'Accounts',
    format: 'count', domain: 'Portfolio metrics (one period)',
    short: 'The accounts of the period.',
  },
  {
    name: 'revenue', scope: 'portfolio', label: 'Revenue',
    format: 'money', better: 'up', tile: true, domain: 'Portfolio metrics (one period)',
    short: 'Revenue of every account in the period, added up.',
  },
  {
    name: 'presale', scope: 'portfolio', label: 'Presale',
    format: 'money', better: 'down', domain: 'Portfolio metrics (one period)',
    short: 'Presale of every account in the period, added up.',
  },
  {
    name: 'production', scope: 'portfolio', label: 'Production',
    format: 'money', better: 'down', domain: 'Portfolio metrics (one period)',
    short: 'Production of every account in the period, added up.',
  },
  {
    name: 'distribution', scope: 'portfolio', label: 'Distribution',
    format: 'money', better: 'down', domain: 'Portfolio metrics (one period)',
    short: 'Distribution of every account in the period, added up.',
  },
  {
    name: 'service', scope: 'portfolio', label: 'Post-sale service',
    format: 'money', better: 'down', domain: 'Portfolio metrics (one period)',
    short: 'Post-sale service of every account in the period, added up.',
  },
  {
    name: 'labour', scope: 'portfolio', label: 'Labour',
    format: 'money', better: 'down', domain: 'Portfolio metrics (one period)',
    short: 'Labour of every account in the period, added up.',
  },
  {
    name: 'totalCost', scope: 'portfolio', label: 'Total cost',
    format: 'money', better: 'down', tile: true, domain: 'Portfolio metrics (one period)',
    short: 'Presale, production, distribution, post-sale service and labour of every account, added up.',
  },
  {
    name: 'profit', scope: 'portfolio', label: 'Profit',
    format: 'money', better: 'up', tile: true, domain: 'Portfolio metrics (one period)',
    short: 'Revenue minus total cost.',
  },
  {
    name: 'roi', scope: 'portfolio', label: 'ROI',
    format: 'percent', better: 'up', tile: true, domain: 'Portfolio metrics (one period)',
    short: 'Profit divided by total cost: what each unit spent on accounts earns back.',
  },
  {
    name: 'margin', scope: 'portfolio', label: 'Margin',
    format: 'percent', better: 'up', tile: true, domain: 'Portfolio metrics (one period)',
    short: 'Profit divided by revenue.',
  },
  {
    name: 'costToRevenue', scope: 'portfolio', label: 'Cost / revenue', longLabel: 'Cost to revenue',
    format: 'multiple', better: 'down', domain: 'Portfolio metrics (one period)',
    short: 'Total cost of every account divided by their revenue; above 1.00x the portfolio costs more than it brings.',
  },
  {
    name: 'interactionCost', scope: 'portfolio', label: 'Interaction cost', longLabel: 'Interaction cost (inside the buckets)',
    format: 'money', better: 'down', tile: true, domain: 'Portfolio metrics (one period)',
    short: 'Rep time in meetings and calls at the daily rate; it already sits inside the cost buckets.',
  },
  {
    name: 'meetings', scope: 'portfolio', label: 'Meetings',
    format: 'count', domain: 'Portfolio metrics (one period)',
    short: 'Meetings with every account, added up.',
  },
  {
    name: 'calls', scope: 'portfolio', label: 'Calls',
    format: 'count', domain: 'Portfolio metrics (one period)',
    short: 'Calls with every account, added up.',
  },
  {
    name: 'lossMakers', scope: 'portfolio', label: 'Loss-making accounts', shortLabel: 'Loss makers',
    format: 'count', better: 'down', tile: true, domain: 'Portfolio metrics (one period)',
    short: 'Accounts whose total cost is more than their revenue.',
    help: {
      title: 'Loss makers and profit given back',
      words: 'Loss makers: accounts with a negative profit; profit given back is what they lose, added up.',
      example: 'Three accounts lose 4,000, 9,000 and 12,000: 3 loss makers, 25,000 of profit given back.',
      action: 'Open each one\'s Customer Picture and decide: reprice, serve differently, or exit.',
    },
  },
  {
    name: 'profitGivenBack', scope: 'portfolio', label: 'Profit given back',
    format: 'money', better: 'down', tile: true, helpFrom: 'lossMakers', domain: 'Portfolio metrics (one period)',
    short: 'What the loss-making accounts lose, added up: profit the rest earn and these give back.',
  },
  {
    name: 'whaleCurve', scope: 'portfolio', label: 'Whale curve',
    format: 'curve', domain: 'Portfolio metrics (one period)',
    help: {
      title: 'Whale curve',
      words: 'Whale curve: the cumulative share of total profit against the share of accounts, most profitable first; not drawn when the portfolio makes no profit.',
      example: 'The curve rises to 180% at 60% of accounts, then falls to 100%: the last 40% give back 80% of the profit.',
      action: 'The falling tail is the list of accounts to fix first.',
    },
  },
  {
    name: 'whalePeak', scope: 'portfolio', label: 'Whale peak',
    format: 'percent', decimals: 0, better: 'down', tile: true, domain: 'Portfolio metrics (one period)',
    short: 'The most profitable accounts earn this share of total profit before the tail gives some back; 150% to 300% is typical.',
    help: {
      title: 'Whale peak',
      words: 'Whale peak: the highest point of the whale curve, how much the profitable accounts earn before the tail gives some back (150% to 300% is typical).',
      example: 'A peak of 180%: the profitable accounts earn 1.8 times the total profit; the rest lose 0.8 of it.',
      action: 'A falling peak across periods means the tail is being fixed.',
    },
  },
  {
    name: 'top20Share', scope: 'portfolio', label: 'Top 20% share', longLabel: 'Top 20% share of profit',
    format: 'percent', decimals: 0, better: 'down', tile: true, domain: 'Portfolio metrics (one period)',
    short: 'Share of total profit earned by the most profitable fifth of accounts.',
    help: {
      title: 'Top 20% share',
      words: 'Top 20% share: profit of the most profitable fifth of accounts (rounded up) divided by total profit.',
      example: '10 accounts: the top 2 make 70,000 of a total profit of 100,000, so 70%.',
      action: 'Far above 80% means the portfolio depends on a few accounts: protect them and spread the risk.',
    },
  },
  {
    name: 'churnRate', scope: 'portfolio', label: 'Churn rate',
    format: 'percent', better: 'down', tile: true, domain: 'Portfolio metrics (one period)',
    short: 'Accounts lost this period divided by the customers at its start (active plus churned).',
    help: {
      title: 'Churn rate',
      words: 'Churn rate: accounts lost this period divided by the customers at its start (active plus churned; new ones were not).',
      example: '36 active, 4 churned and 5 new accounts: 4 / (36 + 4) = 10%.',
      action: 'Look at the churned accounts\' last CSAT and NPS: the warning is usually there a period earlier.',
    },
  },
  {
    name: 'nps', scope: 'portfolio', label: 'NPS',
    format: 'score', better: 'up', tile: true, domain: 'Portfolio metrics (one period)',
    short: 'Promoters (9-10) minus detractors (0-6) as a share of rated accounts, from -100 to 100.',
    help: {
      title: 'NPS',
      words: 'NPS: 100 x (promoters rating 9-10 minus detractors rating 0-6) / accounts rated, from -100 to 100.',
      example: '20 accounts rated: 9 promoters, 4 detractors: 100 × (9 − 4) / 20 = 25.',
      action: 'Call the detractors in classes A and B first: they are the profit at risk.',
    },
  },
  {
    name: 'csat', scope: 'portfolio', label: 'CSAT',
    format: 'percent', better: 'up', tile: true, domain: 'Portfolio metrics (one period)',
    short: 'Share of rated accounts whose key contact rates satisfaction 4 or 5 out of 5.',
    help: {
      title: 'CSAT',
      words: 'CSAT: the share of rated accounts whose key contact rates satisfaction 4 or 5 out of 5.',
      example: '15 of 20 rated accounts give 4 or 5: 75%.',
      action: 'A low CSAT with a high cost to serve means the service effort is not landing: ask what they need.',
    },
  },
  {
    name: 'upsell', scope: 'portfolio', label: 'Upsell revenue',
    format: 'money', better: 'up', tile: true, helpFrom: 'expansionShare', domain: 'Portfolio metrics (one period)',
    short: 'Revenue from selling more of the same, inside revenue.',
  },
  {
    name: 'crossSell', scope: 'portfolio', label: 'Cross-sell revenue',
    format: 'money', better: 'up', tile: true, helpFrom: 'expansionShare', domain: 'Portfolio metrics (one period)',
    short: 'Revenue from selling other products, inside revenue.',
  },
  {
    name: 'referrals', scope: 'portfolio', label: 'Referrals',
    format: 'count', better: 'up', domain: 'Portfolio metrics (one period)',
    short: 'New customers the accounts referred, added up.',
  },
  {
    name: 'referralRate', scope: 'portfolio', label: 'Referral rate',
    format: 'percent', better: 'up', tile: true, domain: 'Portfolio metrics (one period)',
    short: 'Accounts that referred at least one new customer, out of those that report referrals.',
    help: {
      title: 'Referral rate',
      words: 'Referral rate: accounts that referred at least one new customer, out of those that report referrals.',
      example: '3 of the 12 accounts reporting referrals referred someone: 25%.',
      action: 'Promoters who have never referred anyone are an easy ask.',
    },
  },
  {
    name: 'revenueSplit', scope: 'portfolio', label: 'Revenue split',
    format: 'money', domain: 'Segmentation',
    short: 'The revenue that splits the matrix: the assumption when set, else the median account revenue.',
  },
  {
    name: 'marginSplit', scope: 'portfolio', label: 'Margin split',
    format: 'percent', domain: 'Segmentation',
    short: 'The margin that splits the matrix: the assumption when set, else the portfolio margin.',
  },
] as const satisfies readonly MetricSpec[];

/**
 * Every metric of DOMAIN.md, declared once as data: its name (the JSON key
 * and the grid's column id), the label a person reads, what scope it has
 * (one account, the portfolio of a period, or a concept of the help), how it
 * is formatted, the one sentence the sheet's header and the dashboard's tile
 * show, whether a rise is good news, and the glossary's text (what it is,
 * an example with numbers, what to do about it). The export's and the
 * report's columns, the sheet's computed columns, the tiles, trends and
 * scenario tables, the help and docs/metrics.md are derived from it.
 */

/** How a metric's value reads: an amount, a fraction shown as a percentage, a multiple (1.20x), a count, a score, words. */
export type MetricFormat = 'money' | 'percent' | 'multiple' | 'count' | 'score' | 'text' | 'curve';

export interface MetricHelp {
  title: string;
  /** What it is and the formula, in words. */
  words: string;
  example: string;
  /** What to do about it. */
  action: string;
}

export interface MetricSpec {
  readonly name: string;
  readonly scope: 'account' | 'portfolio' | 'concept';
  readonly label: string;
  /** Where room is short (the status bar, a CLI line). */
  readonly shortLabel?: string;
  /** Where there is room to spell it out (the report, the help). */
  readonly longLabel?: string;
  readonly format: MetricFormat;
  /** Decimals of a percentage where one is not enough or too many (1 unless said). */
  readonly decimals?: number;
  /** The DOMAIN.md section that defines it. */
  readonly domain: string;
  /** One sentence on what it means: the sheet header's tooltip, the dashboard tile's line. */
  readonly short?: string;
  /** Whether a rise is good news, for the colour of a change. */
  readonly better?: 'up' | 'down';
  /** A computed column of the sheet. */
  readonly sheet?: true;
  /** A tile of the dashboard. */
  readonly tile?: true;
  /** The glossary's entry, one per name. */
  readonly help?: MetricHelp;
  /** The name whose glossary entry explains this one (profit given back is explained with loss makers). */
  readonly helpFrom?: string;
}

export const METRICS = [
  {
    name: 'totalCost',
    scope: 'account',
    label: 'Total cost',
    format: 'money',
    domain: 'Per-account metrics',
    short: 'Total cost: presale + production + distribution + post-sale service + labour.',
    sheet: true,
    help: {
      title: 'Total cost',
      words: 'Total cost: presale + production + distribution + post-sale service + labour.',
      example: 'Presale 8,000 + production 50,000 + distribution 6,000 + service 9,000 + labour 12,000 = 85,000.',
      action: 'Fill all five buckets, even roughly: an empty bucket counts as 0 and flatters the account.',
    },
  },
  {
    name: 'profit',
    scope: 'account',
    label: 'Profit',
    format: 'money',
    domain: 'Per-account metrics',
    short: 'Profit: revenue minus total cost. Shown in red with a minus sign when the account loses money.',
    sheet: true,
    help: {
      title: 'Profit',
      words: 'Profit: revenue minus total cost.',
      example: 'Revenue 120,000 − total cost 85,000 = 35,000. Losses show in red with a minus sign.',
      action: 'Sort the sheet by profit: the accounts at the bottom are where the conversation starts.',
    },
  },
  {
    name: 'margin',
    scope: 'account',
    label: 'Margin',
    format: 'percent',
    domain: 'Per-account metrics',
    short: 'Margin: profit as a share of revenue. Empty when the account has no revenue.',
    sheet: true,
    help: {
      title: 'Margin',
      words: 'Margin: profit divided by revenue (none when revenue is 0).',
      example: '35,000 / 120,000 = 29.2%.',
      action: 'A thin margin on a big account (segment Fix) is fixed by price or by the cost to serve, not by selling more.',
    },
  },
  {
    name: 'roi',
    scope: 'account',
    label: 'ROI',
    format: 'percent',
    domain: 'Per-account metrics',
    short: 'ROI: profit divided by total cost, what each unit spent on the account earns back.',
    sheet: true,
    help: {
      title: 'ROI',
      words: 'ROI: profit divided by total cost (none when there is no cost).',
      example: '35,000 / 85,000 = 41.2%: each 1.00 spent on the account earns 0.41 back.',
      action: 'Compare accounts of different sizes by ROI, not by profit, before moving effort between them.',
    },
  },
  {
    name: 'costToRevenue',
    scope: 'account',
    label: 'Cost / revenue',
    longLabel: 'Cost to revenue',
    format: 'multiple',
    domain: 'Per-account metrics',
    short: 'Cost to revenue: total cost divided by revenue. Above 1.00x the account costs more than it brings.',
    sheet: true,
    help: {
      title: 'Cost to revenue',
      words: 'Cost to revenue: total cost divided by revenue; above 1 the account costs more than it brings.',
      example: '85,000 / 120,000 = 0.71x. An account at 1.20x loses 20 cents of every unit it brings.',
      action: 'Anything above 1.00x needs a plan: reprice, serve it more cheaply, or let it go.',
    },
  },
  {
    name: 'costToServe',
    scope: 'account',
    label: 'Cost to serve',
    format: 'money',
    domain: 'Per-account metrics',
    short: 'Cost to serve: distribution + post-sale service + labour, what it takes after the sale.',
    help: {
      title: 'Cost to serve',
      words: 'Cost to serve: distribution + post-sale service + labour, what it takes after the sale.',
      example: '6,000 + 9,000 + 12,000 = 27,000.',
      action: 'A high cost to serve on a small account is the classic hidden loss: move it to a cheaper channel.',
    },
  },
  {
    name: 'interactionCost',
    scope: 'account',
    label: 'Interaction cost',
    format: 'money',
    domain: 'Per-account metrics',
    short: 'Interaction cost: rep time in meetings and calls, (meetings x meeting hours + calls x call hours) x daily rate / hours per day. It already sits inside the buckets, so it is never added to total cost.',
    sheet: true,
    help: {
      title: 'Interaction cost',
      words: 'Interaction cost: (meetings x meeting hours + calls x call hours) x daily rate / hours per day. It is rep time already inside the buckets, never added to total cost.',
      example: '(6 meetings × 1.6 h + 20 calls × 0.4 h) × 1,000 a day / 8 h = 2,200.',
      action: 'Run the pre-call check before a meeting on an account whose interaction cost is high against its profit.',
    },
  },
  {
    name: 'revenuePerInteraction',
    scope: 'account',
    label: 'Revenue per interaction',
    format: 'money',
    domain: 'Per-account metrics',
    short: 'Revenue per interaction: revenue divided by meetings plus calls.',
    help: {
      title: 'Revenue per interaction',
      words: 'Revenue per interaction: revenue divided by meetings plus calls.',
      example: '120,000 / (6 + 20) = 4,615 per meeting or call.',
      action: 'Low figures mean many touches for little business: fewer, better-prepared meetings.',
    },
  },
  {
    name: 'clv',
    scope: 'account',
    label: 'CLV',
    longLabel: 'Customer lifetime value',
    format: 'money',
    domain: 'Per-account metrics',
    short: 'Customer lifetime value: average order value x purchases per year x lifespan when all three are given, otherwise revenue x lifespan (the default lifespan when none is given).',
    sheet: true,
    help: {
      title: 'Customer lifetime value (CLV)',
      words: 'Customer lifetime value: average order value x purchases per year x lifespan when all three are given; otherwise revenue x lifespan (the default lifespan when none is given).',
      example: '10,000 average order × 12 a year × 3 years = 360,000.',
      action: 'Weigh a loss-making year against the lifetime: a young account with a high CLV may be worth the investment.',
    },
  },
  {
    name: 'lifetimeProfit',
    scope: 'account',
    label: 'Lifetime profit',
    format: 'money',
    domain: 'Per-account metrics',
    short: 'Lifetime profit: CLV x margin.',
    help: {
      title: 'Lifetime profit',
      words: 'Lifetime profit: CLV x margin.',
      example: '360,000 × 29.2% = 105,000.',
      action: 'Use it, not revenue, to decide how much presale effort a renewal deserves.',
    },
  },
  {
    name: 'valueMultiple',
    scope: 'account',
    label: 'Value multiple',
    format: 'multiple',
    domain: 'Per-account metrics',
    short: 'Value multiple: value delivered to the customer divided by revenue.',
    help: {
      title: 'Value multiple',
      words: 'Value multiple: value delivered to the customer divided by revenue.',
      example: 'Value delivered 180,000 / revenue 120,000 = 1.50x.',
      action: 'Above 1x you have room to price for the value; below it, expect churn.',
    },
  },
  {
    name: 'expansionShare',
    scope: 'account',
    label: 'Expansion share',
    format: 'percent',
    domain: 'Per-account metrics',
    short: 'Expansion share: upsell plus cross-sell revenue divided by revenue.',
    help: {
      title: 'Expansion share',
      words: 'Expansion share: upsell plus cross-sell revenue divided by revenue.',
      example: '(upsell 15,000 + cross-sell 9,000) / 120,000 = 20%.',
      action: 'Accounts in Develop with a low expansion share are where growth is cheapest.',
    },
  },
  {
    name: 'npsCategory',
    scope: 'account',
    label: 'NPS category',
    format: 'text',
    domain: 'Per-account metrics',
    short: 'NPS category: promoter (rating 9-10), passive (7-8) or detractor (0-6).',
    helpFrom: 'nps',
  },
  {
    name: 'segment',
    scope: 'account',
    label: 'Segment',
    format: 'text',
    domain: 'Segmentation',
    short: 'Segment from the profitability matrix: revenue against the revenue split, margin against the margin split. Protect (big, good margin), Fix (big, thin), Develop (small, good margin), Reassess (small, thin). A pinned segment wins.',
    sheet: true,
    help: {
      title: 'Segment (profitability matrix)',
      words: 'Segment: revenue against the revenue split (the median account revenue unless set) and margin against the margin split (the portfolio margin unless set), ties to the high side: Protect (big, good margin), Fix (big, thin), Develop (small, good margin), Reassess (small, thin, or no revenue). A pinned segment wins.',
      example: 'Median revenue 80,000, portfolio margin 22%: an account of 120,000 at 29% is Protect; one of 40,000 at 10% is Reassess.',
      action: 'Protect: keep the team. Fix: reprice or cut the cost to serve. Develop: grow. Reassess: serve more cheaply or exit.',
    },
  },
  {
    name: 'paretoClass',
    scope: 'account',
    label: 'Class',
    longLabel: 'Pareto class',
    format: 'text',
    domain: 'Segmentation',
    short: 'Pareto class on profit: A makes the first 80% of profit, B the next 15%, C the rest of the profitable accounts, D makes none.',
    sheet: true,
    help: {
      title: 'Pareto class',
      words: 'Pareto class: accounts by profit, highest first; A while the profit counted before them is under 80% of all positive profit, B under 95%, C the rest that make a profit, D those that do not.',
      example: 'Of 40 accounts, the 7 most profitable make 80% of the profit: class A. Those losing money are D.',
      action: 'Give class A your best people; ask of every D account what would make it profitable.',
    },
  },
  {
    name: 'count',
    scope: 'portfolio',
    label: 'Accounts',
    format: 'count',
    domain: 'Portfolio metrics (one period)',
    short: 'The accounts of the period.',
  },
  {
    name: 'revenue',
    scope: 'portfolio',
    label: 'Revenue',
    format: 'money',
    domain: 'Portfolio metrics (one period)',
    short: 'Revenue of every account in the period, added up.',
    better: 'up',
    tile: true,
  },
  {
    name: 'presale',
    scope: 'portfolio',
    label: 'Presale',
    format: 'money',
    domain: 'Portfolio metrics (one period)',
    short: 'Presale of every account in the period, added up.',
    better: 'down',
  },
  {
    name: 'production',
    scope: 'portfolio',
    label: 'Production',
    format: 'money',
    domain: 'Portfolio metrics (one period)',
    short: 'Production of every account in the period, added up.',
    better: 'down',
  },
  {
    name: 'distribution',
    scope: 'portfolio',
    label: 'Distribution',
    format: 'money',
    domain: 'Portfolio metrics (one period)',
    short: 'Distribution of every account in the period, added up.',
    better: 'down',
  },
  {
    name: 'service',
    scope: 'portfolio',
    label: 'Post-sale service',
    format: 'money',
    domain: 'Portfolio metrics (one period)',
    short: 'Post-sale service of every account in the period, added up.',
    better: 'down',
  },
  {
    name: 'labour',
    scope: 'portfolio',
    label: 'Labour',
    format: 'money',
    domain: 'Portfolio metrics (one period)',
    short: 'Labour of every account in the period, added up.',
    better: 'down',
  },
  {
    name: 'totalCost',
    scope: 'portfolio',
    label: 'Total cost',
    format: 'money',
    domain: 'Portfolio metrics (one period)',
    short: 'Presale, production, distribution, post-sale service and labour of every account, added up.',
    better: 'down',
    tile: true,
  },
  {
    name: 'profit',
    scope: 'portfolio',
    label: 'Profit',
    format: 'money',
    domain: 'Portfolio metrics (one period)',
    short: 'Revenue minus total cost.',
    better: 'up',
    tile: true,
  },
  {
    name: 'roi',
    scope: 'portfolio',
    label: 'ROI',
    format: 'percent',
    domain: 'Portfolio metrics (one period)',
    short: 'Profit divided by total cost: what each unit spent on accounts earns back.',
    better: 'up',
    tile: true,
  },
  {
    name: 'margin',
    scope: 'portfolio',
    label: 'Margin',
    format: 'percent',
    domain: 'Portfolio metrics (one period)',
    short: 'Profit divided by revenue.',
    better: 'up',
    tile: true,
  },
  {
    name: 'costToRevenue',
    scope: 'portfolio',
    label: 'Cost / revenue',
    longLabel: 'Cost to revenue',
    format: 'multiple',
    domain: 'Portfolio metrics (one period)',
    short: 'Total cost of every account divided by their revenue; above 1.00x the portfolio costs more than it brings.',
    better: 'down',
  },
  {
    name: 'interactionCost',
    scope: 'portfolio',
    label: 'Interaction cost',
    longLabel: 'Interaction cost (inside the buckets)',
    format: 'money',
    domain: 'Portfolio metrics (one period)',
    short: 'Rep time in meetings and calls at the daily rate; it already sits inside the cost buckets.',
    better: 'down',
    tile: true,
  },
  {
    name: 'meetings',
    scope: 'portfolio',
    label: 'Meetings',
    format: 'count',
    domain: 'Portfolio metrics (one period)',
    short: 'Meetings with every account, added up.',
  },
  {
    name: 'calls',
    scope: 'portfolio',
    label: 'Calls',
    format: 'count',
    domain: 'Portfolio metrics (one period)',
    short: 'Calls with every account, added up.',
  },
  {
    name: 'lossMakers',
    scope: 'portfolio',
    label: 'Loss-making accounts',
    shortLabel: 'Loss makers',
    format: 'count',
    domain: 'Portfolio metrics (one period)',
    short: 'Accounts whose total cost is more than their revenue.',
    better: 'down',
    tile: true,
    help: {
      title: 'Loss makers and profit given back',
      words: 'Loss makers: accounts with a negative profit; profit given back is what they lose, added up.',
      example: 'Three accounts lose 4,000, 9,000 and 12,000: 3 loss makers, 25,000 of profit given back.',
      action: 'Open each one\'s Customer Picture and decide: reprice, serve differently, or exit.',
    },
  },
  {
    name: 'profitGivenBack',
    scope: 'portfolio',
    label: 'Profit given back',
    format: 'money',
    domain: 'Portfolio metrics (one period)',
    short: 'What the loss-making accounts lose, added up: profit the rest earn and these give back.',
    better: 'down',
    tile: true,
    helpFrom: 'lossMakers',
  },
  {
    name: 'whaleCurve',
    scope: 'portfolio',
    label: 'Whale curve',
    format: 'curve',
    domain: 'Portfolio metrics (one period)',
    help: {
      title: 'Whale curve',
      words: 'Whale curve: the cumulative share of total profit against the share of accounts, most profitable first; not drawn when the portfolio makes no profit.',
      example: 'The curve rises to 180% at 60% of accounts, then falls to 100%: the last 40% give back 80% of the profit.',
      action: 'The falling tail is the list of accounts to fix first.',
    },
  },
  {
    name: 'whalePeak',
    scope: 'portfolio',
    label: 'Whale peak',
    format: 'percent',
    decimals: 0,
    domain: 'Portfolio metrics (one period)',
    short: 'The most profitable accounts earn this share of total profit before the tail gives some back; 150% to 300% is typical.',
    better: 'down',
    tile: true,
    help: {
      title: 'Whale peak',
      words: 'Whale peak: the highest point of the whale curve, how much the profitable accounts earn before the tail gives some back (150% to 300% is typical).',
      example: 'A peak of 180%: the profitable accounts earn 1.8 times the total profit; the rest lose 0.8 of it.',
      action: 'A falling peak across periods means the tail is being fixed.',
    },
  },
  {
    name: 'top20Share',
    scope: 'portfolio',
    label: 'Top 20% share',
    longLabel: 'Top 20% share of profit',
    format: 'percent',
    decimals: 0,
    domain: 'Portfolio metrics (one period)',
    short: 'Share of total profit earned by the most profitable fifth of accounts.',
    better: 'down',
    tile: true,
    help: {
      title: 'Top 20% share',
      words: 'Top 20% share: profit of the most profitable fifth of accounts (rounded up) divided by total profit.',
      example: '10 accounts: the top 2 make 70,000 of a total profit of 100,000, so 70%.',
      action: 'Far above 80% means the portfolio depends on a few accounts: protect them and spread the risk.',
    },
  },
  {
    name: 'churnRate',
    scope: 'portfolio',
    label: 'Churn rate',
    format: 'percent',
    domain: 'Portfolio metrics (one period)',
    short: 'Accounts lost this period divided by the customers at its start (active plus churned).',
    better: 'down',
    tile: true,
    help: {
      title: 'Churn rate',
      words: 'Churn rate: accounts lost this period divided by the customers at its start (active plus churned; new ones were not).',
      example: '36 active, 4 churned and 5 new accounts: 4 / (36 + 4) = 10%.',
      action: 'Look at the churned accounts\' last CSAT and NPS: the warning is usually there a period earlier.',
    },
  },
  {
    name: 'nps',
    scope: 'portfolio',
    label: 'NPS',
    format: 'score',
    domain: 'Portfolio metrics (one period)',
    short: 'Promoters (9-10) minus detractors (0-6) as a share of rated accounts, from -100 to 100.',
    better: 'up',
    tile: true,
    help: {
      title: 'NPS',
      words: 'NPS: 100 x (promoters rating 9-10 minus detractors rating 0-6) / accounts rated, from -100 to 100.',
      example: '20 accounts rated: 9 promoters, 4 detractors: 100 × (9 − 4) / 20 = 25.',
      action: 'Call the detractors in classes A and B first: they are the profit at risk.',
    },
  },
  {
    name: 'csat',
    scope: 'portfolio',
    label: 'CSAT',
    format: 'percent',
    domain: 'Portfolio metrics (one period)',
    short: 'Share of rated accounts whose key contact rates satisfaction 4 or 5 out of 5.',
    better: 'up',
    tile: true,
    help: {
      title: 'CSAT',
      words: 'CSAT: the share of rated accounts whose key contact rates satisfaction 4 or 5 out of 5.',
      example: '15 of 20 rated accounts give 4 or 5: 75%.',
      action: 'A low CSAT with a high cost to serve means the service effort is not landing: ask what they need.',
    },
  },
  {
    name: 'upsell',
    scope: 'portfolio',
    label: 'Upsell revenue',
    format: 'money',
    domain: 'Portfolio metrics (one period)',
    short: 'Revenue from selling more of the same, inside revenue.',
    better: 'up',
    tile: true,
    helpFrom: 'expansionShare',
  },
  {
    name: 'crossSell',
    scope: 'portfolio',
    label: 'Cross-sell revenue',
    format: 'money',
    domain: 'Portfolio metrics (one period)',
    short: 'Revenue from selling other products, inside revenue.',
    better: 'up',
    tile: true,
    helpFrom: 'expansionShare',
  },
  {
    name: 'referrals',
    scope: 'portfolio',
    label: 'Referrals',
    format: 'count',
    domain: 'Portfolio metrics (one period)',
    short: 'New customers the accounts referred, added up.',
    better: 'up',
  },
  {
    name: 'referralRate',
    scope: 'portfolio',
    label: 'Referral rate',
    format: 'percent',
    domain: 'Portfolio metrics (one period)',
    short: 'Accounts that referred at least one new customer, out of those that report referrals.',
    better: 'up',
    tile: true,
    help: {
      title: 'Referral rate',
      words: 'Referral rate: accounts that referred at least one new customer, out of those that report referrals.',
      example: '3 of the 12 accounts reporting referrals referred someone: 25%.',
      action: 'Promoters who have never referred anyone are an easy ask.',
    },
  },
  {
    name: 'revenueSplit',
    scope: 'portfolio',
    label: 'Revenue split',
    format: 'money',
    domain: 'Segmentation',
    short: 'The revenue that splits the matrix: the assumption when set, else the median account revenue.',
  },
  {
    name: 'marginSplit',
    scope: 'portfolio',
    label: 'Margin split',
    format: 'percent',
    domain: 'Segmentation',
    short: 'The margin that splits the matrix: the assumption when set, else the portfolio margin.',
  },
  {
    name: 'preCall',
    scope: 'concept',
    label: 'Pre-call check',
    format: 'text',
    domain: 'Interactions and the pre-call check',
    help: {
      title: 'Pre-call check',
      words: 'Pre-call check: cost = (hours + prep hours) x attendees x daily rate / hours per day + travel; expected return = projected revenue x win probability; Invest at 3x and above, Review from 1x, Skip below.',
      example: '(2 h + 1 h prep) × 2 people × 1,000 / 8 + 300 travel = 1,050; 20,000 × 25% = 5,000 expected: 4.8x, Invest.',
      action: 'Skip means the meeting costs more than it can bring: make it a call, or send someone else.',
    },
  },
] as const satisfies readonly MetricSpec[];

export type Metric = (typeof METRICS)[number];
export type AccountMetric = Extract<Metric, { scope: 'account' }>['name'];
export type PortfolioMetric = Extract<Metric, { scope: 'portfolio' }>['name'];

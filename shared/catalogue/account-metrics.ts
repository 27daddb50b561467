import type { MetricSpec } from './metric-spec';

/** DOMAIN.md, "Per-account metrics" and "Segmentation": the sheet's computed columns, the export's and the report's. */
export const ACCOUNT_METRICS = [
  {
    name: 'totalCost', scope: 'account', label: 'Total cost',
    format: 'money', sheet: true, domain: 'Per-account metrics',
    short: 'Total cost: presale + production + distribution + post-sale service + labour.',
    help: {
      title: 'Total cost',
      words: 'Total cost: presale + production + distribution + post-sale service + labour.',
      example: 'Presale 8,000 + production 50,000 + distribution 6,000 + service 9,000 + labour 12,000 = 85,000.',
      action: 'Fill all five buckets, even roughly: an empty bucket counts as 0 and flatters the account.',
    },
  },
  {
    name: 'profit', scope: 'account', label: 'Profit',
    format: 'money', sheet: true, domain: 'Per-account metrics',
    short: 'Profit: revenue minus total cost. Shown in red with a minus sign when the account loses money.',
    help: {
      title: 'Profit',
      words: 'Profit: revenue minus total cost.',
      example: 'Revenue 120,000 − total cost 85,000 = 35,000. Losses show in red with a minus sign.',
      action: 'Sort the sheet by profit: the accounts at the bottom are where the conversation starts.',
    },
  },
  {
    name: 'margin', scope: 'account', label: 'Margin',
    format: 'percent', sheet: true, domain: 'Per-account metrics',
    short: 'Margin: profit as a share of revenue. Empty when the account has no revenue.',
    help: {
      title: 'Margin',
      words: 'Margin: profit divided by revenue (none when revenue is 0).',
      example: '35,000 / 120,000 = 29.2%.',
      action: 'A thin margin on a big account (segment Fix) is fixed by price or by the cost to serve, not by selling more.',
    },
  },
  {
    name: 'roi', scope: 'account', label: 'ROI',
    format: 'percent', sheet: true, domain: 'Per-account metrics',
    short: 'ROI: profit divided by total cost, what each unit spent on the account earns back.',
    help: {
      title: 'ROI',
      words: 'ROI: profit divided by total cost (none when there is no cost).',
      example: '35,000 / 85,000 = 41.2%: each 1.00 spent on the account earns 0.41 back.',
      action: 'Compare accounts of different sizes by ROI, not by profit, before moving effort between them.',
    },
  },
  {
    name: 'costToRevenue', scope: 'account', label: 'Cost / revenue', longLabel: 'Cost to revenue',
    format: 'multiple', sheet: true, domain: 'Per-account metrics',
    short: 'Cost to revenue: total cost divided by revenue. Above 1.00x the account costs more than it brings.',
    help: {
      title: 'Cost to revenue',
      words: 'Cost to revenue: total cost divided by revenue; above 1 the account costs more than it brings.',
      example: '85,000 / 120,000 = 0.71x. An account at 1.20x loses 20 cents of every unit it brings.',
      action: 'Anything above 1.00x needs a plan: reprice, serve it more cheaply, or let it go.',
    },
  },
  {
    name: 'costToServe', scope: 'account', label: 'Cost to serve',
    format: 'money', domain: 'Per-account metrics',
    short: 'Cost to serve: distribution + post-sale service + labour, what it takes after the sale.',
    help: {
      title: 'Cost to serve',
      words: 'Cost to serve: distribution + post-sale service + labour, what it takes after the sale.',
      example: '6,000 + 9,000 + 12,000 = 27,000.',
      action: 'A high cost to serve on a small account is the classic hidden loss: move it to a cheaper channel.',
    },
  },
  {
    name: 'interactionCost', scope: 'account', label: 'Interaction cost',
    format: 'money', sheet: true, domain: 'Per-account metrics',
    short: 'Interaction cost: rep time in meetings and calls, (meetings x meeting hours + calls x call hours) x daily rate / hours per day. It already sits inside the buckets, so it is never added to total cost.',
    help: {
      title: 'Interaction cost',
      words: 'Interaction cost: (meetings x meeting hours + calls x call hours) x daily rate / hours per day. It is rep time already inside the buckets, never added to total cost.',
      example: '(6 meetings × 1.6 h + 20 calls × 0.4 h) × 1,000 a day / 8 h = 2,200.',
      action: 'Run the pre-call check before a meeting on an account whose interaction cost is high against its profit.',
    },
  },
  {
    name: 'revenuePerInteraction', scope: 'account', label: 'Revenue per interaction',
    format: 'money', domain: 'Per-account metrics',
    short: 'Revenue per interaction: revenue divided by meetings plus calls.',
    help: {
      title: 'Revenue per interaction',
      words: 'Revenue per interaction: revenue divided by meetings plus calls.',
      example: '120,000 / (6 + 20) = 4,615 per meeting or call.',
      action: 'Low figures mean many touches for little business: fewer, better-prepared meetings.',
    },
  },
  {
    name: 'clv', scope: 'account', label: 'CLV', longLabel: 'Customer lifetime value',
    format: 'money', sheet: true, domain: 'Per-account metrics',
    short: 'Customer lifetime value: average order value x purchases per year x lifespan when all three are given, otherwise revenue x lifespan (the default lifespan when none is given).',
    help: {
      title: 'Customer lifetime value (CLV)',
      words: 'Customer lifetime value: average order value x purchases per year x lifespan when all three are given; otherwise revenue x lifespan (the default lifespan when none is given).',
      example: '10,000 average order × 12 a year × 3 years = 360,000.',
      action: 'Weigh a loss-making year against the lifetime: a young account with a high CLV may be worth the investment.',
    },
  },
  {
    name: 'lifetimeProfit', scope: 'account', label: 'Lifetime profit',
    format: 'money', domain: 'Per-account metrics',
    short: 'Lifetime profit: CLV x margin.',
    help: {
      title: 'Lifetime profit',
      words: 'Lifetime profit: CLV x margin.',
      example: '360,000 × 29.2% = 105,000.',
      action: 'Use it, not revenue, to decide how much presale effort a renewal deserves.',
    },
  },
  {
    name: 'valueMultiple', scope: 'account', label: 'Value multiple',
    format: 'multiple', domain: 'Per-account metrics',
    short: 'Value multiple: value delivered to the customer divided by revenue.',
    help: {
      title: 'Value multiple',
      words: 'Value multiple: value delivered to the customer divided by revenue.',
      example: 'Value delivered 180,000 / revenue 120,000 = 1.50x.',
      action: 'Above 1x you have room to price for the value; below it, expect churn.',
    },
  },
  {
    name: 'expansionShare', scope: 'account', label: 'Expansion share',
    format: 'percent', domain: 'Per-account metrics',
    short: 'Expansion share: upsell plus cross-sell revenue divided by revenue.',
    help: {
      title: 'Expansion share',
      words: 'Expansion share: upsell plus cross-sell revenue divided by revenue.',
      example: '(upsell 15,000 + cross-sell 9,000) / 120,000 = 20%.',
      action: 'Accounts in Develop with a low expansion share are where growth is cheapest.',
    },
  },
  {
    name: 'npsCategory', scope: 'account', label: 'NPS category',
    format: 'text', helpFrom: 'nps', domain: 'Per-account metrics',
    short: 'NPS category: promoter (rating 9-10), passive (7-8) or detractor (0-6).',
  },
  {
    name: 'segment', scope: 'account', label: 'Segment',
    format: 'text', sheet: true, domain: 'Segmentation',
    short: 'Segment from the profitability matrix: revenue against the revenue split, margin against the margin split. Protect (big, good margin), Fix (big, thin), Develop (small, good margin), Reassess (small, thin). A pinned segment wins.',
    help: {
      title: 'Segment (profitability matrix)',
      words: 'Segment: revenue against the revenue split (the median account revenue unless set) and margin against the margin split (the portfolio margin unless set), ties to the high side: Protect (big, good margin), Fix (big, thin), Develop (small, good margin), Reassess (small, thin, or no revenue). A pinned segment wins.',
      example: 'Median revenue 80,000, portfolio margin 22%: an account of 120,000 at 29% is Protect; one of 40,000 at 10% is Reassess.',
      action: 'Protect: keep the team. Fix: reprice or cut the cost to serve. Develop: grow. Reassess: serve more cheaply or exit.',
    },
  },
  {
    name: 'paretoClass', scope: 'account', label: 'Class', longLabel: 'Pareto class',
    format: 'text', sheet: true, domain: 'Segmentation',
    short: 'Pareto class on profit: A makes the first 80% of profit, B the next 15%, C the rest of the profitable accounts, D makes none.',
    help: {
      title: 'Pareto class',
      words: 'Pareto class: accounts by profit, highest first; A while the profit counted before them is under 80% of all positive profit, B under 95%, C the rest that make a profit, D those that do not.',
      example: 'Of 40 accounts, the 7 most profitable make 80% of the profit: class A. Those losing money are D.',
      action: 'Give class A your best people; ask of every D account what would make it profitable.',
    },
  },
] as const satisfies readonly MetricSpec[];

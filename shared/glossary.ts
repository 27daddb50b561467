/**
 * Every metric of DOMAIN.md in plain words: what it is and how it is
 * computed (`words`, also the last page of the workshop report), an example
 * with numbers, and what a director can do about it. The window's Help
 * (F1, the ? beside computed headers and KPI tiles) and docs/metrics.md read
 * this list; the header tooltips and tile sentences are shorter texts of their own.
 */
export interface GlossaryEntry {
  /** The DOMAIN.md name: a column id of the sheet, a key of the portfolio figures, or a concept. */
  name: string;
  title: string;
  /** What it is and the formula. */
  words: string;
  example: string;
  /** What to do about it. */
  action: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    name: 'totalCost',
    title: 'Total cost',
    words: 'Total cost: presale + production + distribution + post-sale service + labour.',
    example: 'Presale 8,000 + production 50,000 + distribution 6,000 + service 9,000 + labour 12,000 = 85,000.',
    action: 'Fill all five buckets, even roughly: an empty bucket counts as 0 and flatters the account.',
  },
  {
    name: 'profit',
    title: 'Profit',
    words: 'Profit: revenue minus total cost.',
    example: 'Revenue 120,000 − total cost 85,000 = 35,000. Losses show in red with a minus sign.',
    action: 'Sort the sheet by profit: the accounts at the bottom are where the conversation starts.',
  },
  {
    name: 'margin',
    title: 'Margin',
    words: 'Margin: profit divided by revenue (none when revenue is 0).',
    example: '35,000 / 120,000 = 29.2%.',
    action: 'A thin margin on a big account (segment Fix) is fixed by price or by the cost to serve, not by selling more.',
  },
  {
    name: 'roi',
    title: 'ROI',
    words: 'ROI: profit divided by total cost (none when there is no cost).',
    example: '35,000 / 85,000 = 41.2%: each 1.00 spent on the account earns 0.41 back.',
    action: 'Compare accounts of different sizes by ROI, not by profit, before moving effort between them.',
  },
  {
    name: 'costToRevenue',
    title: 'Cost to revenue',
    words: 'Cost to revenue: total cost divided by revenue; above 1 the account costs more than it brings.',
    example: '85,000 / 120,000 = 0.71x. An account at 1.20x loses 20 cents of every unit it brings.',
    action: 'Anything above 1.00x needs a plan: reprice, serve it more cheaply, or let it go.',
  },
  {
    name: 'costToServe',
    title: 'Cost to serve',
    words: 'Cost to serve: distribution + post-sale service + labour, what it takes after the sale.',
    example: '6,000 + 9,000 + 12,000 = 27,000.',
    action: 'A high cost to serve on a small account is the classic hidden loss: move it to a cheaper channel.',
  },
  {
    name: 'interactionCost',
    title: 'Interaction cost',
    words:
      'Interaction cost: (meetings x meeting hours + calls x call hours) x daily rate / hours per day. It is rep time already inside the buckets, never added to total cost.',
    example: '(6 meetings × 1.6 h + 20 calls × 0.4 h) × 1,000 a day / 8 h = 2,200.',
    action: 'Run the pre-call check before a meeting on an account whose interaction cost is high against its profit.',
  },
  {
    name: 'revenuePerInteraction',
    title: 'Revenue per interaction',
    words: 'Revenue per interaction: revenue divided by meetings plus calls.',
    example: '120,000 / (6 + 20) = 4,615 per meeting or call.',
    action: 'Low figures mean many touches for little business: fewer, better-prepared meetings.',
  },
  {
    name: 'clv',
    title: 'Customer lifetime value (CLV)',
    words:
      'Customer lifetime value: average order value x purchases per year x lifespan when all three are given; otherwise revenue x lifespan (the default lifespan when none is given).',
    example: '10,000 average order × 12 a year × 3 years = 360,000.',
    action: 'Weigh a loss-making year against the lifetime: a young account with a high CLV may be worth the investment.',
  },
  {
    name: 'lifetimeProfit',
    title: 'Lifetime profit',
    words: 'Lifetime profit: CLV x margin.',
    example: '360,000 × 29.2% = 105,000.',
    action: 'Use it, not revenue, to decide how much presale effort a renewal deserves.',
  },
  {
    name: 'valueMultiple',
    title: 'Value multiple',
    words: 'Value multiple: value delivered to the customer divided by revenue.',
    example: 'Value delivered 180,000 / revenue 120,000 = 1.50x.',
    action: 'Above 1x you have room to price for the value; below it, expect churn.',
  },
  {
    name: 'expansionShare',
    title: 'Expansion share',
    words: 'Expansion share: upsell plus cross-sell revenue divided by revenue.',
    example: '(upsell 15,000 + cross-sell 9,000) / 120,000 = 20%.',
    action: 'Accounts in Develop with a low expansion share are where growth is cheapest.',
  },
  {
    name: 'segment',
    title: 'Segment (profitability matrix)',
    words:
      'Segment: revenue against the revenue split (the median account revenue unless set) and margin against the margin split (the portfolio margin unless set), ties to the high side: Protect (big, good margin), Fix (big, thin), Develop (small, good margin), Reassess (small, thin, or no revenue). A pinned segment wins.',
    example: 'Median revenue 80,000, portfolio margin 22%: an account of 120,000 at 29% is Protect; one of 40,000 at 10% is Reassess.',
    action: 'Protect: keep the team. Fix: reprice or cut the cost to serve. Develop: grow. Reassess: serve more cheaply or exit.',
  },
  {
    name: 'paretoClass',
    title: 'Pareto class',
    words:
      'Pareto class: accounts by profit, highest first; A while the profit counted before them is under 80% of all positive profit, B under 95%, C the rest that make a profit, D those that do not.',
    example: 'Of 40 accounts, the 7 most profitable make 80% of the profit: class A. Those losing money are D.',
    action: 'Give class A your best people; ask of every D account what would make it profitable.',
  },
  {
    name: 'whaleCurve',
    title: 'Whale curve',
    words:
      'Whale curve: the cumulative share of total profit against the share of accounts, most profitable first; not drawn when the portfolio makes no profit.',
    example: 'The curve rises to 180% at 60% of accounts, then falls to 100%: the last 40% give back 80% of the profit.',
    action: 'The falling tail is the list of accounts to fix first.',
  },
  {
    name: 'whalePeak',
    title: 'Whale peak',
    words:
      'Whale peak: the highest point of the whale curve, how much the profitable accounts earn before the tail gives some back (150% to 300% is typical).',
    example: 'A peak of 180%: the profitable accounts earn 1.8 times the total profit; the rest lose 0.8 of it.',
    action: 'A falling peak across periods means the tail is being fixed.',
  },
  {
    name: 'top20Share',
    title: 'Top 20% share',
    words: 'Top 20% share: profit of the most profitable fifth of accounts (rounded up) divided by total profit.',
    example: '10 accounts: the top 2 make 70,000 of a total profit of 100,000, so 70%.',
    action: 'Far above 80% means the portfolio depends on a few accounts: protect them and spread the risk.',
  },
  {
    name: 'lossMakers',
    title: 'Loss makers and profit given back',
    words: 'Loss makers: accounts with a negative profit; profit given back is what they lose, added up.',
    example: 'Three accounts lose 4,000, 9,000 and 12,000: 3 loss makers, 25,000 of profit given back.',
    action: 'Open each one\'s Customer Picture and decide: reprice, serve differently, or exit.',
  },
  {
    name: 'churnRate',
    title: 'Churn rate',
    words: 'Churn rate: accounts lost this period divided by the customers at its start (active plus churned; new ones were not).',
    example: '36 active, 4 churned and 5 new accounts: 4 / (36 + 4) = 10%.',
    action: 'Look at the churned accounts\' last CSAT and NPS: the warning is usually there a period earlier.',
  },
  {
    name: 'nps',
    title: 'NPS',
    words: 'NPS: 100 x (promoters rating 9-10 minus detractors rating 0-6) / accounts rated, from -100 to 100.',
    example: '20 accounts rated: 9 promoters, 4 detractors: 100 × (9 − 4) / 20 = 25.',
    action: 'Call the detractors in classes A and B first: they are the profit at risk.',
  },
  {
    name: 'csat',
    title: 'CSAT',
    words: 'CSAT: the share of rated accounts whose key contact rates satisfaction 4 or 5 out of 5.',
    example: '15 of 20 rated accounts give 4 or 5: 75%.',
    action: 'A low CSAT with a high cost to serve means the service effort is not landing: ask what they need.',
  },
  {
    name: 'referralRate',
    title: 'Referral rate',
    words: 'Referral rate: accounts that referred at least one new customer, out of those that report referrals.',
    example: '3 of the 12 accounts reporting referrals referred someone: 25%.',
    action: 'Promoters who have never referred anyone are an easy ask.',
  },
  {
    name: 'preCall',
    title: 'Pre-call check',
    words:
      'Pre-call check: cost = (hours + prep hours) x attendees x daily rate / hours per day + travel; expected return = projected revenue x win probability; Invest at 3x and above, Review from 1x, Skip below.',
    example: '(2 h + 1 h prep) × 2 people × 1,000 / 8 + 300 travel = 1,050; 20,000 × 25% = 5,000 expected: 4.8x, Invest.',
    action: 'Skip means the meeting costs more than it can bring: make it a call, or send someone else.',
  },
];

/** The glossary entry a sheet column or a KPI tile explains (portfolio figures that belong to a wider entry map onto it). */
const ALIASES: Record<string, string> = { profitGivenBack: 'lossMakers', upsell: 'expansionShare', crossSell: 'expansionShare' };

export function glossaryEntry(name: string): GlossaryEntry | undefined {
  const key = ALIASES[name] ?? name;
  return GLOSSARY.find((g) => g.name === key);
}

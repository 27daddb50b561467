/**
 * Every metric of DOMAIN.md in plain words, for the last page of the
 * workshop report: what it is and how it is computed.
 */
export const GLOSSARY: readonly { name: string; words: string }[] = [
  { name: 'totalCost', words: 'Total cost: presale + production + distribution + post-sale service + labour.' },
  { name: 'profit', words: 'Profit: revenue minus total cost.' },
  { name: 'margin', words: 'Margin: profit divided by revenue (none when revenue is 0).' },
  { name: 'roi', words: 'ROI: profit divided by total cost (none when there is no cost).' },
  { name: 'costToRevenue', words: 'Cost to revenue: total cost divided by revenue; above 1 the account costs more than it brings.' },
  { name: 'costToServe', words: 'Cost to serve: distribution + post-sale service + labour, what it takes after the sale.' },
  { name: 'interactionCost', words: 'Interaction cost: (meetings x meeting hours + calls x call hours) x daily rate / hours per day. It is rep time already inside the buckets, never added to total cost.' },
  { name: 'revenuePerInteraction', words: 'Revenue per interaction: revenue divided by meetings plus calls.' },
  { name: 'clv', words: 'Customer lifetime value: average order value x purchases per year x lifespan when all three are given; otherwise revenue x lifespan (the default lifespan when none is given).' },
  { name: 'lifetimeProfit', words: 'Lifetime profit: CLV x margin.' },
  { name: 'valueMultiple', words: 'Value multiple: value delivered to the customer divided by revenue.' },
  { name: 'expansionShare', words: 'Expansion share: upsell plus cross-sell revenue divided by revenue.' },
  { name: 'segment', words: 'Segment: revenue against the revenue split (the median account revenue unless set) and margin against the margin split (the portfolio margin unless set), ties to the high side: Protect (big, good margin), Fix (big, thin), Develop (small, good margin), Reassess (small, thin, or no revenue). A pinned segment wins.' },
  { name: 'paretoClass', words: 'Pareto class: accounts by profit, highest first; A while the profit counted before them is under 80% of all positive profit, B under 95%, C the rest that make a profit, D those that do not.' },
  { name: 'whaleCurve', words: 'Whale curve: the cumulative share of total profit against the share of accounts, most profitable first; not drawn when the portfolio makes no profit.' },
  { name: 'whalePeak', words: 'Whale peak: the highest point of the whale curve, how much the profitable accounts earn before the tail gives some back (150% to 300% is typical).' },
  { name: 'top20Share', words: 'Top 20% share: profit of the most profitable fifth of accounts (rounded up) divided by total profit.' },
  { name: 'lossMakers', words: 'Loss makers: accounts with a negative profit; profit given back is what they lose, added up.' },
  { name: 'churnRate', words: 'Churn rate: accounts lost this period divided by the customers at its start (active plus churned; new ones were not).' },
  { name: 'nps', words: 'NPS: 100 x (promoters rating 9-10 minus detractors rating 0-6) / accounts rated, from -100 to 100.' },
  { name: 'csat', words: 'CSAT: the share of rated accounts whose key contact rates satisfaction 4 or 5 out of 5.' },
  { name: 'referralRate', words: 'Referral rate: accounts that referred at least one new customer, out of those that report referrals.' },
  { name: 'preCall', words: 'Pre-call check: cost = (hours + prep hours) x attendees x daily rate / hours per day + travel; expected return = projected revenue x win probability; Invest at 3x and above, Review from 1x, Skip below.' },
];

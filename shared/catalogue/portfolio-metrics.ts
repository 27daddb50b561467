import type { MetricSpec } from './metric-spec';

/** DOMAIN.md, "Portfolio metrics (one period)": the tiles, trends, scenario and report tables; and the help's concepts. */
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

/** What the help explains that is not a figure of its own. */
export const CONCEPTS = [
  {
    name: 'preCall', scope: 'concept', label: 'Pre-call check',
    format: 'text', domain: 'Interactions and the pre-call check',
    help: {
      title: 'Pre-call check',
      words: 'Pre-call check: cost = (hours + prep hours) x attendees x daily rate / hours per day + travel; expected return = projected revenue x win probability; Invest at 3x and above, Review from 1x, Skip below.',
      example: '(2 h + 1 h prep) × 2 people × 1,000 / 8 + 300 travel = 1,050; 20,000 × 25% = 5,000 expected: 4.8x, Invest.',
      action: 'Skip means the meeting costs more than it can bring: make it a call, or send someone else.',
    },
  },
  {
    name: 'loggedInteractionCost', scope: 'concept', label: 'Cost of a logged interaction',
    format: 'money', domain: 'Interactions and the pre-call check',
    help: {
      title: 'Cost of a logged interaction',
      words: "Cost of a logged interaction (the Interactions log, its Interaction cost tile and column): (hours + prep hours) x attendees x daily rate / hours per day + travel, for the interactions held; a planned one has cost nothing yet. Unlike the sheet's interaction cost, it counts each interaction as it really was.",
      example: 'A 2-hour meeting with 1 hour of preparation, 2 people, 300 of travel, at 1,000 a day of 8 hours: (2 + 1) × 2 × 1,000 / 8 + 300 = 1,050.',
      action: 'Compare it with what the account brings: the pre-call check asks the question before the meeting, the log answers it after.',
    },
  },
  {
    name: 'recognisedShare', scope: 'concept', label: 'Recognised share',
    format: 'percent', domain: 'Interactions and the pre-call check',
    help: {
      title: 'Recognised share',
      words: 'Recognised share (the Interactions log, the owner scorecard, the Customer Picture): the cost of the held interactions the customer said they valued, divided by the cost of those with a yes or no answer. Interactions with no answer do not count either way.',
      example: 'Of 8 interactions with an answer, costing 4,000 in all, the customer valued 2 costing 600: 600 / 4,000 = 15%. Customers recognise only about 10% of the activity done for them.',
      action: 'Ask after each meeting whether it was worth their time. Stop or reshape the activity nobody values, and tell the customer about the work that helps them.',
    },
  },
  {
    name: 'profitPerInteractionHour', scope: 'concept', label: 'Profit per interaction hour',
    format: 'money', domain: 'Per-account metrics',
    help: {
      title: 'Profit per interaction hour',
      words: "Profit per interaction hour (the owner scorecard, which ranks by it): the profit of a key account director's accounts divided by their interaction hours, meetings x meeting hours + calls x call hours from the sheet.",
      example: 'Accounts making 240,000 of profit, with 50 meetings of 1.6 hours and 200 calls of 0.4 hours: 240,000 / (80 + 80) = 1,500 an hour.',
      action: 'Value, not volume: a director high on hours and low on this ranking is busy with accounts that do not pay for the time.',
    },
  },
  {
    name: 'poolRate', scope: 'concept', label: 'Rate per minute',
    format: 'money', domain: 'Cost pools (time-driven allocation)',
    help: {
      title: 'Rate per minute (cost pools)',
      words: "Rate per minute of a cost pool: what the team costs in the period (with what other pools pass to it) divided by its practical capacity in minutes, people x hours x 60 x about 80%, not by the minutes it was busy. Rates are never rounded before use; only the display rounds.",
      example: 'A customer service team costing 560,000 with 700,000 minutes of practical capacity: 560,000 / 700,000 = 0.80 a minute.',
      action: 'Check the capacity before the cost: an understated capacity makes every customer look dearer to serve than it is.',
    },
  },
  {
    name: 'allocatedCost', scope: 'concept', label: 'Allocated cost',
    format: 'money', domain: 'Cost pools (time-driven allocation)',
    help: {
      title: 'Allocated cost and used minutes',
      words: "Allocated cost (time-driven): an account's count of an activity x its minutes per unit x the pool's rate, added to the bucket the pool feeds for that account. A pool's used minutes are the sum of count x minutes per unit over its accounts; allocated = used minutes x rate. Rate-based activities allocate count x a cost per unit instead.",
      example: '49,000 orders × 8 + 1,400 inquiries × 44 + 2,500 credit checks × 50 = 578,600 minutes; × 0.80 = 462,880 allocated. An account with 100 orders takes 100 × 8 × 0.80 = 640 into its bucket.',
      action: "Read an account's allocation activity by activity (hover a bucket, or the Customer Picture): a surprise is either a count to check or a way of working to change.",
    },
  },
  {
    name: 'unusedCapacity', scope: 'concept', label: 'Unused capacity',
    format: 'money', domain: 'Cost pools (time-driven allocation)',
    help: {
      title: 'Unused capacity and over capacity',
      words: "Unused capacity: a pool's cost (with what it received from pools), less what it allocated to accounts and passed to other pools; capacity paid for and not used. It is shown, never spread over the accounts. Over capacity: used minutes above the practical capacity, flagged, with the cost of the extra minutes.",
      example: '560,000 of cost, 462,880 allocated: 97,120 unused, about 17% of the team. A pool of 10,000 minutes whose activities use 11,000 is 1,000 minutes over capacity.',
      action: 'Unused capacity is a decision, not a customer cost: grow into it, redeploy it or shrink it. Over capacity means overtime, a missing person, or minutes per unit set too high.',
    },
  },
  {
    name: 'tieOut', scope: 'concept', label: 'Tie-out',
    format: 'text', domain: 'Cost pools (time-driven allocation)',
    help: {
      title: 'Tie-out',
      words: 'Tie-out (the Balance tab): for every pool, cost + received from pools = to accounts + to other pools + unused capacity, less any over capacity, to the cent; and for every bucket the pools feed, what was typed before + what was allocated = what the sheet now holds. A check mark when it holds, else by how much it is off.',
      example: '560,000 + 0 received = 462,880 to accounts + 0 to other pools + 97,120 unused: ties out ✓.',
      action: 'A pool that does not tie out has a setup to correct (a split that does not add to 100%, a driver with no accounts): fix it on the Setup tab before using its figures.',
    },
  },
  {
    name: 'twoStages', scope: 'concept', label: 'Received from pools and to other pools',
    format: 'money', domain: 'Cost pools (time-driven allocation)',
    help: {
      title: 'Received from pools and to other pools (two stages)',
      words: 'Two stages: a pool (IT, facilities) may pass its cost to other pools, by a split that adds to 100% or by their share of a driver, before activities reach accounts; no pool may feed itself round a circle. What a pool receives adds to its cost, and so to its rate per minute.',
      example: 'IT costing 100,000 passes 60% to customer service and 40% to order handling: customer service receives 60,000, and its rate is (560,000 + 60,000) / 700,000 = 0.89 a minute.',
      action: 'Pass a support pool on by what really drives it (tickets, users), so that the accounts that use it carry it.',
    },
  },
  {
    name: 'timeEquation', scope: 'concept', label: 'Time equation',
    format: 'text', domain: 'Cost pools (time-driven allocation)',
    help: {
      title: 'Time equation',
      words: "Time equation: an activity's minutes for one transaction line = base minutes + minutes x a number on the line (lines, kilos) + minutes when an attribute has a value (a new customer, an expedited order). An account's minutes are the sum over its lines; its allocation = minutes x the pool's rate.",
      example: 'Order entry = 5 + 3 × lines + 15 if the customer is new + 10 if expedited: a 4-line order of a new customer, expedited, takes 5 + 12 + 15 + 10 = 42 minutes; at 0.80 a minute, 33.60.',
      action: 'Add a term only where the time really varies: the terms show which customer habits (rush orders, many small lines) cost the most.',
    },
  },
  {
    name: 'costLevel', scope: 'concept', label: 'Cost hierarchy level',
    format: 'text', domain: 'Cost pools (time-driven allocation)',
    help: {
      title: 'Cost hierarchy level',
      words: 'Level of an activity in the customer cost hierarchy: order (each order: entry, picking), delivery (each shipment), customer-sustaining (the account whatever it buys: a key account team, reviews) or channel (a distributor, a marketplace). The Customer Picture sums an account\'s allocated cost by level.',
      example: 'An account with 2,000 of order cost, 1,500 of delivery and 6,000 of customer-sustaining cost is expensive for who it is, not for what it orders.',
      action: 'Order and delivery cost shrink with bigger, fewer orders (minimums, bundling); customer-sustaining cost with a lighter service model.',
    },
  },
] as const satisfies readonly MetricSpec[];

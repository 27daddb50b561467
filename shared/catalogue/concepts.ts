import type { MetricSpec } from './metric-spec';

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
  {
    name: 'dimension', scope: 'concept', label: 'Dimension',
    format: 'text', domain: 'Plan, dimensions',
    help: {
      title: 'Dimension (region, industry, ...)',
      words: "Dimension: your workbook's own grouping of accounts (region, industry, channel, tier: any name), a text value per account, kept in every period. The dashboard filters by a value and groups by it as by owner (By region: accounts, revenue, total cost, profit, ROI and share of profit per value; the accounts with no value last), Trends and Scenarios select accounts by it (cpw scenario --where region=EMEA). Add one with Dimensions… in the Sheet toolbar, or keep a column when importing (Keep as a dimension; cpw import ... --dimension region=Region).",
      example: 'Acme (revenue 1,000, cost 100) and Beta (2,000, 300) in EMEA, Cara (500, 600) in Americas, Dell with no region (800, 200): By region shows EMEA with 2 accounts and a profit of 2,600, 2,600 / 3,100 = 84% of the profit; Americas -100; (no region) 600.',
      action: 'Group by each dimension in turn: a region or an industry that gives profit away is a pricing or service-model question for all its accounts, not one account at a time.',
    },
  },
] as const satisfies readonly MetricSpec[];

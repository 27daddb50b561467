/**
 * Every input field of the Customer Profitability Sheet, declared once as
 * data (DOMAIN.md, "Inputs"), in the spirit of HyperFormula's
 * `implementedFunctions`. The row schema and its fast check, the SQL
 * columns, the import's header synonyms, the sheet's columns, the Customer
 * Picture, the export and the docs are all derived from this list. Adding a
 * field is one entry here and a migration that adds its column.
 */

/** What a field holds, which says how it is read, checked, stored and shown. */
export type FieldKind =
  /** Free text (names). */
  | 'text'
  /** An amount in the workbook currency, 0 or more. */
  | 'money'
  /** A whole number, 0 or more. */
  | 'count'
  /** A number of something other than money, 0 or more, decimals allowed (years, purchases a year). */
  | 'quantity'
  /** A whole number on a scale (CSAT 1-5, NPS 0-10). */
  | 'rating'
  /** One of a fixed list of words. */
  | 'choice';

/**
 * Whether a sheet must give the field: `required` (the import refuses a
 * sheet without its column), `zero` (a missing column or a blank cell
 * counts as 0), `optional` (blank stays "not given").
 */
export type Presence = 'required' | 'zero' | 'optional';

/** The sheet's groups of columns, in its order. */
export const FIELD_GROUPS = ['Account', 'Revenue', 'Cost buckets', 'Interactions', 'Customer', 'Growth and value'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

export interface FieldSpec {
  /** The DOMAIN.md name: the JSON key, the grid's column id, the export's header. */
  readonly name: string;
  /** The words a person reads for it: the sheet's header, the Customer Picture, messages. */
  readonly label: string;
  /** Where a longer label says more (a scale, a unit): the Customer Picture, the help. */
  readonly longLabel?: string;
  readonly group: FieldGroup;
  readonly kind: FieldKind;
  readonly presence: Presence;
  /** The words of a `choice`, as stored; the value when a sheet leaves it blank comes first for status. */
  readonly choices?: readonly string[];
  /** Words a sheet may write for a choice ("won" for new, "lost" for churned). */
  readonly choiceSynonyms?: Readonly<Record<string, string>>;
  /** The value when absent, for a choice that always has one (status: active). */
  readonly defaultChoice?: string;
  /** Bounds of a rating, inclusive. */
  readonly range?: readonly [number, number];
  /** Headers people use for it besides its name; case, spaces and punctuation are ignored when matching. */
  readonly synonyms: readonly string[];
  /** Where it is stored: `accounts` holds what belongs to the account across periods, `period_rows` the rest. */
  readonly table: 'accounts' | 'period_rows';
  readonly column: string;
  /** One of the five cost buckets of DOMAIN.md. */
  readonly bucket?: true;
  /** A field a scenario may scale (DOMAIN.md, "Scenarios"). */
  readonly scalable?: true;
  /** The sheet's header tooltip: what to type there. */
  readonly tip?: string;
}

export const SEGMENT_NAMES = ['Protect', 'Fix', 'Develop', 'Reassess'] as const;
export const STATUS_NAMES = ['active', 'new', 'churned'] as const;

export const FIELDS = [
  {
    name: 'account', label: 'Account', group: 'Account', kind: 'text', presence: 'required',
    synonyms: ['Customer', 'Client', 'Account name', 'Customer name', 'Client name', 'Company', 'Name'],
    table: 'accounts', column: 'name',
    tip: 'The account name, unique in the workbook (case and spacing do not count).',
  },
  {
    name: 'owner', label: 'Owner', longLabel: 'Owner (key account director)', group: 'Account', kind: 'text', presence: 'optional',
    synonyms: ['Key account director', 'KAD', 'Account owner', 'Account manager', 'KAM', 'Director', 'Responsible'],
    table: 'accounts', column: 'owner',
    tip: 'The key account director responsible for the account.',
  },
  {
    name: 'segmentOverride', label: 'Pinned segment', group: 'Account', kind: 'choice', presence: 'optional',
    choices: SEGMENT_NAMES,
    synonyms: ['Segment override', 'Pinned segment'],
    table: 'accounts', column: 'segment_override',
    tip: 'Pin a segment by hand; it wins over the matrix. Empty lets the matrix decide.',
  },
  {
    name: 'revenue', label: 'Revenue', group: 'Revenue', kind: 'money', presence: 'required',
    synonyms: ['Sales', 'Turnover', 'Income', 'Revenue total', 'Net sales', 'Net revenue'],
    table: 'period_rows', column: 'revenue', scalable: true,
    tip: 'Revenue from the account in the period.',
  },
  {
    name: 'presale', label: 'Presale', group: 'Cost buckets', kind: 'money', presence: 'zero',
    synonyms: ['Pre-sales', 'Presales', 'Presale cost', 'Acquisition cost', 'Sales cost', 'Pre-renewal cost', 'Cost to win'],
    table: 'period_rows', column: 'presale', bucket: true, scalable: true,
    tip: 'Presale: the cost to win or renew the account.',
  },
  {
    name: 'production', label: 'Production', group: 'Cost buckets', kind: 'money', presence: 'zero',
    synonyms: ['Production cost', 'Cost of sales', 'Cost of goods sold', 'COGS', 'Cost of goods'],
    table: 'period_rows', column: 'production', bucket: true, scalable: true,
    tip: 'Production: the cost to produce what the account buys.',
  },
  {
    name: 'distribution', label: 'Distribution', group: 'Cost buckets', kind: 'money', presence: 'zero',
    synonyms: ['Distribution cost', 'Delivery', 'Delivery cost', 'Logistics', 'Shipping', 'Freight'],
    table: 'period_rows', column: 'distribution', bucket: true, scalable: true,
    tip: 'Distribution: the cost to deliver it.',
  },
  {
    name: 'service', label: 'Post-sale service', group: 'Cost buckets', kind: 'money', presence: 'zero',
    synonyms: ['Post-sale service', 'Post sale service', 'Support', 'Support cost', 'After-sales', 'After sales', 'Customer service', 'Service cost'],
    table: 'period_rows', column: 'service', bucket: true, scalable: true,
    tip: 'Post-sale service: support and service after the sale.',
  },
  {
    name: 'labour', label: 'Labour', group: 'Cost buckets', kind: 'money', presence: 'zero',
    synonyms: ['Labor', 'Labour cost', 'Labor cost', 'Staff time', 'People cost', 'Staff cost', 'Account management'],
    table: 'period_rows', column: 'labour', bucket: true, scalable: true,
    tip: 'Labour: the time spent growing and supporting the account, revenue-producing or not.',
  },
  {
    name: 'meetings', label: 'Meetings', group: 'Interactions', kind: 'count', presence: 'zero',
    synonyms: ['Meetings held', 'Number of meetings', 'Meeting count', 'Visits'],
    table: 'period_rows', column: 'meetings', scalable: true,
    tip: 'Meetings with the customer in the period.',
  },
  {
    name: 'calls', label: 'Calls', group: 'Interactions', kind: 'count', presence: 'zero',
    synonyms: ['Calls made', 'Number of calls', 'Call count', 'Phone calls'],
    table: 'period_rows', column: 'calls', scalable: true,
    tip: 'Calls with the customer in the period.',
  },
  {
    name: 'csat', label: 'CSAT', longLabel: 'CSAT (1–5)', group: 'Customer', kind: 'rating', presence: 'optional',
    range: [1, 5],
    synonyms: ['Satisfaction', 'CSAT score', 'Customer satisfaction', 'Satisfaction rating'],
    table: 'period_rows', column: 'csat',
    tip: "The key contact's satisfaction, 1 to 5.",
  },
  {
    name: 'nps', label: 'NPS', longLabel: 'NPS rating (0–10)', group: 'Customer', kind: 'rating', presence: 'optional',
    range: [0, 10],
    synonyms: ['NPS score', 'Net promoter score', 'Likelihood to recommend', 'Recommend'],
    table: 'period_rows', column: 'nps',
    tip: "The key contact's likelihood to recommend, 0 to 10.",
  },
  {
    name: 'status', label: 'Status', group: 'Customer', kind: 'choice', presence: 'optional',
    choices: STATUS_NAMES, defaultChoice: 'active',
    choiceSynonyms: { current: 'active', existing: 'active', won: 'new', churn: 'churned', lost: 'churned' },
    synonyms: ['Customer status', 'Account status', 'State'],
    table: 'period_rows', column: 'status',
    tip: 'active, new (won this period) or churned (lost this period).',
  },
  {
    name: 'upsell', label: 'Upsell', group: 'Growth and value', kind: 'money', presence: 'optional',
    synonyms: ['Upsell revenue', 'Up-sell', 'Upselling'],
    table: 'period_rows', column: 'upsell',
    tip: 'Revenue inside revenue from selling more of the same.',
  },
  {
    name: 'crossSell', label: 'Cross-sell', group: 'Growth and value', kind: 'money', presence: 'optional',
    synonyms: ['Cross sell', 'Cross-sell revenue', 'Cross selling'],
    table: 'period_rows', column: 'cross_sell',
    tip: 'Revenue inside revenue from selling other products.',
  },
  {
    name: 'referrals', label: 'Referrals', group: 'Customer', kind: 'count', presence: 'optional',
    synonyms: ['Referrals made', 'Referred customers', 'Number of referrals'],
    table: 'period_rows', column: 'referrals',
    tip: 'New customers this account referred in the period.',
  },
  {
    name: 'valueDelivered', label: 'Value delivered', group: 'Growth and value', kind: 'money', presence: 'optional',
    synonyms: ['Value delivered', 'Customer value', 'Value to customer'],
    table: 'period_rows', column: 'value_delivered',
    tip: "An estimate of the value the customer gained (their bottom line).",
  },
  {
    name: 'avgOrderValue', label: 'Avg order value', longLabel: 'Average order value', group: 'Growth and value', kind: 'money', presence: 'optional',
    synonyms: ['Average order value', 'AOV', 'Avg order value'],
    table: 'period_rows', column: 'avg_order_value',
    tip: 'For CLV: the average order, with purchases per year and lifespan.',
  },
  {
    name: 'purchasesPerYear', label: 'Purchases per year', group: 'Growth and value', kind: 'quantity', presence: 'optional',
    synonyms: ['Purchases per year', 'Orders per year', 'Purchase frequency'],
    table: 'period_rows', column: 'purchases_per_year',
    tip: 'For CLV: how many orders a year.',
  },
  {
    name: 'lifespanYears', label: 'Lifespan (years)', group: 'Growth and value', kind: 'quantity', presence: 'optional',
    synonyms: ['Lifespan', 'Lifespan years', 'Customer lifespan', 'Expected lifespan', 'Years as customer'],
    table: 'period_rows', column: 'lifespan_years',
    tip: 'For CLV: how many years the account is expected to stay (the default lifespan when blank).',
  },
] as const satisfies readonly FieldSpec[];

export type Field = (typeof FIELDS)[number];
export type InputField = Field['name'];

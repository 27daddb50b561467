/**
 * The vocabulary of the sheet: DOMAIN.md's field names, the five cost buckets,
 * segments and statuses. Everything that lists fields (schemas, import mapping,
 * export columns, the grid) reads these lists so the names exist once.
 */
export const BUCKETS = ['presale', 'production', 'distribution', 'service', 'labour'] as const;
export type Bucket = (typeof BUCKETS)[number];

export const SEGMENTS = ['Protect', 'Fix', 'Develop', 'Reassess'] as const;
export type SegmentName = (typeof SEGMENTS)[number];

/** DOMAIN.md, "Segmentation": the suggested focus shown with each segment. */
export const SEGMENT_FOCUS: Readonly<Record<SegmentName, string>> = {
  Protect: 'Keep and deepen, guard the service level.',
  Fix: 'Large but thin: cut cost-to-serve, reprice, stop unrecognised activity.',
  Develop: 'Profitable but small: grow share of wallet (upsell, cross-sell).',
  Reassess: 'Change the service model (self-serve, fewer meetings) or let go.',
};

export const STATUSES = ['active', 'new', 'churned'] as const;
export type StatusName = (typeof STATUSES)[number];

export const PARETO_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type ParetoClass = (typeof PARETO_CLASSES)[number];

export const NPS_CATEGORIES = ['detractor', 'passive', 'promoter'] as const;
export type NpsCategory = (typeof NPS_CATEGORIES)[number];

/** Input fields of a sheet row, in the order a sheet shows them. */
export const INPUT_FIELDS = [
  'account',
  'owner',
  'segmentOverride',
  'revenue',
  ...BUCKETS,
  'meetings',
  'calls',
  'csat',
  'nps',
  'status',
  'upsell',
  'crossSell',
  'referrals',
  'valueDelivered',
  'avgOrderValue',
  'purchasesPerYear',
  'lifespanYears',
] as const;
export type InputField = (typeof INPUT_FIELDS)[number];

/** Fields that count as 0 when a sheet lacks the column or leaves the cell blank (DOMAIN.md, "Inputs"). */
export const ZERO_WHEN_ABSENT: readonly InputField[] = [...BUCKETS, 'meetings', 'calls'];

/** Fields a sheet must have. */
export const REQUIRED_FIELDS: readonly InputField[] = ['account', 'revenue'];

/** Numeric input fields that may be empty (stored as null). */
export const OPTIONAL_NUMBER_FIELDS = [
  'csat',
  'nps',
  'upsell',
  'crossSell',
  'referrals',
  'valueDelivered',
  'avgOrderValue',
  'purchasesPerYear',
  'lifespanYears',
] as const;
export type OptionalNumberField = (typeof OPTIONAL_NUMBER_FIELDS)[number];

/** Numeric fields always present on a row (0 when unknown). */
export const NUMBER_FIELDS = ['revenue', ...BUCKETS, 'meetings', 'calls'] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

/** Fields a scenario may scale (DOMAIN.md, "Scenarios"). */
export const SCALABLE_FIELDS = ['revenue', ...BUCKETS, 'meetings', 'calls'] as const;
export type ScalableField = (typeof SCALABLE_FIELDS)[number];

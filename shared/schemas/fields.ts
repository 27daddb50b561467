/**
 * The vocabulary of the sheet as the schemas and the engine name it, read
 * from the catalogue (shared/catalogue): DOMAIN.md's field names, the five
 * cost buckets, segments, statuses, Pareto classes and NPS categories.
 */
import { SEGMENT_NAMES, STATUS_NAMES } from '../catalogue/fields';

export {
  BUCKETS,
  INPUT_FIELDS,
  NUMBER_FIELDS,
  OPTIONAL_NUMBER_FIELDS,
  REQUIRED_FIELDS,
  SCALABLE_FIELDS,
  ZERO_WHEN_ABSENT,
  type Bucket,
  type InputField,
  type NumberField,
  type OptionalNumberField,
  type ScalableField,
} from '../catalogue';

export const SEGMENTS = SEGMENT_NAMES;
export type SegmentName = (typeof SEGMENTS)[number];

/** DOMAIN.md, "Segmentation": the suggested focus shown with each segment. */
export const SEGMENT_FOCUS: Readonly<Record<SegmentName, string>> = {
  Protect: 'Keep and deepen, guard the service level.',
  Fix: 'Large but thin: cut cost-to-serve, reprice, stop unrecognised activity.',
  Develop: 'Profitable but small: grow share of wallet (upsell, cross-sell).',
  Reassess: 'Change the service model (self-serve, fewer meetings) or let go.',
};

export const STATUSES = STATUS_NAMES;
export type StatusName = (typeof STATUSES)[number];

export const PARETO_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type ParetoClass = (typeof PARETO_CLASSES)[number];

export const NPS_CATEGORIES = ['detractor', 'passive', 'promoter'] as const;
export type NpsCategory = (typeof NPS_CATEGORIES)[number];

import { FIELDS, type Field, type FieldSpec, type InputField } from './fields';
import { METRICS, type MetricHelp, type MetricSpec } from './metrics';

/**
 * What the rest of the code reads of the catalogue: the lists of field
 * names in the sheet's order, each field's and metric's spec and label.
 * Each list is derived by a function of a catalogue, so that a copy with one
 * more field derives everything with it (tests/unit/shared/catalogue.test.ts).
 */

export type { Field, FieldSpec, InputField } from './fields';
export type { MetricSpec, MetricHelp, MetricFormat, AccountMetric, PortfolioMetric } from './metrics';
export { FIELDS, FIELD_GROUPS, SEGMENT_NAMES, STATUS_NAMES, HEADER_LANGUAGES, SYNONYM_LANGUAGES, languageName } from './fields';
export type { HeaderLanguage, SynonymLanguage } from './fields';
export { METRICS } from './metrics';

const NUMERIC = new Set(['money', 'count', 'quantity', 'rating']);
type NumericKind = 'money' | 'count' | 'quantity' | 'rating';

export type Bucket = Extract<Field, { bucket: true }>['name'];
export type NumberField = Extract<Field, { kind: NumericKind; presence: 'required' | 'zero' }>['name'];
export type OptionalNumberField = Extract<Field, { kind: NumericKind; presence: 'optional' }>['name'];
export type ScalableField = Extract<Field, { scalable: true }>['name'];

/** The lists every part of the code reads, derived from a catalogue of fields. */
export function fieldLists<F extends FieldSpec>(fields: readonly F[]) {
  const names = (keep: (f: F) => boolean) => fields.filter(keep).map((f) => f.name);
  return {
    /** Input fields, in the order a sheet shows them. */
    inputs: names(() => true),
    buckets: names((f) => f.bucket === true),
    /** Fields that count as 0 when a sheet lacks the column or leaves the cell blank (DOMAIN.md, "Inputs"). */
    zeroWhenAbsent: names((f) => f.presence === 'zero'),
    required: names((f) => f.presence === 'required'),
    /** Numeric fields always present on a row (0 when unknown). */
    numbers: names((f) => NUMERIC.has(f.kind) && f.presence !== 'optional'),
    /** Numeric fields that may be empty (stored as null). */
    optionalNumbers: names((f) => NUMERIC.has(f.kind) && f.presence === 'optional'),
    scalable: names((f) => f.scalable === true),
    /** Fields stored per account, across periods; the rest are stored per period. */
    accountColumns: names((f) => f.table === 'accounts'),
  };
}

const LISTS = fieldLists<FieldSpec>(FIELDS);

export const INPUT_FIELDS = LISTS.inputs as unknown as readonly [InputField, ...InputField[]];
export const BUCKETS = LISTS.buckets as readonly Bucket[];
export const ZERO_WHEN_ABSENT = LISTS.zeroWhenAbsent as readonly InputField[];
export const REQUIRED_FIELDS = LISTS.required as readonly InputField[];
export const NUMBER_FIELDS = LISTS.numbers as readonly NumberField[];
export const OPTIONAL_NUMBER_FIELDS = LISTS.optionalNumbers as readonly OptionalNumberField[];
export const SCALABLE_FIELDS = LISTS.scalable as readonly ScalableField[];

const BY_NAME = new Map<string, FieldSpec>(FIELDS.map((f) => [f.name, f]));

/** One value per input field, read off its spec: `fieldRecord((f) => f.label)`. */
export function fieldRecord<T>(get: (f: FieldSpec) => T): Readonly<Record<InputField, T>> {
  return Object.fromEntries((FIELDS as readonly FieldSpec[]).map((f) => [f.name, get(f)])) as Record<InputField, T>;
}

export function fieldSpec(name: InputField): FieldSpec {
  return BY_NAME.get(name)!;
}

export function isInputField(name: string): name is InputField {
  return BY_NAME.has(name);
}

/** The label a person reads for a field; `long` where there is room for its scale or unit. */
export function fieldLabel(name: InputField, long = false): string {
  const f = fieldSpec(name);
  return long ? (f.longLabel ?? f.label) : f.label;
}

/** The metrics of one scope, in the catalogue's order. */
export function metricsOf<M extends MetricSpec>(metrics: readonly M[], scope: MetricSpec['scope']): M[] {
  return metrics.filter((m) => m.scope === scope);
}

export function metricSpec(name: string, scope: 'account' | 'portfolio'): MetricSpec | undefined {
  return (METRICS as readonly MetricSpec[]).find((m) => m.name === name && m.scope === scope);
}

/** The label of a portfolio figure or account metric, as the catalogue gives it. */
export function metricLabel(name: string, scope: 'account' | 'portfolio' = 'portfolio'): string {
  return metricSpec(name, scope)?.label ?? name;
}

/** A glossary entry: a metric's help under its name. */
export interface GlossaryEntry extends MetricHelp {
  name: string;
}

/** Every metric that carries help, in the catalogue's order: the window's Help and docs/metrics.md. */
export const GLOSSARY: readonly GlossaryEntry[] = (METRICS as readonly MetricSpec[]).flatMap((m) => (m.help ? [{ name: m.name, ...m.help }] : []));

/**
 * The glossary entry that explains a name: a metric's own, the one its spec
 * points to (profit given back is explained with loss makers), or none.
 */
export function glossaryEntry(name: string): GlossaryEntry | undefined {
  const spec = (METRICS as readonly MetricSpec[]).find((m) => m.name === name && (m.help || m.helpFrom));
  const key = spec?.helpFrom ?? name;
  return GLOSSARY.find((g) => g.name === key);
}

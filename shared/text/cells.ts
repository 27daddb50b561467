import {
  SEGMENTS,
  ZERO_WHEN_ABSENT,
  type InputField,
  type StatusName,
} from '../schemas/fields';
import { MAX_AMOUNT, parseNumber, type NumberStyle } from './numbers';

/**
 * One cell's text as a field's value, the same for an imported file, a
 * typed grid cell and a pasted block: numbers as people type them, a status
 * or segment by name, a blank as 0 or "not given" as DOMAIN.md says.
 */
export type FieldKind = 'text' | 'money' | 'count' | 'rating' | 'status' | 'segment';

export const FIELD_KIND: Record<InputField, FieldKind> = {
  account: 'text',
  owner: 'text',
  segmentOverride: 'segment',
  revenue: 'money',
  presale: 'money',
  production: 'money',
  distribution: 'money',
  service: 'money',
  labour: 'money',
  meetings: 'count',
  calls: 'count',
  csat: 'rating',
  nps: 'rating',
  status: 'status',
  upsell: 'money',
  crossSell: 'money',
  referrals: 'count',
  valueDelivered: 'money',
  avgOrderValue: 'money',
  purchasesPerYear: 'money',
  lifespanYears: 'money',
};

const STATUS_WORDS: Record<string, StatusName> = {
  active: 'active',
  current: 'active',
  existing: 'active',
  new: 'new',
  won: 'new',
  churned: 'churned',
  churn: 'churned',
  lost: 'churned',
};

/** A cell's value, with a note when it was read in a way its author should hear of (scientific notation). */
export type CellResult = { ok: true; value: unknown; note?: string } | { ok: false; rule: string };

/** Excel writes large numbers into CSV as "1.23457E+10" when the column is narrow, which may round them. */
const SCIENTIFIC_NOTE = (value: number) =>
  `written in scientific notation, as Excel writes large numbers into CSV, and read as ${value.toLocaleString('en-US', { maximumFractionDigits: 6 })}: if the sheet holds more digits, format the column as Number in Excel before saving`;

const PLAIN_AMOUNT = /^\d+(\.\d+)?$/;
const PLAIN_WHOLE = /^\d+$/;

const ZERO_WHEN_BLANK = new Set<InputField>(ZERO_WHEN_ABSENT);

/**
 * readCell's value for the commonest cells of a sheet, a plain number or
 * nothing in a number field ("1200", "0.5", ""), without building a result;
 * undefined for anything else, which readCell then reads in full.
 */
export function plainNumberCell(field: InputField, raw: string, style: NumberStyle): number | null | undefined {
  const kind = FIELD_KIND[field];
  if (kind !== 'money' && kind !== 'count' && kind !== 'rating') return undefined;
  if (raw === '') return ZERO_WHEN_BLANK.has(field) ? 0 : null;
  // With decimal commas a point groups thousands ("1.234"), so only whole digits are plain.
  if (!(style.decimalComma ? PLAIN_WHOLE : PLAIN_AMOUNT).test(raw)) return undefined;
  const value = Number(raw);
  if (!(value <= MAX_AMOUNT) || (kind !== 'money' && !Number.isInteger(value))) return undefined;
  return value;
}

export function readCell(field: InputField, raw: string, style: NumberStyle = { decimalComma: false }): CellResult {
  const plain = plainNumberCell(field, raw, style);
  return plain === undefined ? readCellInFull(field, raw, style) : { ok: true, value: plain };
}

/** readCell without its shortcut for plain numbers: every form a cell may take. */
export function readCellInFull(field: InputField, raw: string, style: NumberStyle = { decimalComma: false }): CellResult {
  const text = raw.trim();
  switch (FIELD_KIND[field]) {
    case 'text':
      // Undo the quote our own export puts before text a spreadsheet would run as a formula.
      return { ok: true, value: text === '' ? null : text[0] === "'" ? text.replace(/^'(?=[=+\-@\t\r])/, '') : text };
    case 'segment': {
      if (text === '') return { ok: true, value: null };
      const seg = SEGMENTS.find((s) => s.toLowerCase() === text.toLowerCase());
      return seg ? { ok: true, value: seg } : { ok: false, rule: `must be one of ${SEGMENTS.join(', ')}` };
    }
    case 'status': {
      if (text === '') return { ok: true, value: 'active' };
      const status = STATUS_WORDS[text.toLowerCase()];
      return status ? { ok: true, value: status } : { ok: false, rule: 'must be active, new or churned' };
    }
    default: {
      const n = parseNumber(text, style);
      if (!n.ok) return n;
      if (n.value === null) return { ok: true, value: ZERO_WHEN_ABSENT.includes(field) ? 0 : null };
      if (n.percent) return { ok: false, rule: 'must be an amount, not a percentage' };
      if (n.value < 0) return { ok: false, rule: 'must be 0 or more (a negative cost or count is refused)' };
      if (FIELD_KIND[field] !== 'money' && !Number.isInteger(n.value)) return { ok: false, rule: 'must be a whole number' };
      return n.scientific ? { ok: true, value: n.value, note: SCIENTIFIC_NOTE(n.value) } : { ok: true, value: n.value };
    }
  }
}


import { fieldRecord } from '../catalogue';
import { FIELDS, type FieldSpec } from '../catalogue/fields';
import { ZERO_WHEN_ABSENT, type InputField } from '../schemas/fields';
import { MAX_AMOUNT, parseNumber, type NumberStyle } from './numbers';

/**
 * One cell's text as a field's value, the same for an imported file, a
 * typed grid cell and a pasted block: numbers as people type them, a status
 * or segment by name, a blank as 0 or "not given" as DOMAIN.md says.
 */
const SPEC = fieldRecord((f) => f);

/** Whole numbers only: counts and ratings; money and quantities take decimals. */
const WHOLE = new Set<FieldSpec['kind']>(['count', 'rating']);
const NUMERIC = new Set<FieldSpec['kind']>(['money', 'quantity', 'count', 'rating']);

/** A choice's words as a sheet may write them, in lower case, to the stored word: its own words and its synonyms. */
const CHOICE_WORDS: Readonly<Record<string, ReadonlyMap<string, string>>> = Object.fromEntries(
  FIELDS.filter((f) => f.kind === 'choice').map((f) => [
    f.name,
    new Map<string, string>([
      ...(f.choices as readonly string[]).map((c): [string, string] => [c.toLowerCase(), c]),
      ...Object.entries((f as FieldSpec).choiceSynonyms ?? {}),
    ]),
  ]),
);

export type CellResult = { ok: true; value: unknown; note?: string } | { ok: false; rule: string };

/** Excel writes large numbers into CSV as "1.23457E+10" when the column is narrow, which may round them. */
const SCIENTIFIC_NOTE = (value: number) =>
  `written in scientific notation, as Excel writes large numbers into CSV, and read as ${value.toLocaleString('en-US', { maximumFractionDigits: 6 })}: if the sheet holds more digits, format the column as Number in Excel before saving`;

const PLAIN_AMOUNT = /^\d+(\.\d+)?$/;
const PLAIN_WHOLE = /^\d+$/;

const ZERO_WHEN_BLANK = new Set<InputField>(ZERO_WHEN_ABSENT);

/** "one of Protect, Fix, Develop, Reassess"; "active, new or churned" when there are few. */
const oneOf = (choices: readonly string[]) => (choices.length <= 3 ? `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}` : `one of ${choices.join(', ')}`);

/**
 * readCell's value for the commonest cells of a sheet, a plain number or
 * nothing in a number field ("1200", "0.5", ""), without building a result;
 * undefined for anything else, which readCell then reads in full.
 */
export function plainNumberCell(field: InputField, raw: string, style: NumberStyle): number | null | undefined {
  const kind = SPEC[field].kind;
  if (!NUMERIC.has(kind)) return undefined;
  if (raw === '') return ZERO_WHEN_BLANK.has(field) ? 0 : null;
  // With decimal commas a point groups thousands ("1.234"), so only whole digits are plain.
  if (!(style.decimalComma ? PLAIN_WHOLE : PLAIN_AMOUNT).test(raw)) return undefined;
  const value = Number(raw);
  if (!(value <= MAX_AMOUNT) || (WHOLE.has(kind) && !Number.isInteger(value))) return undefined;
  return value;
}

export function readCell(field: InputField, raw: string, style: NumberStyle = { decimalComma: false }): CellResult {
  const plain = plainNumberCell(field, raw, style);
  return plain === undefined ? readCellInFull(field, raw, style) : { ok: true, value: plain };
}

/** readCell without its shortcut for plain numbers: every form a cell may take. */
export function readCellInFull(field: InputField, raw: string, style: NumberStyle = { decimalComma: false }): CellResult {
  const text = raw.trim();
  const spec = SPEC[field];
  switch (spec.kind) {
    case 'text':
      // Undo the quote our own export puts before text a spreadsheet would run as a formula.
      return { ok: true, value: text === '' ? null : text[0] === "'" ? text.replace(/^'(?=[=+\-@\t\r])/, '') : text };
    case 'choice': {
      if (text === '') return { ok: true, value: spec.defaultChoice ?? null };
      const word = CHOICE_WORDS[field]!.get(text.toLowerCase());
      return word ? { ok: true, value: word } : { ok: false, rule: `must be ${oneOf(spec.choices!)}` };
    }
    default: {
      const n = parseNumber(text, style);
      if (!n.ok) return n;
      if (n.value === null) return { ok: true, value: spec.presence === 'zero' ? 0 : null };
      if (n.percent) return { ok: false, rule: 'must be an amount, not a percentage' };
      if (n.value < 0) return { ok: false, rule: 'must be 0 or more (a negative cost or count is refused)' };
      if (WHOLE.has(spec.kind) && !Number.isInteger(n.value)) return { ok: false, rule: 'must be a whole number' };
      return n.scientific ? { ok: true, value: n.value, note: SCIENTIFIC_NOTE(n.value) } : { ok: true, value: n.value };
    }
  }
}


/**
 * Numbers as people type them in spreadsheets: currency symbols and codes,
 * thousands separators, `(1,234)` for negatives, `-` and `$ -` for zero,
 * percentages, scientific notation as Excel writes large numbers into CSV
 * (`1.23457E+10`), and decimal commas when the file uses them.
 */
export type ParsedNumber =
  | { ok: true; value: number; percent: boolean; scientific?: true }
  | { ok: true; value: null; percent: false }
  | { ok: false; rule: string };

/**
 * The largest amount the workbench computes with: sums of a million accounts
 * stay far inside a double, and cents stay exact. Anything above it is an
 * error in the sheet, refused where it is read rather than met as Infinity
 * in a report.
 */
export const MAX_AMOUNT = 1e15;
export const TOO_LARGE = 'is too large to compute with (at most 1,000,000,000,000,000)';

const CURRENCY_SYMBOLS = /[$€£¥₹₩₽₺₪₫฿₴₦₱¢]/gu;
const CURRENCY_CODE = /^([A-Z]{3})\s*|\s*([A-Z]{3})$/;
const SPACES = /[\s\u00a0\u202f]/gu;
/** Excel's scientific notation, "1.23457E+10", "2.5E+03"; with decimal commas "1,5E+03". */
const SCIENTIFIC_POINT = /^(\d+(\.\d*)?|\.\d+)[eE][+-]?\d{1,3}$/;
const SCIENTIFIC_COMMA = /^(\d+(,\d*)?|,\d+)[eE][+-]?\d{1,3}$/;
const DASHES = /^[-–—]$/u;

/** The two ways of writing numbers, compiled once: "1,234.5" and "1.234,5". */
const POINT_DECIMAL = { group: ',', grouped: /^\d{1,3}(,\d{3})+(\.\d+)?$/, plain: /^(\d+(\.\d*)?|\.\d+)$/ };
const COMMA_DECIMAL = { group: '.', grouped: /^\d{1,3}(\.\d{3})+(,\d+)?$/, plain: /^(\d+(,\d*)?|,\d+)$/ };

export interface NumberStyle {
  /** "1.234,5" rather than "1,234.5". */
  decimalComma: boolean;
}

/** Plain numbers, most of any sheet: read at once, without the steps below. */
const PLAIN_POINT = /^-?\d+(\.\d+)?$/;
const PLAIN_INTEGER = /^-?\d+$/;

export function parseNumber(raw: string, style: NumberStyle = { decimalComma: false }): ParsedNumber {
  if ((style.decimalComma ? PLAIN_INTEGER : PLAIN_POINT).test(raw)) {
    const value = Number(raw);
    if (Math.abs(value) <= MAX_AMOUNT) return { ok: true, value: value + 0, percent: false };
    if (Number.isFinite(value)) return { ok: false, rule: TOO_LARGE };
  }
  let s = raw.trim();
  if (s === '') return { ok: true, value: null, percent: false };
  if (DASHES.test(s)) return { ok: true, value: 0, percent: false };
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(CURRENCY_CODE, '').replace(CURRENCY_SYMBOLS, '').trim();
  // The accounting format's zero: "$ -", "- €".
  if (DASHES.test(s)) return { ok: true, value: 0, percent: false };
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  s = s.replace(CURRENCY_SYMBOLS, '').trim();
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  s = s.replace(SPACES, '').replace(/'/g, '');
  const shapes = style.decimalComma ? COMMA_DECIMAL : POINT_DECIMAL;
  const scientific = (style.decimalComma ? SCIENTIFIC_COMMA : SCIENTIFIC_POINT).test(s);
  if (shapes.grouped.test(s)) s = s.split(shapes.group).join('');
  else if (!shapes.plain.test(s) && !scientific) return { ok: false, rule: 'must be a number' };
  const value = Number(style.decimalComma ? s.replace(',', '.') : s);
  if (!(Math.abs(value) <= MAX_AMOUNT)) return { ok: false, rule: TOO_LARGE };
  const signed = negative ? -value : value;
  // -0 would print as "0" but compare oddly; a typed "-0" is just zero.
  const result = (percent ? signed / 100 : signed) + 0;
  return scientific ? { ok: true, value: result, percent, scientific: true } : { ok: true, value: result, percent };
}

import { formatNumber } from '../../../../shared/format';
import { parseNumber, type NumberStyle } from '../../../../shared/text/numbers';

/**
 * Relative entry: what a number cell's text says to do to the value already
 * there. `+20` adds 20, `+-20` or `-=20` takes 20 off, `+10%` and `-15%`
 * raise and lower by a percentage, `*1.1` (or `×1.1`, `*110%`) multiplies,
 * `/2` (or `÷2`) divides; `+=`, `*=`, `/=` are the same as `+`, `*`, `/`.
 * A plain `-20` stays the number -20 (which no number cell takes), as a
 * spreadsheet reads it. The number after the sign is read as a cell is
 * (currency symbols, thousands separators, decimal commas). Pure.
 */
export type RelativeChange =
  | { kind: 'add'; amount: number }
  | { kind: 'percent'; fraction: number }
  | { kind: 'multiply'; factor: number }
  | { kind: 'divide'; divisor: number };

export type RelativeParse = { ok: true; change: RelativeChange } | { ok: false; rule: string } | null;

const SIGNS: Readonly<Record<string, 'add' | 'subtract' | 'multiply' | 'divide'>> = { '+': 'add', '-': 'subtract', '−': 'subtract', '*': 'multiply', '×': 'multiply', '/': 'divide', '÷': 'divide' };

/** The change a typed text asks for, an error naming what is wrong with it, or null when the text is not relative (a value to put in the cell as it is). */
export function parseRelative(raw: string, style: NumberStyle = { decimalComma: false }): RelativeParse {
  const text = raw.trim();
  const sign = SIGNS[text[0] ?? ''];
  if (!sign) return null;
  const explicit = text[1] === '=';
  const rest = text.slice(explicit ? 2 : 1).trim();
  // "-20" is the number -20; "-15%" and "-=20" are changes.
  if (sign === 'subtract' && !explicit && !rest.endsWith('%')) return null;
  const n = parseNumber(rest, style);
  if (!n.ok) return { ok: false, rule: `must be a number after ${text[0]} (as in +20, -15%, *1.1, /2)` };
  if (n.value === null) return { ok: false, rule: `needs a number after ${text[0]} (as in +20, -15%, *1.1, /2)` };
  const v = n.value;
  switch (sign) {
    case 'add':
      return { ok: true, change: n.percent ? { kind: 'percent', fraction: v } : { kind: 'add', amount: v } };
    case 'subtract':
      return { ok: true, change: n.percent ? { kind: 'percent', fraction: -v } : { kind: 'add', amount: -v } };
    case 'multiply':
      return { ok: true, change: { kind: 'multiply', factor: v } };
    case 'divide':
      return v === 0 ? { ok: false, rule: 'cannot divide by 0' } : { ok: true, change: { kind: 'divide', divisor: v } };
  }
}

/**
 * The value after the change, to `places` decimals (0 for counts and
 * ratings, 2 for money: 1,000 × 1.1 is 1,100, not 1,100.0000000000002).
 */
export function applyRelative(change: RelativeChange, value: number, places: number): number {
  const next =
    change.kind === 'add'
      ? value + change.amount
      : change.kind === 'percent'
        ? value * (1 + change.fraction)
        : change.kind === 'multiply'
          ? value * change.factor
          : value / change.divisor;
  return Number(next.toFixed(places)) + 0;
}

/** "Revenue", "Revenue and Presale", "Revenue, Presale and Production". */
export function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** A figure as the notice writes it: grouped, up to four decimals ("1,000", "1.1", "12.5"). */
function figure(n: number): string {
  const r = Number(n.toFixed(4));
  return formatNumber(r, (String(r).split('.')[1] ?? '').length);
}

/**
 * What a change did, in words, for the window's notice: "Added 20 to 12
 * cells of Revenue and Presale", "Lowered 3 cells of Revenue by 15%", or
 * for one cell "Multiplied Revenue of Contoso Retail by 1.1".
 */
export function describeRelative(change: RelativeChange, what: { cells: number; columns: readonly string[]; account?: string }): string {
  const where = what.cells === 1 && what.account ? `${listWords(what.columns)} of ${what.account}` : `${formatNumber(what.cells)} cell${what.cells === 1 ? '' : 's'} of ${listWords(what.columns)}`;
  switch (change.kind) {
    case 'add':
      return change.amount >= 0 ? `Added ${figure(change.amount)} to ${where}` : `Took ${figure(-change.amount)} off ${where}`;
    case 'percent':
      return `${change.fraction >= 0 ? 'Raised' : 'Lowered'} ${where} by ${figure(Math.abs(change.fraction) * 100)}%`;
    case 'multiply':
      return `Multiplied ${where} by ${figure(change.factor)}`;
    case 'divide':
      return `Divided ${where} by ${figure(change.divisor)}`;
  }
}

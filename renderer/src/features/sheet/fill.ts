/**
 * What a fill puts into the cells it covers, as spreadsheets do it: the
 * source cells' values continued along the fill. Two or more numbers with a
 * constant step are a series and go on (1, 2, 3 -> 4, 5; 0.1, 0.2 -> 0.3,
 * which a percentage cell shows as 10%, 20% -> 30%); anything else (one
 * cell, text, blanks, an uneven step) repeats. Pure: no grid, no workbook.
 */
export type FillValue = number | string | null;

/** Decimal places a number is written with (0.25 -> 2, 1e-7 -> 7), at most 12. */
function decimals(n: number): number {
  if (Number.isInteger(n)) return 0;
  const [mantissa = '', exponent = '0'] = Math.abs(n).toString().split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  return Math.min(12, Math.max(0, fraction.length - Number(exponent)));
}

/** `n` to `places` decimals: 0.1 + 2 × 0.1 is 0.3, not 0.30000000000000004. */
const round = (n: number, places: number) => Number(n.toFixed(places)) + 0;

/** The common step of two or more numbers, or null when they are not a series (too few, not all numbers, or uneven). */
export function seriesStep(source: readonly FillValue[]): number | null {
  if (source.length < 2 || !source.every((v): v is number => typeof v === 'number' && Number.isFinite(v))) return null;
  const nums = source as readonly number[];
  const places = Math.max(...nums.map(decimals));
  const step = round(nums[1]! - nums[0]!, places);
  for (let k = 2; k < nums.length; k++) if (round(nums[k]! - nums[k - 1]!, places) !== step) return null;
  return step;
}

/**
 * The `count` values after `source` along a fill: the series continued when
 * the source is one (see seriesStep), else the source repeated in order.
 */
export function continueSeries(source: readonly FillValue[], count: number): FillValue[] {
  if (source.length === 0 || count <= 0) return [];
  const step = seriesStep(source);
  if (step === null || step === 0) return Array.from({ length: count }, (_, k) => source[k % source.length]!);
  const nums = source as readonly number[];
  const places = Math.max(...nums.map(decimals));
  const last = nums[nums.length - 1]!;
  return Array.from({ length: count }, (_, k) => round(last + step * (k + 1), places));
}

/** The `count` values of a plain copy (Ctrl+D, Ctrl+R): the source repeated, never continued. */
export function repeatSource(source: readonly FillValue[], count: number): FillValue[] {
  if (source.length === 0 || count <= 0) return [];
  return Array.from({ length: count }, (_, k) => source[k % source.length]!);
}

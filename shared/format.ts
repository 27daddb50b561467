/**
 * How numbers read for people: money in the workbook's currency, ratios as
 * percentages, losses with a minus sign. Pure, so the CLI and the renderer
 * print the same figures.
 */
/**
 * The number format of the window: the person's choice (Settings), en-US
 * until one is set and always in the CLI, whose output scripts read.
 */
let numberLocale = 'en-US';
let decimalMark = '.';

/** Use `locale` for every figure formatted from now on; an unknown locale is refused and en-US kept. */
export function setNumberLocale(locale: string): string {
  const chosen = Intl.NumberFormat.supportedLocalesOf([locale])[0] ?? 'en-US';
  numberLocale = chosen;
  decimalMark = new Intl.NumberFormat(chosen).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return chosen;
}

export const currentNumberLocale = (): string => numberLocale;

/** A fixed-digit figure with the locale's decimal mark (toFixed's rounding, which the CLI's output has always had). */
const fixed = (value: number, digits: number) => {
  const text = value.toFixed(digits);
  return decimalMark === '.' ? text : text.replace('.', decimalMark);
};

// Building an Intl.NumberFormat costs far more than using one, and the sheet formats thousands of cells a paint.
const currencyFormats = new Map<string, Intl.NumberFormat>();
function currencyFormat(locale: string, currency: string, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${minDigits}|${maxDigits}`;
  let f = currencyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits });
    currencyFormats.set(key, f);
  }
  return f;
}

export function formatMoney(value: number | null, currency: string, locale = numberLocale): string {
  if (value === null || Number.isNaN(value)) return '—';
  return currencyFormat(locale, currency, 0, 0).format(value + 0);
}

/** Money to the cent, where a tie-out is read to the cent ($28,468.24 of idle capacity, not $28,468). */
export function formatCents(value: number | null, currency: string, locale = numberLocale): string {
  if (value === null || Number.isNaN(value)) return '—';
  return currencyFormat(locale, currency, 2, 2).format(value + 0);
}

/** A cost per minute in the workbook currency: cents matter here ($0.80 a minute), so two to four decimals. */
export function formatRate(value: number | null, currency: string, locale = numberLocale): string {
  if (value === null || Number.isNaN(value)) return '—';
  return currencyFormat(locale, currency, 2, 4).format(value + 0);
}

/** Money in few digits ("$12.0B", "$676K") for chart ticks and tiles too narrow for the full figure, which goes beside it on hover. */
export function formatCompactMoney(value: number | null, currency: string, locale = numberLocale): string {
  if (value === null || Number.isNaN(value)) return '—';
  const key = `${locale}|${currency}|compact`;
  let f = currencyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 });
    currencyFormats.set(key, f);
  }
  return f.format(value + 0);
}

/** A count and what it counts, grouped and in the right number: "1 account", "100,000 accounts". */
export function formatCount(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

/** A round step for an axis from 0 to `max` in about `ticks` steps: 1, 2, 2.5 or 5 times a power of ten, never $676,757. */
export function niceStep(max: number, ticks = 4): number {
  if (!(max > 0)) return 1;
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
}

export function formatPercent(value: number | null, digits = 1): string {
  if (value === null || Number.isNaN(value)) return '—';
  return `${fixed(value * 100, digits)}%`;
}

export function formatNumber(value: number | null, digits = 0): string {
  if (value === null || Number.isNaN(value)) return '—';
  return value.toLocaleString(numberLocale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function formatMultiple(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '—';
  return `${fixed(value, 2)}x`;
}

/** The headers of a segment or owner summary, and one group's figures under them, as the dashboard and the report show them. */
export const GROUP_HEADERS = ['Accounts', 'Revenue', 'Total cost', 'Profit', 'ROI', 'Share of profit'];

export function formatGroup(
  g: { count: number; revenue: number; totalCost: number; profit: number; roi: number | null; profitShare: number | null },
  currency: string,
): string[] {
  return [formatNumber(g.count), formatMoney(g.revenue, currency), formatMoney(g.totalCost, currency), formatMoney(g.profit, currency), formatPercent(g.roi), formatPercent(g.profitShare, 0)];
}

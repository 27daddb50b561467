/**
 * How numbers read for people: money in the workbook's currency, ratios as
 * percentages, losses with a minus sign. Pure, so the CLI and the renderer
 * print the same figures.
 */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(value: number | null, currency: string, locale = 'en-US'): string {
  if (value === null || Number.isNaN(value)) return '—';
  const key = `${locale}|${currency}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
    moneyFormats.set(key, f);
  }
  return f.format(value + 0);
}

export function formatPercent(value: number | null, digits = 1): string {
  if (value === null || Number.isNaN(value)) return '—';
  return `${(value * 100).toFixed(digits)}%`;
}

export function formatNumber(value: number | null, digits = 0): string {
  if (value === null || Number.isNaN(value)) return '—';
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function formatMultiple(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '—';
  return `${value.toFixed(2)}x`;
}

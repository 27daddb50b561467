import { afterEach, describe, expect, it } from 'vitest';
import { currentNumberLocale, formatMoney, formatMultiple, formatNumber, formatPercent, setNumberLocale } from '../../../shared/format';

// The window formats figures in the person's number format; the CLI never changes it from en-US.

describe('the number format', () => {
  afterEach(() => setNumberLocale('en-US'));

  it('is en-US until one is chosen', () => {
    expect(currentNumberLocale()).toBe('en-US');
    expect([formatMoney(-1234567, 'USD'), formatPercent(0.2917), formatNumber(1234567), formatMultiple(0.708)]).toEqual(['-$1,234,567', '29.2%', '1,234,567', '0.71x']);
  });

  it('German: dots for thousands, a comma for decimals, the workbook currency after the figure', () => {
    expect(setNumberLocale('de-DE')).toBe('de-DE');
    expect(formatMoney(-1234567, 'EUR')).toMatch(/^-1\.234\.567\s€$/);
    expect([formatPercent(0.2917), formatNumber(1234567), formatMultiple(0.708)]).toEqual(['29,2%', '1.234.567', '0,71x']);
  });

  it('French and Indian groupings, each in the currency of the workbook', () => {
    setNumberLocale('fr-FR');
    expect(formatMoney(1234567, 'USD')).toMatch(/^1\s234\s567\s\$US$/);
    setNumberLocale('en-IN');
    expect(formatMoney(12345678, 'INR')).toBe('₹1,23,45,678');
  });

  it('an unknown locale is refused and en-US kept', () => {
    expect(setNumberLocale('xx-nope')).toBe('en-US');
    expect(formatPercent(0.5)).toBe('50.0%');
  });
});

import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../shared/text/numbers';

const value = (raw: string, decimalComma = false) => {
  const r = parseNumber(raw, { decimalComma });
  if (!r.ok) throw new Error(`refused "${raw}": ${r.rule}`);
  return r.value;
};

describe('numbers as people type them', () => {
  it.each([
    ['1234', 1234],
    ['1,234', 1234],
    ['1,234,567.89', 1234567.89],
    ['$1,234', 1234],
    ['USD 1,234.50', 1234.5],
    ['1 234', 1234],
    ['€ 99', 99],
    ['(1,234)', -1234],
    ['-1,234', -1234],
    ['-', 0],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['12%', 0.12],
    ['-0', 0],
    // Issue 17, item 9: the accounting format's zero, and Excel's scientific notation for large numbers in CSV.
    ['$ -', 0],
    ['- €', 0],
    ['$  -  ', 0],
    ['1.23457E+10', 12_345_700_000],
    ['2.5E+03', 2500],
    ['1e5', 100_000],
    ['-1.5E-02', -0.015],
  ])('"%s" is %s', (raw, expected) => {
    expect(value(raw)).toBe(expected);
  });

  it.each([
    ['1.234,56', 1234.56],
    ['1 234,5', 1234.5],
    ['12,5', 12.5],
    ['€1.000', 1000],
    ['(2.500,00)', -2500],
    ['1,5E+03', 1500],
  ])('with decimal commas, "%s" is %s', (raw, expected) => {
    expect(value(raw, true)).toBe(expected);
  });

  it('a blank is "not given"', () => {
    expect(parseNumber('  ')).toEqual({ ok: true, value: null, percent: false });
  });

  it('marks percentages so a money field can refuse them', () => {
    expect(parseNumber('30%')).toEqual({ ok: true, value: 0.3, percent: true });
  });

  it.each(['abc', '1.2.3', '12,34', 'NaN', 'Infinity', '0x10', '12 apples', '$', 'E+10', '1.2E', '1E+1234'])('refuses "%s"', (raw) => {
    const r = parseNumber(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.rule).toBe('must be a number');
  });

  it('says a number in scientific notation was one, so an import can name it', () => {
    expect(parseNumber('1.23457E+10')).toEqual({ ok: true, value: 12_345_700_000, percent: false, scientific: true });
  });

  it.each(['1e309', '1E+16', '2000000000000000', '-1e16', `1${'0'.repeat(400)}`])('refuses "%s" as too large to compute with, rather than meeting Infinity later (issue 17, item 6)', (raw) => {
    expect(parseNumber(raw)).toEqual({ ok: false, rule: 'is too large to compute with (at most 1,000,000,000,000,000)' });
  });
});

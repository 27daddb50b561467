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
  ])('"%s" is %s', (raw, expected) => {
    expect(value(raw)).toBe(expected);
  });

  it.each([
    ['1.234,56', 1234.56],
    ['1 234,5', 1234.5],
    ['12,5', 12.5],
    ['€1.000', 1000],
    ['(2.500,00)', -2500],
  ])('with decimal commas, "%s" is %s', (raw, expected) => {
    expect(value(raw, true)).toBe(expected);
  });

  it('a blank is "not given"', () => {
    expect(parseNumber('  ')).toEqual({ ok: true, value: null, percent: false });
  });

  it('marks percentages so a money field can refuse them', () => {
    expect(parseNumber('30%')).toEqual({ ok: true, value: 0.3, percent: true });
  });

  it.each(['abc', '1.2.3', '12,34', 'NaN', 'Infinity', '0x10', '1e309', '1e5', '12 apples', '$'])('refuses "%s"', (raw) => {
    const r = parseNumber(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.rule).toBe('must be a number');
  });
});

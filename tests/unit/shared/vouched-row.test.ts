import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INPUT_FIELDS, SEGMENTS, STATUSES, type InputField } from '../../../shared/schemas/fields';
import { SheetRow, vouchedRow } from '../../../shared/schemas/row';
import { plainNumberCell, readCellInFull } from '../../../shared/text/cells';

// The import's fast paths answer for the schema and for readCell on the commonest input, and stand
// aside otherwise. Each must give exactly what the full path gives, or nothing.

/** Values of every kind a cell can become, the awkward ones often. */
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -3, max: 12 }),
  fc.integer({ min: 0, max: 2_000_000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(-0, NaN, Infinity, -Infinity, 0.5, 2 ** 53, 2 ** 53 + 2, 1e308),
  fc.constantFrom(...SEGMENTS, ...STATUSES, 'protect', 'Active', ''),
  fc.string({ maxLength: 8, unit: fc.constantFrom('a', 'B', ' ', '\t', '\u00a0', '\n', 'é') }),
  fc.string({ minLength: 195, maxLength: 205, unit: fc.constantFrom('x', 'y') }),
);

/** A valid row in the shape the import builds it: plain names, numbers already read. */
const plainRow = fc.record(
  {
    account: fc.constantFrom('Acme Corp', 'Beta', 'Zeta-1 Ltd'),
    owner: fc.option(fc.constantFrom('Ann Lee', 'Bob'), { nil: null }),
    segmentOverride: fc.option(fc.constantFrom(...SEGMENTS), { nil: null }),
    revenue: fc.integer({ min: 1_000, max: 2_000_000 }),
    service: fc.integer({ min: 0, max: 900 }),
    meetings: fc.nat({ max: 30 }),
    csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    status: fc.constantFrom(...STATUSES),
    upsell: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    lifespanYears: fc.option(fc.double({ min: 0, max: 20, noNaN: true }), { nil: null }),
  },
  { requiredKeys: ['account', 'revenue'] },
);

/** Anything: arbitrary fields, or a plain row with a few fields made awkward, so both answers come up often. */
const candidate = fc.oneof(
  fc.dictionary(fc.constantFrom(...INPUT_FIELDS, 'extra'), anyValue, { maxKeys: 24 }),
  fc.tuple(plainRow, fc.dictionary(fc.constantFrom(...INPUT_FIELDS, 'extra'), anyValue, { maxKeys: 3 })).map(([row, odd]) => ({ ...row, ...odd })),
);

describe('vouchedRow, the schema answered without running it', () => {
  it('gives what SheetRow.parse gives, or null, for anything at all', () => {
    let vouchedCount = 0;
    fc.assert(
      fc.property(candidate, (c) => {
        const vouched = vouchedRow(c);
        if (vouched === null) return;
        vouchedCount++;
        const parsed = SheetRow.safeParse(c);
        expect(parsed.success, `vouched for a row the schema refuses: ${JSON.stringify(c)}`).toBe(true);
        expect(vouched).toStrictEqual(parsed.data);
      }),
      { numRuns: 20_000 },
    );
    expect(vouchedCount).toBeGreaterThan(2_000); // the comparison ran, not only the refusals
  });

  it('vouches for the plain rows an import is made of, the same row the schema gives', () => {
    fc.assert(
      fc.property(plainRow, (c) => {
        expect(vouchedRow(c)).toStrictEqual(SheetRow.parse(c));
      }),
      { numRuns: 2_000 },
    );
  });

  it('leaves to the schema what it would change or refuse', () => {
    const base = { account: 'Acme', revenue: 100 };
    for (const c of [
      { ...base, account: ' Acme' }, // trimmed by the schema
      { ...base, account: 'Acme  Corp' }, // spaces made one
      { ...base, owner: '' }, // an empty owner is none
      { ...base, csat: 6 },
      { ...base, meetings: 1.5 },
      { ...base, revenue: -1 },
      { ...base, upsell: 101 }, // more than the revenue
      { ...base, status: 'lost' },
      { account: 'Acme' },
    ]) {
      expect(vouchedRow(c), JSON.stringify(c)).toBeNull();
    }
  });
});

describe('plainNumberCell, a cell read in full answered for a plain number', () => {
  const fields = INPUT_FIELDS.filter((f) => f !== 'account' && f !== 'owner') as InputField[];
  const raw = fc.oneof(
    fc.string({ maxLength: 10, unit: fc.constantFrom('0', '1', '7', '9', '.', ',', '-', ' ', 'e', '%', '$') }),
    fc.nat().map(String),
    fc.double({ min: 0, max: 1e6, noNaN: true }).map(String),
    fc.constantFrom('1e309', '0x10', '007', '1.', '.5', '1.234', '1.234,5', '9'.repeat(400)),
  );
  it('is undefined, or the value the full reading gives, for every field and both number styles', () => {
    let plainCount = 0;
    fc.assert(
      fc.property(fc.constantFrom(...fields), raw, fc.boolean(), (field, text, decimalComma) => {
        const style = { decimalComma };
        const plain = plainNumberCell(field, text, style);
        if (plain === undefined) return;
        plainCount++;
        expect(readCellInFull(field, text, style)).toStrictEqual({ ok: true, value: plain });
      }),
      { numRuns: 20_000 },
    );
    expect(plainCount).toBeGreaterThan(2_000);
  });
});

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/dispatch';
import { loadSheet, refuseIfProblems } from '../../../electron/backend/io/import';
import { matchHeaders } from '../../../electron/backend/io/mapping';
import { METHODS, contract, type Method } from '../../../shared/ipc/contract';
import { CpwError } from '../../../shared/ipc/errors';
import { INPUT_FIELDS } from '../../../shared/schemas/fields';
import { parseNumber } from '../../../shared/text/numbers';
import { ROOT, sha256, useTempDir } from '../../helpers';

// Fuzzing (issue 10, item 3): 10,000 cases a target. No input may crash the code under test or throw
// anything but a CpwError with a message; a refused call leaves the workbook file as it was, byte for byte.

const CASES = { numRuns: 10_000 };

/** Text of every kind: any Unicode, number-like shapes, and the words a sheet uses. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('0', '1', '9', '.', ',', '-', '(', ')', '%', '$', '€', ' ', "'", 'e', 'E', '+', '\u00a0'), maxLength: 14 }),
  fc.constantFrom('', '-', '1e309', 'NaN', 'Infinity', '0x10', '1,234.5', '1.234,5', '(1,234)', '12%', 'USD 5', '−3', '٣', '1_000'),
  fc.constantFrom(...INPUT_FIELDS, 'Account', 'Umsatz', 'Revenue ($)', 'Total', 'Grand total'),
);

/** What any refusal must be: our error, with a code and a message that says something. */
function expectCpwRefusal(e: unknown): void {
  if (!(e instanceof CpwError)) throw new Error(`not a CpwError: ${String(e)}`);
  expect(e.message.trim().length).toBeGreaterThan(5);
}

describe('fuzzing: 10,000 cases a target', () => {
  const tmp = useTempDir();

  it('the number parser: every text is a number, nothing, or a refusal with its rule', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (raw, decimalComma) => {
        const n = parseNumber(raw, { decimalComma });
        if (n.ok) expect(n.value === null || Number.isFinite(n.value)).toBe(true);
        else expect(n.rule.length).toBeGreaterThan(5);
      }),
      CASES,
    );
  });

  it('the header mapper: any header row and any chosen mapping give columns inside the row, each used once, or problems with rules', () => {
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 30 }),
        fc.dictionary(fc.constantFrom(...INPUT_FIELDS), text, { maxKeys: 5 }),
        (headers, chosen) => {
          const m = matchHeaders(headers, chosen);
          const used = Object.values(m.columns) as number[];
          for (const index of used) expect(index >= 0 && index < headers.length).toBe(true);
          expect(new Set(used).size).toBe(used.length);
          for (const p of m.problems) expect(p.rule.length).toBeGreaterThan(5);
        },
      ),
      CASES,
    );
  });

  it('the CSV importer: any file is read into checked rows or refused with a CpwError that names its problems', async () => {
    const cell = fc.oneof(text, fc.integer().map(String), fc.double().map(String));
    const csvFile = fc.oneof(
      // Sheets: a header row of field names and synonyms, then rows of any cells, with any separator and line end.
      fc
        .tuple(
          fc.array(fc.constantFrom(...INPUT_FIELDS, 'Account', 'Revenue', 'Umsatz', 'notes'), { minLength: 1, maxLength: 8 }),
          fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 8 }),
          fc.constantFrom(',', ';', '\t', '|'),
          fc.constantFrom('\n', '\r\n', '\r'),
        )
        .map(([head, rows, sep, eol]) => Buffer.from([head, ...rows].map((r) => r.join(sep)).join(eol))),
      // And bytes of any kind.
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
    );
    await fc.assert(
      fc.asyncProperty(csvFile, fc.constantFrom('sheet.csv', 'sheet.xlsx', 'sheet.txt'), async (bytes, fileName) => {
        try {
          const sheet = await loadSheet({ name: fileName, bytes }, undefined, {});
          refuseIfProblems(sheet);
          for (const row of sheet.rows) expect(Number.isFinite(row.revenue) && row.revenue >= 0).toBe(true);
        } catch (e) {
          expectCpwRefusal(e);
        }
      }),
      CASES,
    );
  }, 300_000);

  it('the XLSX importer: a real workbook with bytes changed, cut or added is read or refused with a CpwError', async () => {
    const original = readFileSync(join(ROOT, 'tests', 'fixtures', 'sheets', 'titled.xlsx'));
    const damaged = fc
      .tuple(
        fc.array(fc.tuple(fc.nat({ max: original.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.option(fc.nat({ max: original.length }), { nil: null }),
        fc.uint8Array({ maxLength: 40 }),
      )
      .map(([flips, cut, tail]) => {
        const bytes = Buffer.from(original);
        for (const [at, v] of flips) bytes[at] = v;
        return Buffer.concat([cut === null ? bytes : bytes.subarray(0, cut), Buffer.from(tail)]);
      });
    await fc.assert(
      fc.asyncProperty(damaged, async (bytes) => {
        try {
          const sheet = await loadSheet({ name: 'sheet.xlsx', bytes }, 'Q1 2026', {});
          refuseIfProblems(sheet);
        } catch (e) {
          expectCpwRefusal(e);
        }
      }),
      CASES,
    );
    // A zip checks its parts, so nearly every change is refused; the file itself reads, so the refusals are the changes'.
    expect((await loadSheet({ name: 'sheet.xlsx', bytes: original }, 'Q1 2026', {})).rows.length).toBeGreaterThan(0);
  }, 600_000);

  it('the importer through the backend: a refused import leaves the workbook byte for byte as it was', async () => {
    const backend = createBackend();
    const path = join(tmp(), 'demo.cpw');
    expect((await backend.call('workbook.create', { path, sample: true })).ok).toBe(true);
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.oneof(text, fc.integer({ min: -5, max: 100_000 }).map(String)), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        async (rows) => {
          const content = Buffer.from(['account,revenue,service', ...rows.map((r) => r.join(','))].join('\n')).toString('base64');
          const before = sha256(path);
          const r = await backend.call('import.commit', { source: { fileName: 'in.csv', content }, period: 'Fuzz', merge: true });
          if (r.ok) return;
          refused++;
          expect(r.error.message.length).toBeGreaterThan(5);
          expect(sha256(path)).toBe(before);
        },
      ),
      { numRuns: 500 },
    );
    expect(refused).toBeGreaterThan(100);
    backend.close();
  }, 300_000);

  it('every RPC method: any input is answered (never thrown), each refusal with a code and a message and the workbook unchanged', async () => {
    const backend = createBackend();
    const path = join(tmp(), 'demo.cpw');
    expect((await backend.call('workbook.create', { path, sample: true })).ok).toBe(true);
    // Left out: the methods that take a path to write to or open (random paths would write about the disk),
    // close the workbook, or start Chromium; their inputs are checked by the same zod contract.
    const skip = new Set<Method>(['workbook.create', 'workbook.open', 'workbook.saveAs', 'workbook.check', 'workbook.close', 'export.sheet', 'export.template', 'report.pdf', 'report.download']);
    const methods = METHODS.filter((m) => !skip.has(m));
    // Values that sometimes name real things (so calls get past the first check), else anything JSON holds.
    const value = fc.oneof(
      { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 4 },
      { arbitrary: fc.constantFrom('2026-Q3', '2026-Q1', 'Contoso Retail', 'Fabrikam Foods', 'Ann Lee', '', 0, -1, Number.POSITIVE_INFINITY, null), weight: 2 },
      { arbitrary: text, weight: 2 },
    );
    const input = (m: Method) => {
      const keys = Object.keys((contract[m].input as unknown as { shape?: Record<string, unknown> }).shape ?? {});
      return fc.oneof(fc.anything({ maxDepth: 2 }), fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] }));
    };
    const counts = { calls: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...methods).chain((m) => input(m).map((i) => [m, i] as const)),
        async ([method, args]) => {
          const before = sha256(path);
          const r = await backend.call(method, args);
          counts.calls++;
          if (r.ok) return;
          counts.refused++;
          expect(r.error.code).toMatch(/^[A-Z_]+$/);
          expect(r.error.message.trim().length, `${method} ${JSON.stringify(args)}`).toBeGreaterThan(5);
          expect(sha256(path), `${method} refused but wrote`).toBe(before);
        },
      ),
      CASES,
    );
    expect(counts.calls).toBe(10_000);
    expect(counts.refused).toBeGreaterThan(5_000);
    backend.close();
  }, 600_000);
});

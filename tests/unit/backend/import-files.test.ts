import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/dispatch';
import { describeProblem, type Problem } from '../../../shared/ipc/errors';
import type { SheetRow } from '../../../shared/schemas/row';
import { FIXTURES, sha256, useTempDir } from '../../helpers';

const SHEETS = join(FIXTURES, 'sheets');

describe('importing the files people bring', () => {
  const tmp = useTempDir();

  async function book() {
    const backend = createBackend();
    const path = join(tmp(), 'w.cpw');
    const made = await backend.call('workbook.create', { path });
    if (!made.ok) throw new Error(made.error.message);
    const rows = async (period = 'Q1') => {
      const r = await backend.call('rows.list', { period });
      if (!r.ok) throw new Error(r.error.message);
      return r.value as SheetRow[];
    };
    const run = (method: 'import.preview' | 'import.commit', file: string, extra: { map?: Record<string, string>; sheet?: string } = {}) =>
      backend.call(method, { source: { file: join(SHEETS, file), ...(extra.sheet ? { sheet: extra.sheet } : {}) }, period: 'Q1', map: extra.map ?? {} });
    return { backend, path, rows, run };
  }

  it('a clean CSV with the DOMAIN.md header', async () => {
    const { rows, run } = await book();
    expect(await run('import.commit', 'clean.csv')).toMatchObject({ ok: true, value: { rows: 3, added: 3, problemCount: 0 } });
    const stored = await rows();
    expect(stored.map((r) => [r.account, r.owner, r.revenue, r.service, r.meetings, r.calls, r.csat, r.nps, r.status])).toEqual([
      ['Acme Corp', 'Ann Lee', 120000, 9000, 6, 20, 4, 9, 'active'],
      ['Beta Industries', 'Bob Ray', 80000, 16000, 9, 30, 2, 5, 'active'],
      ['Gamma Retail', 'Ann Lee', 30500.5, 1000, 2, 4, 5, 10, 'new'],
    ]);
  });

  it('a semicolon CSV from European Excel with decimal commas, currency and "-" for zero', async () => {
    const { rows, run } = await book();
    const r = await run('import.commit', 'european.csv', { map: { account: 'Kunde', revenue: 'Umsatz' } });
    expect(r).toMatchObject({ ok: true, value: { rows: 2 } });
    expect((await rows()).map((x) => [x.account, x.revenue, x.service, x.distribution, x.meetings])).toEqual([
      ['Müller GmbH', 1234.5, 100.25, 0, 3],
      ['Schmidt AG', 0, 2000, 50.5, 1],
    ]);
  });

  it('an XLSX with a title block above the header and a totals line below, from its named sheet', async () => {
    const { rows, run } = await book();
    const preview = await run('import.preview', 'titled.xlsx', { sheet: 'q1 2026' });
    expect(preview).toMatchObject({
      ok: true,
      value: {
        sheet: 'Q1 2026',
        sheets: ['Notes', 'Q1 2026'],
        rows: 3,
        problemCount: 0,
        mapping: { account: 'Customer', owner: 'Key account director', revenue: 'Sales', presale: 'Pre-sales', production: 'Cost of sales', distribution: 'Logistics', service: 'Support', labour: 'Staff time', meetings: 'Meetings held', csat: 'Satisfaction' },
      },
    });
    await run('import.commit', 'titled.xlsx', { sheet: 'Q1 2026' });
    expect((await rows()).map((x) => [x.account, x.owner, x.revenue, x.presale, x.labour, x.csat])).toEqual([
      ['Acme Corp', 'Ann Lee', 120000, 6000, 7000, 4],
      ['Beta Industries', 'Bob Ray', 80000, 4000, 9000, 2],
      ['Gamma Retail', 'Ann Lee', 30500.5, 1500, 1500, 5],
    ]);
  });

  it('an XLSX with merged title cells, styles, currency formats, a formula and rich text', async () => {
    const { rows, run } = await book();
    expect(await run('import.commit', 'styled.xlsx')).toMatchObject({ ok: true, value: { rows: 3 } });
    expect((await rows()).map((x) => [x.account, x.revenue, x.production, x.service, x.status, x.nps])).toEqual([
      ['Delta Foods', 50000, 20000, 4000, 'active', 9],
      ['Epsilon Air', 75000, 60000, 30000, 'churned', 3],
      ['Zeta Labs', 12000, 4000, 1000, 'new', 7],
    ]);
  });

  const refusals: [string, string[]][] = [
    ['empty.csv', ['empty.csv is empty']],
    ['header-only.csv', ['row 2: the sheet has a header row but no accounts under it']],
    ['no-header.csv', ['row 1, field account: the sheet has no account column (name one with --map account=HEADER)', 'row 1, field revenue: the sheet has no revenue column (name one with --map revenue=HEADER)']],
    ['two-revenue-columns.csv', ['row 1, column Revenue: value "Revenue" — column "Sales" already gives revenue; choose one with --map revenue=HEADER']],
    ['duplicate-accounts.csv', ['row 3, column Customer: value " acme  corp " — the same account is already on row 2 (names are unique, ignoring case and spacing)']],
    [
      'wrong-types.csv',
      [
        'row 2, column Sales: value "lots" — must be a number',
        'row 3, column Support: value "-5" — must be 0 or more (a negative cost or count is refused)',
        'row 3, column Meetings held: value "1.5" — must be a whole number',
        'row 3, column Satisfaction: value "9" — csat must be from 1 to 5',
        'row 3, column Status: value "gone" — must be active, new or churned',
      ],
    ],
    ['not-really.xlsx', ['not-really.xlsx is not an XLSX workbook (an .xlsx file is a zip archive; this one is not)']],
    ['renamed-workbook.csv', ['renamed-workbook.csv is named .csv but holds a zip archive (an XLSX workbook?): rename it .xlsx']],
  ];

  for (const [file, expected] of refusals) {
    it(`refuses ${file} with a clear message and leaves the workbook as it was`, async () => {
      const { backend, path, run } = await book();
      backend.close();
      const before = sha256(path);
      await backend.call('workbook.open', { path });
      const r = await run('import.commit', file);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const problems = (r.error.details?.problems ?? []) as Problem[];
      const lines = problems.length ? problems.map(describeProblem) : [r.error.message.replace(`${SHEETS}/`, '')];
      expect(lines.map((l) => l.replace(`${SHEETS}/`, ''))).toEqual(expected);
      backend.close();
      expect(sha256(path)).toBe(before);
    });
  }

  it('remembers the mapping a user chose for the next import', async () => {
    const { rows, run } = await book();
    await run('import.commit', 'european.csv', { map: { account: 'Kunde', revenue: 'Umsatz' } });
    const r2 = await run('import.preview', 'european.csv');
    expect(r2).toMatchObject({ ok: true, value: { problemCount: 0, mapping: { account: 'Kunde', revenue: 'Umsatz' } } });
    expect((await rows()).length).toBe(2);
  });
});

describe('importing an interactions log', () => {
  const tmp = useTempDir();

  async function bookWithAccounts() {
    const backend = createBackend();
    const path = join(tmp(), 'w.cpw');
    await backend.call('workbook.create', { path });
    await backend.call('import.commit', { source: { file: join(SHEETS, 'clean.csv') }, period: 'Q1' });
    return { backend, path };
  }

  it('adds every interaction of a clean log: Excel dates, kinds by synonym, percentages', async () => {
    const { backend } = await bookWithAccounts();
    expect(await backend.call('interactions.import', { source: { file: join(SHEETS, 'interactions.csv') } })).toMatchObject({ ok: true, value: { rows: 3 } });
    const r = await backend.call('interactions.list', {});
    if (!r.ok) throw new Error(r.error.message);
    expect((r.value as { account: string; date: string; kind: string; hours: number; prepHours: number; attendees: number; travel: number; projectedRevenue: number; winProbability: number; valued: string }[]).map((i) => [i.account, i.date, i.kind, i.hours, i.prepHours, i.attendees, i.travel, i.projectedRevenue, i.winProbability, i.valued])).toEqual([
      ['Acme Corp', '2026-01-15', 'meeting', 1.5, 1, 2, 350, 20000, 0.3, 'yes'],
      ['Beta Industries', '2026-01-18', 'call', 0.5, 0, 1, 0, 0, 0, 'unknown'],
      ['Gamma Retail', '2026-02-03', 'workshop', 4, 2, 3, 1200, 50000, 0.6, 'no'],
    ]);
  });

  it('refuses a bad log whole, naming each cell, and adds nothing', async () => {
    const { backend, path } = await bookWithAccounts();
    backend.close();
    const before = sha256(path);
    await backend.call('workbook.open', { path });
    const r = await backend.call('interactions.import', { source: { file: join(SHEETS, 'interactions-bad.csv') } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(((r.error.details?.problems ?? []) as Problem[]).map(describeProblem)).toEqual([
      'row 2, column Date: value "15/01/2026" — must be a date written YYYY-MM-DD (or an Excel date)',
      'row 2, column Win probability: value "30" — must be a fraction from 0 to 1, or a percentage like 30%',
      'row 2, column Customer valued: value "maybe" — must be yes, no or unknown',
      'row 3, column Customer: value "Nobody Ltd" — no such account in this workbook (import the sheet first)',
      'row 3, column Type: value "lunch" — must be meeting, call, visit, workshop or other',
      'row 3, column Duration (h): value "-1" — Hours must be 0 or more',
    ]);
    backend.close();
    expect(sha256(path)).toBe(before);
  });
});

describe('a file too large to import', () => {
  const tmp = useTempDir();

  it('is refused by its size before it is read, naming the limit', async () => {
    const backend = createBackend();
    await backend.call('workbook.create', { path: join(tmp(), 'w.cpw') });
    const huge = join(tmp(), 'huge.csv');
    // A sparse file: 300 MiB on paper, nothing on disk.
    writeFileSync(huge, '');
    truncateSync(huge, 300 * 2 ** 20);
    const r = await backend.call('import.preview', { source: { file: huge }, period: 'Q1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID', message: `${huge} is 300 MiB: files above 256 MiB are not imported` } });
    backend.close();
  });
});

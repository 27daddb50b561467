import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../../electron/backend/db/create';
import { getPeriod } from '../../../electron/backend/db/repos/periods';
import { listRows } from '../../../electron/backend/db/repos/period-rows';
import { commitImport, loadSheet } from '../../../electron/backend/io/import';
import { readSource } from '../../../electron/backend/io/table';
import { matchHeaders } from '../../../electron/backend/io/mapping';
import { parseSheet } from '../../../electron/backend/io/sheet';
import { CpwError, describeProblem } from '../../../shared/ipc/errors';
import { csv, onWorkbook, sha256, useTempDir } from '../../helpers';

const style = { decimalComma: false };

describe('header matching', () => {
  it('matches DOMAIN.md names and synonyms, ignoring case, spaces and punctuation', () => {
    const headers = ['Customer', 'SALES', 'Pre-sales', 'Cost of sales', 'Logistics', 'Post-sale service', 'Staff time', 'Meetings held', 'NPS score', 'Notes'];
    const m = matchHeaders(headers, {});
    expect(m.columns).toEqual({ account: 0, revenue: 1, presale: 2, production: 3, distribution: 4, service: 5, labour: 6, meetings: 7, nps: 8 });
    expect(m.unmapped).toEqual(['Notes']);
    expect(m.problems).toEqual([]);
  });

  it('lets the user name the header for a field, and says when the file lacks it', () => {
    expect(matchHeaders(['Klant', 'Omzet'], { account: 'Klant', revenue: 'omzet' }).columns).toEqual({ account: 0, revenue: 1 });
    const m = matchHeaders(['Klant'], { revenue: 'Omzet' });
    expect(m.problems.map(describeProblem)).toEqual(['row 1, field revenue: value "Omzet" — no column "Omzet" in the header row (it has Klant)']);
  });

  it('refuses one column chosen for two fields, and a blank choice (found by the header fuzzer)', () => {
    const m = matchHeaders(['Account', 'Extra', ''], { upsell: 'Extra', crossSell: 'extra', lifespanYears: ' ' });
    expect(m.columns).toEqual({ account: 0, upsell: 1 });
    expect(m.problems.map(describeProblem)).toEqual([
      'row 1, column Extra: value "extra" — column "Extra" is already chosen for upsell: a column gives one field',
      'row 1, field lifespanYears: value " " — no column " " in the header row (it has Account, Extra, )',
    ]);
  });

  it('refuses two columns for one field', () => {
    const m = matchHeaders(['Account', 'Revenue', 'Sales'], {});
    expect(m.problems.map(describeProblem)).toEqual([
      'row 1, column Sales: value "Sales" — column "Revenue" already gives revenue; choose one with --map revenue=HEADER',
    ]);
  });
});

describe('reading a sheet', () => {
  it('fills absent buckets, meetings and calls with 0 and says which columns were absent', () => {
    const s = parseSheet([['Account', 'Revenue', 'Service'], ['Acme', '1,000', '200'], ['', '', ''], ['Beta', '$500', '']], { map: {}, style });
    expect(s.problems).toEqual([]);
    expect(s.rows.map((r) => [r.account, r.revenue, r.service, r.presale, r.meetings, r.csat, r.status])).toEqual([
      ['Acme', 1000, 200, 0, 0, null, 'active'],
      ['Beta', 500, 0, 0, 0, null, 'active'],
    ]);
    expect(s.absentColumns).toContain('presale');
    expect(s.absentColumns).toContain('meetings');
    expect(s.absentColumns).not.toContain('service');
  });

  it('lists every problem with the spreadsheet row, the column, the value and the rule', () => {
    const s = parseSheet(
      [
        ['Customer', 'Revenue', 'Support', 'Meetings', 'CSAT', 'Status'],
        ['Acme', 'lots', '10', '2', '4', 'active'],
        ['Beta', '100', '-5', '1.5', '9', 'gone'],
        ['acme', '100', '0', '0', '', ''],
        ['', '100', '0', '0', '', ''],
      ],
      { map: {}, style },
    );
    expect(s.problems.map(describeProblem)).toEqual([
      'row 2, column Revenue: value "lots" — must be a number',
      'row 3, column Support: value "-5" — must be 0 or more (a negative cost or count is refused)',
      'row 3, column Meetings: value "1.5" — must be a whole number',
      'row 3, column CSAT: value "9" — csat must be from 1 to 5',
      'row 3, column Status: value "gone" — must be active, new or churned',
      'row 4, column Customer: value "acme" — the same account is already on row 2 (names are unique, ignoring case and spacing)',
      'row 5, column Customer: value "" — account name is required',
    ]);
  });

  it('refuses upsell and cross-sell above revenue, naming the row', () => {
    const s = parseSheet([['account', 'revenue', 'upsell', 'crossSell'], ['Acme', '100', '60', '50']], { map: {}, style });
    expect(s.problems.map(describeProblem)).toEqual(['row 2, column upsell: value "60" — upsell + crossSell must not exceed revenue']);
  });

  it('needs account and revenue columns', () => {
    const s = parseSheet([['Name of thing', 'Cost']], { map: {}, style });
    expect(s.problems.map((p) => p.rule)).toEqual([
      'the sheet has no account column (name one with --map account=HEADER)',
      'the sheet has no revenue column (name one with --map revenue=HEADER)',
    ]);
  });
});

describe('importing into a workbook', () => {
  const tmp = useTempDir();

  async function setup(sheet: string, name = 'sheet.csv') {
    const book = join(tmp(), 'w.cpw');
    await createWorkbook(book);
    const file = join(tmp(), name);
    writeFileSync(file, sheet);
    return { book, file };
  }

  it('reads a semicolon CSV from European Excel with decimal commas', async () => {
    const { book, file } = await setup('Kunde;Umsatz;Service\nMüller GmbH;"1.234,50";"100,25"\n', 'de.csv');
    const sheet = await loadSheet(readSource(file), undefined, { account: 'Kunde', revenue: 'Umsatz' });
    await onWorkbook(book, (tx) => commitImport(tx, 'Q1', false, sheet), 'write');
    const rows = await onWorkbook(book, async (tx) => listRows(tx, (await getPeriod(tx, 'Q1')).id));
    expect(rows.map((r) => [r.account, r.revenue, r.service])).toEqual([['Müller GmbH', 1234.5, 100.25]]);
  });

  it('refuses a bad sheet whole: every problem listed, the workbook bytes unchanged', async () => {
    const { book, file } = await setup(csv(['account', 'revenue'], [['Acme', 100], ['Beta', -3], ['Gamma', 'n/a']]));
    const before = sha256(book);
    let error: unknown;
    const sheet = await loadSheet(readSource(file), undefined, {});
    try {
      await onWorkbook(book, (tx) => commitImport(tx, 'Q1', false, sheet), 'write');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CpwError);
    const e = error as CpwError;
    expect(e.code).toBe('IMPORT_INVALID');
    expect(e.message.split('\n')).toEqual([
      `${file}: 2 problems, nothing imported`,
      'row 3, column revenue: value "-3" — must be 0 or more (a negative cost or count is refused)',
      'row 4, column revenue: value "n/a" — must be a number',
    ]);
    expect(e.details?.problems).toHaveLength(2);
    expect(sha256(book)).toBe(before);
  });

  it('replaces a period, or merges into it keeping the other rows and the owners', async () => {
    const { book, file } = await setup(csv(['account', 'owner', 'revenue'], [['Acme', 'Ann', 100], ['Beta', 'Bob', 200]]));
    const run = async (path: string, merge: boolean) => {
      const sheet = await loadSheet(readSource(path), undefined, {});
      return onWorkbook(book, (tx) => commitImport(tx, 'Q1', merge, sheet), 'write');
    };
    expect(await run(file, false)).toMatchObject({ added: 2, updated: 0, removed: 0 });
    const second = join(tmp(), 'second.csv');
    writeFileSync(second, csv(['account', 'revenue'], [['beta', 250], ['Cara', 50]]));
    expect(await run(second, true)).toMatchObject({ added: 1, updated: 1, removed: 0 });
    const rows = async () => (await onWorkbook(book, async (tx) => listRows(tx, (await getPeriod(tx, 'Q1')).id))).map((r) => [r.account, r.owner, r.revenue]);
    expect(await rows()).toEqual([['Acme', 'Ann', 100], ['Beta', 'Bob', 250], ['Cara', null, 50]]);
    expect(await run(second, false)).toMatchObject({ added: 0, updated: 2, removed: 1 });
    expect(await rows()).toEqual([['Beta', 'Bob', 250], ['Cara', null, 50]]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../../renderer/src/components/clipboard';
import { buildModel, metricValue, modelAllocation, replaceRow, totalsRow } from '../../../renderer/src/state/period-model';
import { accountResults, toPortfolio } from '../../../shared/engine/results';
import { accountFromHash, viewFromHash } from '../../../renderer/src/router';
import { findAccount, searchOutcome } from '../../../renderer/src/search';
import { tokenFromLocation } from '../../../renderer/src/api/transports/http';
import { DEFAULT_ASSUMPTIONS } from '../../../shared/schemas/assumptions';
import { SheetRow } from '../../../shared/schemas/row';

describe('tab-separated blocks, as Excel and LibreOffice copy them', () => {
  it('reads rows and cells, quoted cells with tabs, line breaks and quotes, and a trailing line break', () => {
    expect(parseTsv('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([['1', '2', '3'], ['4', '5', '6']]);
    expect(parseTsv('"a\tb"\t"line\nbreak"\t"say ""hi"""\nx\t\t')).toEqual([['a\tb', 'line\nbreak', 'say "hi"'], ['x', '', '']]);
    expect(parseTsv('12"5\t3')).toEqual([['12"5', '3']]);
  });

  it('writes what it reads', () => {
    const block = [['Acme', 'tab\there', 'new\nline'], ['"quoted"', '', '1,234']];
    expect(parseTsv(toTsv(block))).toEqual(block);
  });
});

describe('the sheet model', () => {
  const rows = () => [
    SheetRow.parse({ account: 'Acme', revenue: 1000, service: 400 }),
    SheetRow.parse({ account: 'Beta', revenue: 500, service: 700, owner: 'Ann' }),
  ];

  it('recomputes the period when one number changes, in place', () => {
    const m = buildModel(rows(), DEFAULT_ASSUMPTIONS);
    expect(metricValue(m.result, 'profit', 0)).toBe(600);
    const row = m.rows[0]!;
    const next = replaceRow(m, 0, { ...row, revenue: 2000 }, DEFAULT_ASSUMPTIONS);
    expect(next.rows[0]).toBe(row); // the grid's own row object, changed in place
    expect(row.revenue).toBe(2000);
    expect(next.columns).toBe(m.columns);
    expect(metricValue(next.result, 'profit', 0)).toBe(1600);
    expect(totalsRow(next.result)).toMatchObject({ account: 'Total (2 accounts)', revenue: 2500, profit: 1400, totalCost: 1100 });
  });

  it('follows edits of fed and unfed buckets with the cost pools allocation in them, as a fresh build of the same rows', () => {
    const how = { kind: 'time' as const, level: null, count: 1, minutes: 1, rate: 1 };
    const lines = [
      { account: 'Acme', pool: 'Support', activity: 'Ticket', bucket: 'service' as const, amount: 300, ...how },
      { account: 'beta', pool: 'Support', activity: 'Ticket', bucket: 'service' as const, amount: 100, ...how },
      { account: 'Beta', pool: 'Sales', activity: 'Visit', bucket: 'presale' as const, amount: 50, ...how },
    ];
    const modes = { presale: 'replace', production: 'add', distribution: 'add', service: 'add', labour: 'add' } as const;
    const allocation = () => modelAllocation(lines, modes, new Set(['service', 'presale'] as const));
    let m = buildModel(rows(), DEFAULT_ASSUMPTIONS, allocation());
    expect(metricValue(m.result, 'totalCost', 0)).toBe(700); // 400 typed + 300 allocated
    m = replaceRow(m, 0, { ...m.rows[0]!, service: 1000 }, DEFAULT_ASSUMPTIONS);
    m = replaceRow(m, 1, { ...m.rows[1]!, presale: 999, revenue: 4000 }, DEFAULT_ASSUMPTIONS);
    expect(m.columns.service[0]).toBe(1000); // the typed value stays what was typed
    expect(metricValue(m.result, 'totalCost', 0)).toBe(1300);
    expect(metricValue(m.result, 'totalCost', 1)).toBe(850); // presale replaced by its 50, service 700 + 100
    const fresh = buildModel(m.rows.map((r) => ({ ...r })), DEFAULT_ASSUMPTIONS, allocation());
    expect(accountResults(m.result)).toEqual(accountResults(fresh.result));
    expect(toPortfolio(m.result)).toEqual(toPortfolio(fresh.result));
    expect(totalsRow(m.result)).toEqual(totalsRow(fresh.result));
  });

  it('rebuilds the columns when a name or an owner changes', () => {
    const m = buildModel(rows(), DEFAULT_ASSUMPTIONS);
    const next = replaceRow(m, 1, { ...m.rows[1]!, owner: 'Bob' }, DEFAULT_ASSUMPTIONS);
    expect(next.columns).not.toBe(m.columns);
    expect(next.result.byOwner.map((o) => o.owner)).toEqual(['Bob', null]);
    expect(metricValue(next.result, 'segment', 1)).toBe('Reassess');
  });
});

describe('addresses', () => {
  it('each view has its own hash, the sheet by default', () => {
    expect(viewFromHash('#/dashboard')).toBe('dashboard');
    expect(viewFromHash('#/account/Acme')).toBe('account');
    expect(viewFromHash('#/account/')).toBe('sheet'); // a page needs its account's name
    expect(accountFromHash('#/account/Contoso%20Retail')).toBe('Contoso Retail');
    expect(accountFromHash('#/account/100%')).toBe('100%'); // not URI-encoded: taken as written
    expect(accountFromHash('#/sheet')).toBeNull();
    expect(viewFromHash('')).toBe('sheet');
    expect(viewFromHash('#/nonsense')).toBe('sheet');
  });

  it('keeps the token of the address for reloads that drop it', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
    expect(tokenFromLocation({ search: '?token=abc' } as Location, storage)).toBe('abc');
    expect(tokenFromLocation({ search: '' } as Location, storage)).toBe('abc');
  });
});

describe('the search box', () => {
  const names = ['Contoso Retail', 'Contoso Bank', 'Fabrikam Foods'];
  it('opens the account spelled so, or the only one holding the text, case-insensitively', () => {
    expect(findAccount(names, 'fabrikam')).toBe('Fabrikam Foods');
    expect(findAccount(names, ' contoso bank ')).toBe('Contoso Bank');
    expect(findAccount(names, 'contoso')).toBeNull(); // two hold it: the sheet filter shows both
    expect(findAccount(names, '')).toBeNull();
  });

  it('Enter with several or no accounts holding the text says so instead of doing nothing', () => {
    expect(searchOutcome(names, 'fabrikam')).toEqual({ open: 'Fabrikam Foods' });
    expect(searchOutcome(names, 'contoso')).toEqual({ say: '2 accounts hold "contoso": type more of the name to open one, or pick it in the sheet (Ctrl+Enter opens the focused account).' });
    expect(searchOutcome(names, 'zeta')).toEqual({ say: 'No account\'s name holds "zeta"; the search also matches owners and other columns in the sheet.' });
    expect(searchOutcome(names, '  ')).toBeNull();
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/dispatch';
import type { Input as MethodInput, Method, Output as MethodOutput } from '../../../shared/ipc/contract';
import { csv, useTempDir } from '../../helpers';
import { ENGINES, contentOf, newLocation, type Engine } from '../../engines';

// Issue 24 item 5: accounts carry the workbook's dimensions, imported from a sheet, edited, undone, and grouped by.

const SHEET = csv(
  ['Customer', 'Revenue', 'Service', 'Region', 'Industry'],
  [
    ['Acme', 1_000, 100, 'EMEA', 'Retail'],
    ['Beta', 2_000, 300, ' EMEA ', 'Banking'],
    ['Cara', 500, 600, 'Americas', ''],
    ['Dell', 800, 200, '', 'Retail'],
  ],
);

describe.each(ENGINES)('dimensions on %s', (engine: Engine) => {
  const tmp = useTempDir();

  async function book() {
    const dir = tmp();
    const backend = createBackend();
    const call = async <M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
      const r = await backend.call(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as MethodOutput<M>;
    };
    const refusal = async <M extends Method>(method: M, input: unknown): Promise<string> => {
      const r = await backend.call(method, input);
      if (r.ok) throw new Error(`${method} was not refused`);
      return r.error.message;
    };
    const location = newLocation(engine, dir);
    await call('workbook.create', { path: location });
    const file = join(dir, 'sheet.csv');
    writeFileSync(file, SHEET);
    return { dir, call, refusal, location, file };
  }

  it('keeps the columns named as dimensions, and groups the portfolio by each', async () => {
    const { call, file } = await book();
    const done = await call('import.commit', { source: { file }, period: 'Q1', dimensions: [{ name: 'region', header: 'Region' }, { name: 'Industry', header: 'industry' }] });
    expect(done.dimensions).toEqual([
      { name: 'region', header: 'Region', accounts: 3, values: ['Americas', 'EMEA'] },
      { name: 'Industry', header: 'Industry', accounts: 3, values: ['Banking', 'Retail'] },
    ]);
    expect(done.unmappedColumns).toEqual([]);
    const columns = await call('rows.columns', { period: 'Q1' });
    expect(columns.dimensions).toEqual([
      { name: 'region', values: ['EMEA', 'EMEA', 'Americas', null] },
      { name: 'Industry', values: ['Retail', 'Banking', null, 'Retail'] },
    ]);
    const report = await call('report.get', { period: 'Q1' });
    expect(report.accounts.map((a) => a.dimensions)).toEqual([
      { region: 'EMEA', Industry: 'Retail' },
      { region: 'EMEA', Industry: 'Banking' },
      { region: 'Americas', Industry: null },
      { region: null, Industry: 'Retail' },
    ]);
    // EMEA: revenue 3,000, cost 400, profit 2,600 of 3,100; Americas loses 100; Dell (no region) makes 600.
    expect(report.portfolio.byDimension.region).toEqual([
      { value: 'EMEA', count: 2, revenue: 3_000, totalCost: 400, profit: 2_600, roi: 6.5, profitShare: 2_600 / 3_100 },
      { value: 'Americas', count: 1, revenue: 500, totalCost: 600, profit: -100, roi: -100 / 600, profitShare: -100 / 3_100 },
      { value: null, count: 1, revenue: 800, totalCost: 200, profit: 600, roi: 3, profitShare: 600 / 3_100 },
    ]);
    expect(report.portfolio.byDimension.Industry!.map((g) => [g.value, g.count])).toEqual([
      ['Banking', 1],
      ['Retail', 2],
      [null, 1],
    ]);
    expect(await call('dimensions.list', {})).toEqual([
      { name: 'region', accounts: 3, values: ['Americas', 'EMEA'] },
      { name: 'Industry', accounts: 3, values: ['Banking', 'Retail'] },
    ]);
  });

  it('refuses a dimension whose column is missing or read as a field, naming it, and writes nothing', async () => {
    const { call, refusal, file, location } = await book();
    await call('import.commit', { source: { file }, period: 'Q1' });
    const before = contentOf(location);
    expect(await refusal('import.commit', { source: { file }, period: 'Q1', dimensions: [{ name: 'tier', header: 'Tier' }] })).toMatch(
      /row 1.*no column "Tier" for dimension tier \(its columns: Customer, Revenue, Service, Region, Industry\)/,
    );
    expect(await refusal('import.commit', { source: { file }, period: 'Q1', dimensions: [{ name: 'who', header: 'Customer' }] })).toMatch(
      /column "Customer" is read as a field of the sheet/,
    );
    expect(await refusal('import.commit', { source: { file }, period: 'Q1', dimensions: [{ name: 'region', header: 'Region' }, { name: 'REGION', header: 'Industry' }] })).toMatch(
      /dimension "REGION" is named twice/,
    );
    expect(contentOf(location)).toBe(before);
    expect(await call('dimensions.list', {})).toEqual([]);
  });

  it('edits values as one undoable step, refusing a whole edit that names an unknown account', async () => {
    const { call, refusal, file } = await book();
    await call('import.commit', { source: { file }, period: 'Q1', dimensions: [{ name: 'region', header: 'Region' }] });
    expect(await refusal('dimensions.set', { period: 'Q1', cells: [{ account: 'Acme', name: 'region', value: 'APAC' }, { account: 'Nobody', name: 'region', value: 'APAC' }] })).toMatch(
      /no account "Nobody" in this workbook; nothing was changed/,
    );
    expect(await refusal('dimensions.set', { cells: [{ account: 'Acme', name: 'regoin', value: 'APAC' }] })).toMatch(/no dimension "regoin" in this workbook \(it has region\)/);
    expect(await refusal('dimensions.set', { cells: [{ account: 'Acme', name: 'region', value: 'x'.repeat(201) }] })).toMatch(/longer than 200 characters/);
    const values = async () => (await call('rows.columns', { period: 'Q1' })).dimensions[0]!.values;
    expect(await values()).toEqual(['EMEA', 'EMEA', 'Americas', null]);
    expect(await call('dimensions.set', { period: 'Q1', cells: [{ account: 'acme', name: 'REGION', value: 'APAC' }, { account: 'Dell', name: 'region', value: ' APAC ' }, { account: 'Cara', name: 'region', value: '' }] })).toEqual({
      changed: 3,
    });
    expect(await values()).toEqual(['APAC', 'EMEA', null, 'APAC']);
    expect(await call('history.state', {})).toMatchObject({ undo: 'edit 3 region cells' });
    await call('history.undo', {});
    expect(await values()).toEqual(['EMEA', 'EMEA', 'Americas', null]);
    await call('history.redo', {});
    expect(await values()).toEqual(['APAC', 'EMEA', null, 'APAC']);
    const scenario = await call('scenarios.run', { period: 'Q1', adjustments: [{ kind: 'drop', where: { dimensions: { region: 'apac' } } }] });
    expect(scenario.scenario.count).toBe(2);
    expect(await refusal('scenarios.run', { period: 'Q1', adjustments: [{ kind: 'drop', where: { dimensions: { tier: 'Gold' } } }] })).toMatch(/no dimension "tier"/);
  });

  it('trends keep the accounts with one value of a dimension, period by period, and refuse a dimension the workbook lacks', async () => {
    const { call, refusal, file } = await book();
    await call('import.commit', { source: { file }, period: 'Q1', dimensions: [{ name: 'region', header: 'Region' }] });
    await call('periods.create', { label: 'Q2', copyFrom: 'Q1' });
    await call('dimensions.set', { period: 'Q2', cells: [{ account: 'Cara', name: 'region', value: 'EMEA' }] });
    const emea = await call('trends.get', { where: { name: 'Region', value: 'emea' } });
    // Region is the account's, not the period's: Cara is in EMEA in both periods now.
    expect(emea.periods.map((p) => [p.period, p.portfolio.count, p.portfolio.revenue])).toEqual([
      ['Q1', 3, 3_500],
      ['Q2', 3, 3_500],
    ]);
    const all = await call('trends.get', {});
    expect(all.periods.map((p) => p.portfolio.count)).toEqual([4, 4]);
    expect(await refusal('trends.get', { where: { name: 'tier', value: 'Gold' } })).toMatch(/no dimension "tier" in this workbook \(it has region\)/);
  });

  it('adds, renames and removes a dimension; a removed one leaves the accounts and their rows', async () => {
    const { call, refusal, file } = await book();
    await call('import.commit', { source: { file }, period: 'Q1', dimensions: [{ name: 'region', header: 'Region' }] });
    expect((await call('dimensions.add', { name: 'tier' })).map((d) => d.name)).toEqual(['region', 'tier']);
    expect(await refusal('dimensions.add', { name: 'Tier' })).toMatch(/dimension "Tier" already exists/);
    expect((await call('dimensions.rename', { name: 'region', newName: 'Sales region' })).map((d) => d.name)).toEqual(['Sales region', 'tier']);
    expect((await call('dimensions.remove', { name: 'sales region' })).map((d) => d.name)).toEqual(['tier']);
    const columns = await call('rows.columns', { period: 'Q1' });
    expect(columns.account).toHaveLength(4);
    expect(columns.dimensions).toEqual([{ name: 'tier', values: [null, null, null, null] }]);
  });
});

import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore, openStore } from '../../../electron/backend/db/locations';
import { writeRows } from '../../../electron/backend/db/repos/bulk-rows';
import { listColumns, listRows } from '../../../electron/backend/db/repos/period-rows';
import { createPeriod, listPeriods } from '../../../electron/backend/db/repos/periods';
import type { Sql } from '../../../electron/backend/db/sql';
import { createBackend } from '../../../electron/backend/dispatch';
import { seedSample } from '../../../electron/backend/sample';
import { toColumns } from '../../../shared/engine/columns';
import { SheetRow } from '../../../shared/schemas/row';
import { ENGINES, newLocation, type Engine } from '../../engines';
import { csv, useTempDir } from '../../helpers';

// The store contract and the handlers, the same tests on both engines (a workbook file, and a workbook in the
// tests' own PostgreSQL server). Nothing is mocked: each runs on the real database.

async function onStore<T>(location: string, fn: (tx: Sql) => Promise<T>, mode: 'read' | 'write' = 'read'): Promise<T> {
  const store = await openStore(location, mode === 'read');
  try {
    return await (mode === 'read' ? store.read(fn) : store.write(fn));
  } finally {
    await store.close();
  }
}

describe.each(ENGINES)('the store contract on %s', (engine: Engine) => {
  const tmp = useTempDir();

  it('reads every period of the sample straight into the same columns as its rows', async () => {
    const at = newLocation(engine, tmp(), 'sample');
    await createStore(at, seedSample);
    await onStore(at, async (tx) => {
      const periods = await listPeriods(tx);
      expect(periods.map((p) => [p.label, p.rows])).toEqual([
        ['2025-Q4', 40],
        ['2026-Q1', 41],
        ['2026-Q2', 41],
        ['2026-Q3', 42],
      ]);
      for (const p of periods) expect(await listColumns(tx, p.id)).toEqual(toColumns(await listRows(tx, p.id)));
    });
  });

  it('writes rows in blocks and the rest one by one, then merges: every row in order, owners kept where asked', async () => {
    const at = newLocation(engine, tmp(), 'bulk');
    const first = Array.from({ length: 130 }, (_, i) => SheetRow.parse({ account: `Acct ${i}`, revenue: 1_000 + i, owner: `Owner ${i % 3}`, csat: 1 + (i % 5) }));
    const merged = Array.from({ length: 71 }, (_, k) => SheetRow.parse({ account: k < 40 ? `ACCT ${k * 3}` : `New ${k}`, revenue: 5 + k, owner: 'Somebody else' }));
    const summaries: unknown[] = [];
    await createStore(at, async (tx) => {
      const { id } = await createPeriod(tx, 'Q1');
      summaries.push(await writeRows(tx, id, first, { merge: false, accountFields: { owner: true, segmentOverride: true } }));
      summaries.push(await writeRows(tx, id, merged, { merge: true, accountFields: { owner: false, segmentOverride: false } }));
    });
    expect(summaries).toEqual([
      { added: 130, updated: 0, removed: 0 },
      { added: 31, updated: 40, removed: 0 },
    ]);
    const rows = await onStore(at, async (tx) => listRows(tx, (await listPeriods(tx))[0]!.id));
    expect(rows).toHaveLength(161);
    expect(rows[3]).toMatchObject({ account: 'Acct 3', revenue: 6, owner: 'Owner 0', csat: null });
    expect(rows[4]).toMatchObject({ account: 'Acct 4', revenue: 1_004, owner: 'Owner 1', csat: 5 });
    expect(rows[160]).toMatchObject({ account: 'New 70', revenue: 75, owner: 'Somebody else' });
  });

  it('compares names as the file does (ASCII letters folded): ACME is acme, École is not école', async () => {
    const at = newLocation(engine, tmp(), 'names');
    await createStore(at, async (tx) => {
      const { id } = await createPeriod(tx, 'Q1');
      await tx.run('INSERT INTO accounts (id, name, owner) VALUES (?, ?, ?)', [7, 'ACME', 'Old owner']);
      await tx.run('INSERT INTO accounts (id, name) VALUES (?, ?)', [8, 'École']);
      const rows = ['acme', 'école', 'New'].map((account, i) => SheetRow.parse({ account, revenue: i + 1, owner: 'Ann' }));
      await writeRows(tx, id, rows, { merge: false, accountFields: { owner: false, segmentOverride: false } });
    });
    const rows = await onStore(at, async (tx) => listRows(tx, (await listPeriods(tx))[0]!.id));
    expect(rows.map((r) => [r.account, r.owner, r.revenue])).toEqual([
      ['ACME', 'Old owner', 1],
      ['école', 'Ann', 2],
      ['New', 'Ann', 3],
    ]);
  });

  it("refuses, by its own CHECK rules, a row that bypasses the app, and a period label twice in another case", async () => {
    const at = newLocation(engine, tmp(), 'checks');
    await createStore(at, seedSample);
    for (const bad of ['UPDATE period_rows SET revenue = -1', 'UPDATE period_rows SET csat = 6', "UPDATE period_rows SET status = 'gone'", 'UPDATE period_rows SET upsell = revenue * 2', "INSERT INTO periods (label, position) VALUES ('2026-q1', 9)", "INSERT INTO interactions (account_id, date, kind, hours) VALUES (1, '26-1-1', 'call', 1)"]) {
      await expect(onStore(at, (tx) => tx.run(bad), 'write'), bad).rejects.toThrow();
    }
    expect(await onStore(at, async (tx) => (await listPeriods(tx)).length)).toBe(4);
  });

  it('a write that fails part way leaves nothing of it', async () => {
    const at = newLocation(engine, tmp(), 'atomic');
    await createStore(at, seedSample);
    const write = onStore(
      at,
      async (tx) => {
        await createPeriod(tx, 'Half');
        await tx.run('UPDATE period_rows SET revenue = revenue + 1');
        throw new Error('stopped half way');
      },
      'write',
    );
    await expect(write).rejects.toThrow('stopped half way');
    const after = await onStore(at, async (tx) => ({ periods: (await listPeriods(tx)).map((p) => p.label), revenue: (await listRows(tx, 1))[0]!.revenue }));
    expect(after.periods).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    const fresh = newLocation('file', tmp(), 'fresh');
    await createStore(fresh, seedSample);
    expect(after.revenue).toBe((await onStore(fresh, (tx) => listRows(tx, 1)))[0]!.revenue);
  });
});

/** What a director does in a session, as RPC calls; each answer is kept (without the location, which differs by engine). */
async function session(location: string, dir: string): Promise<unknown[]> {
  const backend = createBackend();
  const answers: unknown[] = [];
  // The location as the answers show it (a PostgreSQL address without its password), and the workbook's name.
  const shown = location.replace(/^(postgresql:\/\/[^:@]+):[^@]+@/, '$1@');
  const name = location.startsWith('postgresql:') ? new URL(location).searchParams.get('workbook')! : basename(location);
  const call = async (method: string, input: unknown = {}) => {
    const r = await backend.call(method, input);
    // When a row was changed differs between the two runs; that it was, and by whom, must not.
    const when = /"changedAt":"[^"]+"/g;
    answers.push([method, JSON.parse(JSON.stringify(r).replaceAll(shown, 'LOCATION').replaceAll(name, 'NAME').replace(when, '"changedAt":"WHEN"'))]);
    return r;
  };
  const sheet = join(dir, 'sheet.csv');
  writeFileSync(sheet, csv(['account', 'owner', 'revenue', 'service', 'meetings', 'csat'], [['Acme', 'Ann', 120_000, 9_000, 4, 5], ['Beta', 'Bob', 40_000, 30_000, 12, 2], ['Cara', 'Ann', 75_500.5, 1_200, 1, 4]]));
  try {
    await call('workbook.create', { path: location, sample: true });
    await call('import.commit', { source: { file: sheet }, period: 'Imported' });
    await call('import.commit', { source: { file: sheet }, period: '2026-Q3', merge: true });
    await call('periods.create', { label: '2026-Q4', copyFrom: '2026-Q3' });
    await call('rows.edit', { period: '2026-Q4', patches: [{ account: 'acme', patch: { revenue: 130_000, owner: 'Zoe' } }, { account: 'Beta', patch: { csat: 3 } }] });
    await call('rows.insert', { period: '2026-Q4', row: { account: 'Delta', revenue: 10 } });
    await call('rows.delete', { period: '2026-Q4', accounts: ['Cara'] });
    await call('history.undo');
    await call('history.undo');
    await call('history.redo');
    await call('history.state');
    await call('assumptions.set', { patch: { dailyRate: 1_200, currency: 'EUR' } });
    await call('interactions.add', { interaction: { account: 'Acme', date: '2026-11-03', kind: 'visit', hours: 3, travel: 250, planned: true, note: 'QBR' } });
    await call('interactions.list', { account: 'ACME' });
    await call('precall.check', { account: 'Acme', plan: { hours: 2, prepHours: 1, attendees: 2, projectedRevenue: 5_000, winProbability: 0.3 } });
    await call('scenarios.save', { scenario: { name: 'Cut service', adjustments: [{ kind: 'scale', field: 'service', pct: -30, where: { segment: 'Reassess' } }] } });
    await call('scenarios.run', { period: '2026-Q4', name: 'cut SERVICE' });
    await call('pools.save', {
      period: '2026-Q4',
      setup: {
        pools: [{ name: 'Support', cost: 50_000, capacityMinutes: 100_000, bucket: 'service', activities: [{ name: 'Tickets', minutesPerUnit: 30 }] }],
        drivers: [{ account: 'Acme', activity: 'Tickets', count: 40 }, { account: 'Beta', activity: 'tickets', count: 400 }],
        modes: { service: 'add' },
      },
    });
    await call('pools.allocate', { period: '2026-Q4' });
    // Issue 23 on both stores: two stages, a rate-based activity with its level, a time equation over kept line totals; the tie-out and a trace.
    await call('pools.save', {
      period: '2026-Q4',
      setup: {
        pools: [
          { name: 'IT', cost: 10_000, capacityMinutes: 1, bucket: 'labour', feeds: [{ pool: 'Support', share: 0.75 }, { pool: 'Delivery', share: 0.25 }] },
          { name: 'Support', cost: 50_000, capacityMinutes: 100_000, bucket: 'service', activities: [{ name: 'Tickets', minutesPerUnit: 30 }, { name: 'Orders', minutesPerUnit: 0, level: 'order', equation: [{ minutes: 5 }, { minutes: 3, attribute: 'lines' }, { minutes: 15, attribute: 'newCustomer', equals: 'yes' }] }] },
          { name: 'Delivery', cost: 5_000, capacityMinutes: 1, bucket: 'distribution', activities: [{ name: 'Cartons', minutesPerUnit: 0, costPerUnit: 1.5, level: 'delivery' }] },
        ],
        drivers: [{ account: 'Acme', activity: 'Tickets', count: 40 }, { account: 'Beta', activity: 'tickets', count: 400 }, { account: 'Acme', activity: 'Orders', count: 3 }, { account: 'Beta', activity: 'Cartons', count: 700 }],
        lines: [{ account: 'Acme', activity: 'Orders', attribute: 'lines', amount: 12 }, { account: 'Acme', activity: 'Orders', attribute: 'newCustomer', value: 'yes', amount: 1 }],
        modes: { service: 'add' },
      },
    });
    await call('pools.get', { period: '2026-Q4' });
    await call('pools.balance', { period: '2026-Q4' });
    await call('pools.trace', { period: '2026-Q4', account: 'acme' });
    await call('history.undo');
    await call('pools.get', { period: '2026-Q4' });
    await call('history.redo');
    await call('periods.rename', { label: 'Imported', newLabel: 'Imported sheet' });
    await call('periods.reorder', { labels: ['Imported sheet', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'] });
    for (const period of ['Imported sheet', '2025-Q4', '2026-Q3', '2026-Q4']) await call('report.get', { period });
    await call('trends.get');
    await call('account.picture', { account: 'Acme' });
    await call('rows.columns', { period: '2026-Q4' });
    await call('rows.update', { period: '2026-Q4', account: 'Nobody', patch: { revenue: 1 } });
    await call('rows.edit', { period: '2026-Q4', patches: [{ account: 'Acme', patch: { revenue: -5 } }] });
    await call('periods.delete', { label: '2025-Q4' });
    await call('workbook.info');
  } finally {
    await backend.close();
  }
  return answers;
}

describe('the handlers on both engines', () => {
  const tmp = useTempDir();

  it('give the same answers to the same session of edits, undo, imports, scenarios, pools and reports', async () => {
    const file = await session(newLocation('file', tmp(), 'same'), tmp());
    const pg = await session(newLocation('postgres', tmp(), 'same'), tmp());
    expect(pg.length).toBe(file.length);
    for (let k = 0; k < file.length; k++) expect(pg[k], `call ${k}: ${(file[k] as [string])[0]}`).toEqual(file[k]);
    // The session did what it says: the calls succeeded but for the two refused on purpose.
    const refused = file.filter((a) => !(a as [string, { ok: boolean }])[1].ok).map((a) => (a as [string])[0]);
    expect(refused).toEqual(['rows.update', 'rows.edit']);
  }, 60_000);
});

describe('a team workbook in the recent list', () => {
  const tmp = useTempDir();

  it('is listed by its name and server, without the password, and opens again from there', async () => {
    const at = newLocation('postgres', tmp(), 'recent');
    const backend = createBackend({ profileDir: join(tmp(), 'profile') });
    try {
      expect((await backend.call('workbook.create', { path: at, sample: true })).ok).toBe(true);
      await backend.call('workbook.close', {});
      const profile = await backend.call('profile.get', {});
      if (!profile.ok) throw new Error(profile.error.message);
      const [entry] = (profile.value as { recent: { path: string; name: string; exists: boolean }[] }).recent;
      const workbook = new URL(at).searchParams.get('workbook')!;
      expect(entry).toMatchObject({ name: `${workbook} (cpw on 127.0.0.1)`, exists: true });
      expect(JSON.stringify(profile.value)).not.toContain(new URL(at).password);
      // Its password is not kept: the person's PGPASSWORD or ~/.pgpass gives it.
      process.env.PGPASSWORD = decodeURIComponent(new URL(at).password);
      try {
        const reopened = await backend.call('workbook.openRecent', { index: 0, name: entry!.name, readOnly: true });
        expect(reopened.ok, JSON.stringify(reopened)).toBe(true);
        expect((reopened as { value: { periods: string[] } }).value.periods).toHaveLength(4);
      } finally {
        delete process.env.PGPASSWORD;
      }
    } finally {
      await backend.close();
    }
  });
});

import type { VersionedRow } from '../../../shared/schemas/row';
import { fromRowColumns, toRows } from '../../../shared/engine/columns';
import type { RowColumns } from '../../../shared/schemas/row-columns';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/dispatch';
import { runAs } from '../../../electron/backend/actor';
import { METHODS, contract } from '../../../shared/ipc/contract';
import { useTempDir } from '../../helpers';
import { ENGINES, contentOf, newLocation, type Engine } from '../../engines';

describe.each(ENGINES)('the RPC dispatcher on %s', (engine: Engine) => {
  const tmp = useTempDir();

  it('answers an unknown method with a typed error, never a throw', async () => {
    const backend = createBackend();
    for (const method of ['nope', '', '__proto__', 'toString', 'constructor']) {
      const r = await backend.call(method, {});
      expect(r).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `unknown method "${method}"` } });
    }
  });

  it('refuses bad input naming the field and the rule', async () => {
    const backend = createBackend();
    const r = await backend.call('workbook.create', { path: 42 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toContain('invalid input to workbook.create: path: a file path is required');
    expect(r.error.details?.problems?.[0]).toMatchObject({ field: 'path' });
  });

  it('answers every method, with any input, with a result and never throws', async () => {
    const backend = createBackend();
    const odd = [undefined, null, 0, 'x', [], {}, { period: {} }, { path: '' }];
    for (const method of METHODS) {
      for (const input of odd) {
        const r = await backend.call(method, input);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.error.message.length).toBeGreaterThan(0);
      }
    }
    expect(METHODS.length).toBe(Object.keys(contract).length);
  });

  it('sends a period as one array per field (rows.columns), the same rows as rows.list', async () => {
    const backend = createBackend();
    await backend.call('workbook.create', { path: newLocation(engine, tmp(), 'demo'), sample: true });
    const list = await backend.call('rows.list', { period: '2026-Q3' });
    const columns = await backend.call('rows.columns', { period: '2026-Q3' });
    if (!list.ok || !columns.ok) throw new Error('the sample has 2026-Q3');
    const stored = list.value as VersionedRow[];
    expect(toRows(fromRowColumns(columns.value as RowColumns))).toEqual(stored.map(({ version: _v, changedBy: _b, changedAt: _a, ...row }) => row));
    expect((columns.value as RowColumns).version).toEqual(stored.map((r) => r.version));
    expect((columns.value as RowColumns).account).toHaveLength(42);
    expect(JSON.stringify(columns.value).length).toBeLessThan(JSON.stringify(list.value).length / 2);
  });

  it('needs an open workbook for workbook data, and says so', async () => {
    const r = await createBackend().call('rows.list', { period: 'Q1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'NO_WORKBOOK' } });
  });

  it('edits rows one transaction at a time, and a refused edit changes nothing', async () => {
    const backend = createBackend();
    const path = newLocation(engine, tmp(), 'w');
    expect((await backend.call('workbook.create', { path })).ok).toBe(true);
    expect(await backend.call('periods.create', { label: '2026-Q1' })).toMatchObject({ ok: true, value: { label: '2026-Q1', rows: 0 } });
    const inserted = await backend.call('rows.insert', { period: '2026-Q1', row: { account: ' Acme ', revenue: 1000, service: 300 } });
    expect(inserted).toMatchObject({ ok: true, value: { account: 'Acme', revenue: 1000, service: 300, presale: 0, status: 'active', csat: null } });
    const updated = await backend.call('rows.update', { period: '2026-Q1', account: 'ACME', patch: { csat: 4, owner: 'Ann' } });
    expect(updated).toMatchObject({ ok: true, value: { account: 'Acme', csat: 4, owner: 'Ann' } });
    backend.close();
    const before = contentOf(path);
    await backend.call('workbook.open', { path });
    const refused = await backend.call('rows.update', { period: '2026-Q1', account: 'Acme', patch: { upsell: 900, crossSell: 200 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'account "Acme": upsell: upsell + crossSell must not exceed revenue' } });
    const dup = await backend.call('rows.insert', { period: '2026-Q1', row: { account: 'acme', revenue: 1 } });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    backend.close();
    expect(contentOf(path)).toBe(before);
  });

  it('a read-only workbook refuses writes', async () => {
    const backend = createBackend();
    const path = newLocation(engine, tmp(), 'w');
    await backend.call('workbook.create', { path });
    backend.close();
    await backend.call('workbook.open', { path, readOnly: true });
    expect(await backend.call('periods.create', { label: 'Q1' })).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    backend.close();
  });

  it('copies a period, renames and deletes it, and computes trends across periods', async () => {
    const backend = createBackend();
    await backend.call('workbook.create', { path: newLocation(engine, tmp(), 'w') });
    await backend.call('periods.create', { label: 'Q1' });
    await backend.call('rows.insert', { period: 'Q1', row: { account: 'Acme', revenue: 1000, service: 100 } });
    await backend.call('rows.insert', { period: 'Q1', row: { account: 'Beta', revenue: 100, service: 300 } });
    expect(await backend.call('periods.create', { label: 'Q2', copyFrom: 'Q1' })).toMatchObject({ ok: true, value: { rows: 2 } });
    await backend.call('rows.update', { period: 'Q2', account: 'Beta', patch: { revenue: 5000 } });
    const t = await backend.call('trends.get', {});
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    const trends = t.value as { periods: { period: string; portfolio: { profit: number } }[]; segmentChanges: unknown[] };
    expect(trends.periods.map((p) => [p.period, p.portfolio.profit])).toEqual([['Q1', 700], ['Q2', 5600]]);
    expect(await backend.call('periods.rename', { label: 'Q2', newLabel: 'Q1' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await backend.call('periods.delete', { label: 'Q2' })).toEqual({ ok: true, value: { done: true } });
    expect(await backend.call('periods.list', {})).toMatchObject({ ok: true, value: [{ label: 'Q1', rows: 2 }] });
    backend.close();
  });
});

describe.each(ENGINES)('undo and redo on %s', (engine: Engine) => {
  const tmp = useTempDir();

  async function book() {
    const backend = createBackend();
    const path = newLocation(engine, tmp(), 'w');
    await backend.call('workbook.create', { path });
    await backend.call('periods.create', { label: 'Q1' });
    for (const [account, revenue] of [['Acme', 1000], ['Beta', 2000], ['Cara', 3000]] as const) {
      await backend.call('rows.insert', { period: 'Q1', row: { account, revenue, owner: 'Ann' } });
    }
    const rows = async () => {
      const r = await backend.call('rows.list', { period: 'Q1' });
      if (!r.ok) throw new Error(r.error.message);
      return (r.value as { account: string; revenue: number; presale: number; owner: string | null }[]).map((x) => [x.account, x.revenue, x.presale, x.owner]);
    };
    return { backend, path, rows };
  }

  it('undoes and redoes edits, adds, deletes and renames, and keeps the history across a reopen', async () => {
    const { backend, path, rows } = await book();
    const start = await rows();
    await backend.call('rows.update', { period: 'Q1', account: 'Beta', patch: { revenue: 2500, account: 'Beta Corp', owner: 'Bob' } });
    await backend.call('rows.delete', { period: 'Q1', accounts: ['Acme', 'Cara'] });
    expect(await rows()).toEqual([['Beta Corp', 2500, 0, 'Bob']]);
    expect(await backend.call('history.state', {})).toEqual({ ok: true, value: { undo: 'delete 2 accounts', redo: null } });
    backend.close();
    await backend.call('workbook.open', { path });
    expect(await backend.call('history.undo', {})).toMatchObject({ ok: true, value: { label: 'delete 2 accounts', period: 'Q1', undo: 'edit Beta', redo: 'delete 2 accounts' } });
    expect(await rows()).toEqual([['Acme', 1000, 0, 'Ann'], ['Beta Corp', 2500, 0, 'Bob'], ['Cara', 3000, 0, 'Ann']]);
    await backend.call('history.undo', {});
    expect(await rows()).toEqual(start);
    await backend.call('history.undo', {}); // the three adds, one by one
    await backend.call('history.undo', {});
    await backend.call('history.undo', {});
    expect(await rows()).toEqual([]);
    expect(await backend.call('history.undo', {})).toMatchObject({ ok: true, value: { label: 'add period Q1', undo: null } });
    expect(await backend.call('periods.list', {})).toEqual({ ok: true, value: [] });
    expect(await backend.call('history.undo', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'nothing to undo' } });
    for (let i = 0; i < 6; i++) await backend.call('history.redo', {});
    expect(await rows()).toEqual([['Beta Corp', 2500, 0, 'Bob']]);
    expect(await backend.call('history.redo', {})).toMatchObject({ ok: false, error: { message: 'nothing to redo' } });
    backend.close();
  });

  it('undoes a period deleted, renamed and reordered, bringing the rows back and keeping edits before it undoable', async () => {
    const { backend, path, rows } = await book();
    await backend.call('periods.create', { label: 'Q2', copyFrom: 'Q1' });
    await backend.call('rows.update', { period: 'Q1', account: 'Acme', patch: { presale: 7 } });
    const q1 = await rows();
    expect(await backend.call('periods.reorder', { labels: ['Q2', 'Q1'] })).toMatchObject({ ok: true, value: [{ label: 'Q2' }, { label: 'Q1' }] });
    expect(await backend.call('periods.reorder', { labels: ['Q2'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'the new order leaves out "Q1": name every period once' } });
    // Two periods swap names through the history without tripping the unique label.
    await backend.call('periods.rename', { label: 'Q1', newLabel: 'Q0' });
    await backend.call('periods.rename', { label: 'Q2', newLabel: 'Q1' });
    await backend.call('periods.rename', { label: 'Q0', newLabel: 'Q2' });
    expect(await backend.call('periods.delete', { label: 'Q2' })).toEqual({ ok: true, value: { done: true } });
    expect(await backend.call('periods.list', {})).toMatchObject({ ok: true, value: [{ label: 'Q1', rows: 3 }] });
    backend.close();
    await backend.call('workbook.open', { path });
    expect(await backend.call('history.undo', {})).toMatchObject({ ok: true, value: { label: 'delete period Q2', period: 'Q2', undo: 'rename Q0 to Q2' } });
    for (let i = 0; i < 4; i++) await backend.call('history.undo', {}); // three renames and the reorder
    expect(await backend.call('periods.list', {})).toMatchObject({ ok: true, value: [{ label: 'Q1', rows: 3 }, { label: 'Q2', rows: 3 }] });
    expect(await rows()).toEqual(q1);
    expect(await backend.call('history.undo', {})).toMatchObject({ ok: true, value: { label: 'edit Acme', period: 'Q1' } });
    expect((await rows())[0]).toEqual(['Acme', 1000, 0, 'Ann']);
    expect(await backend.call('history.undo', {})).toMatchObject({ ok: true, value: { label: 'copy Q1 to Q2' } });
    expect(await backend.call('periods.list', {})).toMatchObject({ ok: true, value: [{ label: 'Q1' }] });
    for (let i = 0; i < 7; i++) await backend.call('history.redo', {});
    expect(await backend.call('periods.list', {})).toMatchObject({ ok: true, value: [{ label: 'Q1', rows: 3 }] });
    expect(await backend.call('workbook.check', { path })).toMatchObject({ ok: true, value: { ok: true } });
    backend.close();
  });

  it('a new action after an undo drops the redo branch', async () => {
    const { backend, rows } = await book();
    await backend.call('rows.update', { period: 'Q1', account: 'Acme', patch: { revenue: 1 } });
    await backend.call('history.undo', {});
    await backend.call('rows.update', { period: 'Q1', account: 'Acme', patch: { presale: 5 } });
    expect(await backend.call('history.state', {})).toEqual({ ok: true, value: { undo: 'edit Acme', redo: null } });
    expect((await rows())[0]).toEqual(['Acme', 1000, 5, 'Ann']);
    backend.close();
  });

  it('applies a pasted block as one action, or refuses all of it naming each bad cell', async () => {
    const { backend, path, rows } = await book();
    const before = await rows();
    const bad = await backend.call('rows.patch', {
      period: 'Q1',
      patches: [
        { account: 'Acme', patch: { revenue: 10, presale: 1 } },
        { account: 'Beta', patch: { revenue: 20, presale: -1 } },
        { account: 'Cara', patch: { revenue: 30, presale: 3 } },
      ],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { problems: [{ account: 'Beta', field: 'presale', value: '-1', rule: 'presale must be 0 or more' }] } } });
    expect(await rows()).toEqual(before);
    backend.close();
    const hash = contentOf(path);
    await backend.call('workbook.open', { path });
    const good = await backend.call('rows.patch', {
      period: 'Q1',
      patches: [
        { account: 'Acme', patch: { revenue: 10, presale: 1 } },
        { account: 'Beta', patch: { revenue: 20, presale: 2 } },
      ],
    });
    expect(good.ok).toBe(true);
    expect(await rows()).toEqual([['Acme', 10, 1, 'Ann'], ['Beta', 20, 2, 'Ann'], ['Cara', 3000, 0, 'Ann']]);
    await backend.call('history.undo', {});
    expect(await rows()).toEqual(before);
    backend.close();
    expect(contentOf(path)).not.toBe(hash); // the paste and its undo were written, as history
  });
});

describe.each(ENGINES)('the interactions log on %s', (engine: Engine) => {
  const tmp = useTempDir();

  it('adds, corrects and deletes interactions on disk, refusing a bad change whole and naming the field', async () => {
    const backend = createBackend();
    const path = newLocation(engine, tmp(), 'w');
    await backend.call('workbook.create', { path });
    await backend.call('periods.create', { label: 'Q1' });
    await backend.call('rows.insert', { period: 'Q1', row: { account: 'Acme', revenue: 1000 } });
    expect(await backend.call('interactions.add', { interaction: { account: 'Nobody', date: '2026-01-05', kind: 'call', hours: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'no account "Nobody" in this workbook' },
    });
    const added = await backend.call('interactions.add', { interaction: { account: 'acme', date: '2026-01-05', kind: 'visit', hours: 2, travel: 300 } });
    expect(added).toMatchObject({ ok: true, value: { account: 'Acme', valued: 'unknown', planned: false } });
    const id = (added as { value: { id: number } }).value.id;
    expect(await backend.call('interactions.update', { id, patch: { valued: 'yes' } })).toMatchObject({ ok: true, value: { id, valued: 'yes', travel: 300 } });
    const before = contentOf(path);
    expect(await backend.call('interactions.update', { id, patch: { winProbability: 1.5, hours: 2 } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/interaction \d+ \(Acme, 2026-01-05\).*winProbability.*Win probability must be from 0% to 100%/) },
    });
    expect(contentOf(path)).toBe(before);
    expect(await backend.call('interactions.update', { id: 999, patch: { valued: 'no' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    backend.close();
    await backend.call('workbook.open', { path });
    expect(await backend.call('interactions.list', {})).toMatchObject({ ok: true, value: [{ id, account: 'Acme', valued: 'yes', kind: 'visit' }] });
    expect(await backend.call('interactions.delete', { id })).toEqual({ ok: true, value: { done: true } });
    expect(await backend.call('interactions.list', { account: 'Acme' })).toEqual({ ok: true, value: [] });
    backend.close();
  });
});

describe.each(ENGINES)("an account's picture on %s", (engine: Engine) => {
  const tmp = useTempDir();

  it('computes the account in every period, null where it has no row, with its segment among the others', async () => {
    const backend = createBackend();
    await backend.call('workbook.create', { path: newLocation(engine, tmp(), 'w') });
    await backend.call('periods.create', { label: 'Q1' });
    await backend.call('rows.insert', { period: 'Q1', row: { account: 'Beta', revenue: 100, service: 90 } });
    await backend.call('periods.create', { label: 'Q2' });
    await backend.call('rows.insert', { period: 'Q2', row: { account: 'Acme', revenue: 1000, service: 100 } });
    await backend.call('rows.insert', { period: 'Q2', row: { account: 'Beta', revenue: 100, service: 90 } });
    const picture = await backend.call('account.picture', { account: 'acme' });
    expect(picture).toMatchObject({ ok: true, value: { account: 'Acme', periods: [{ period: 'Q1', result: null }, { period: 'Q2', result: { profit: 900, segment: 'Protect', paretoClass: 'A' } }] } });
    expect(await backend.call('account.picture', { account: 'Nobody' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'no account "Nobody" in this workbook' } });
    backend.close();
  });
});

describe.each(ENGINES)('cost pools in the workbook on %s', (engine: Engine) => {
  const tmp = useTempDir();

  it('saves a setup all or nothing, copies it with its period, and brings it back when a deleted period is undone', async () => {
    const backend = createBackend();
    const path = newLocation(engine, tmp(), 'w');
    await backend.call('workbook.create', { path });
    await backend.call('periods.create', { label: 'Q1' });
    await backend.call('rows.insert', { period: 'Q1', row: { account: 'Acme', revenue: 10_000, labour: 100 } });
    const setup = {
      pools: [{ name: 'Field team', cost: 9_600, capacityMinutes: 9_600, bucket: 'labour', activities: [{ name: 'Visits', minutesPerUnit: 90 }] }],
      drivers: [{ account: 'acme', activity: 'visits', count: 4 }],
      modes: { labour: 'replace' },
    };
    const saved = await backend.call('pools.save', { period: 'Q1', setup });
    expect(saved).toMatchObject({ ok: true, value: { allocation: { pools: [{ pool: 'Field team', rate: 1, usedMinutes: 360, allocated: 360, unused: 9_240 }] }, overCapacity: [] } });
    const labour = async (period: string) => ((await backend.call('report.get', { period })) as { value: { accounts: { labour: number }[] } }).value.accounts[0]!.labour;
    expect(await labour('Q1')).toBe(360); // replaced, not added to the typed 100
    const bad = await backend.call('pools.save', { period: 'Q1', setup: { ...setup, drivers: [{ account: 'Nobody', activity: 'Visits', count: 1 }, { account: 'Acme', activity: 'Calls', count: 1 }] } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('account "Nobody" is not in this period') } });
    expect((bad as { error: { message: string } }).error.message).toContain('no pool has an activity "Calls"');
    expect(await labour('Q1')).toBe(360);

    // An accented name is matched as the engine matches it, with any case: SQLite's own folding stops at ASCII.
    await backend.call('rows.insert', { period: 'Q1', row: { account: 'Élan Foods', revenue: 5_000 } });
    const accented = await backend.call('pools.save', { period: 'Q1', setup: { ...setup, drivers: [...setup.drivers, { account: 'élan foods', activity: 'Visits', count: 2 }] } });
    expect(accented).toMatchObject({ ok: true, value: { setup: { drivers: [{ account: 'Acme', count: 4 }, { account: 'Élan Foods', count: 2 }] } } });
    await backend.call('pools.save', { period: 'Q1', setup });
    await backend.call('rows.delete', { period: 'Q1', accounts: ['Élan Foods'] });

    await backend.call('periods.create', { label: 'Q2', copyFrom: 'Q1' });
    expect(await backend.call('pools.get', { period: 'Q2' })).toMatchObject({ ok: true, value: { setup: { pools: [{ name: 'Field team' }], drivers: [{ account: 'Acme', count: 4 }], modes: { labour: 'replace' } } } });
    await backend.call('periods.delete', { label: 'Q2' });
    await backend.call('history.undo', {});
    expect(await backend.call('pools.get', { period: 'Q2' })).toMatchObject({ ok: true, value: { setup: { pools: [{ name: 'Field team' }], drivers: [{ account: 'Acme', count: 4 }] } } });
    expect(await labour('Q2')).toBe(360);
    expect(await backend.call('workbook.check', { path })).toMatchObject({ ok: true, value: { ok: true } });
    backend.close();
  });

  it('undoes and redoes a saved setup as one action, and refuses when someone else changed the pools since', async () => {
    const backend = createBackend();
    const path = newLocation(engine, tmp(), 'w');
    await backend.call('workbook.create', { path });
    await backend.call('periods.create', { label: 'Q1' });
    await backend.call('rows.insert', { period: 'Q1', row: { account: 'Acme', revenue: 10_000 } });
    const pool = (minutes: number) => ({
      pools: [{ name: 'Field team', cost: 9_600, capacityMinutes: 9_600, bucket: 'labour', activities: [{ name: 'Visits', minutesPerUnit: minutes }] }],
      drivers: [{ account: 'Acme', activity: 'Visits', count: 4 }],
      modes: { labour: 'add' },
    });
    const minutes = async () => ((await backend.call('pools.get', { period: 'Q1' })) as { value: { setup: ReturnType<typeof pool> } }).value.setup.pools.map((p) => p.activities[0]!.minutesPerUnit);
    await backend.call('pools.save', { period: 'Q1', setup: pool(90) });
    await backend.call('pools.save', { period: 'Q1', setup: pool(60) });
    await backend.call('pools.save', { period: 'Q1', setup: pool(60) }); // the same again: no new action
    expect(await backend.call('history.state', {})).toEqual({ ok: true, value: { undo: 'cost pools of Q1', redo: null } });
    expect(await backend.call('history.undo', {})).toMatchObject({ ok: true, value: { label: 'cost pools of Q1', period: 'Q1' } });
    expect(await minutes()).toEqual([90]);
    await backend.call('history.undo', {});
    expect(await minutes()).toEqual([]);
    await backend.call('history.redo', {});
    await backend.call('history.redo', {});
    expect(await minutes()).toEqual([60]);
    expect(await backend.call('report.get', { period: 'Q1' })).toMatchObject({ ok: true, value: { accounts: [{ labour: 240 }] } });

    // Another person (the team server runs each call as its person) changes the pools: undoing ours would take theirs back too.
    await runAs({ name: 'Bo', role: 'consultant', owner: null }, () => backend.call('pools.save', { period: 'Q1', setup: pool(30) }));
    const refused = await backend.call('history.undo', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'cannot undo "cost pools of Q1": the cost pools of Q1 were changed since; nothing was changed' } });
    expect(await minutes()).toEqual([30]);
    expect(await backend.call('history.state', {})).toEqual({ ok: true, value: { undo: 'cost pools of Q1', redo: null } });

    // Counts: the history keeps only those an action changed, so another person's count of another account stays through our undo.
    await backend.call('rows.insert', { period: 'Q1', row: { account: 'Beta', revenue: 5_000 } });
    const counts = (acme: number, beta: number) => ({ ...pool(30), drivers: [{ account: 'Acme', activity: 'Visits', count: acme }, { account: 'Beta', activity: 'Visits', count: beta }] });
    await backend.call('pools.save', { period: 'Q1', setup: counts(4, 1) });
    await backend.call('pools.save', { period: 'Q1', setup: counts(7, 1) });
    await runAs({ name: 'Bo', role: 'consultant', owner: null }, () => backend.call('pools.save', { period: 'Q1', setup: counts(7, 2) }));
    const drivers = async () => ((await backend.call('pools.get', { period: 'Q1' })) as { value: { setup: ReturnType<typeof pool> } }).value.setup.drivers.map((d) => `${d.account} ${d.count}`);
    expect(await backend.call('history.undo', {})).toMatchObject({ ok: true, value: { label: 'cost pools of Q1' } });
    expect(await drivers()).toEqual(['Acme 4', 'Beta 2']);
    await backend.call('history.redo', {});
    await runAs({ name: 'Bo', role: 'consultant', owner: null }, () => backend.call('pools.save', { period: 'Q1', setup: counts(8, 2) }));
    expect(await backend.call('history.undo', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'cannot undo "cost pools of Q1": the count of Visits for Acme in Q1 was changed since; nothing was changed' } });
    expect(await drivers()).toEqual(['Acme 8', 'Beta 2']);
    expect(await backend.call('workbook.check', { path })).toMatchObject({ ok: true, value: { ok: true } });
    backend.close();
  });
});

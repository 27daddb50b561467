import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/dispatch';
import type { Method } from '../../../shared/ipc/contract';
import { useTempDir } from '../../helpers';
import { ENGINES, newLocation, type Engine } from '../../engines';

// Filling a period into its empty cells and making a plan are each one step of the history: Undo puts back
// exactly what was there, Redo does it again.

async function call(backend: Backend, method: Method, input: unknown): Promise<unknown> {
  const r = await backend.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

async function rowsOf(backend: Backend, period: string) {
  const rows = (await call(backend, 'rows.list', { period })) as { account: string; revenue: number; csat: number | null }[];
  return rows.map((r) => [r.account, r.revenue, r.csat]);
}

describe.each(ENGINES)('plan and fill history on %s', (engine: Engine) => {
  const tmp = useTempDir();

  it('a fill is one undoable step: accounts added and blank cells filled go, and come back on redo', async () => {
    const backend = createBackend();
    await call(backend, 'workbook.create', { path: newLocation(engine, tmp(), 'fill') });
    await call(backend, 'periods.create', { label: 'Q1' });
    await call(backend, 'rows.insert', { period: 'Q1', row: { account: 'Acme', revenue: 1000, csat: 4 } });
    await call(backend, 'rows.insert', { period: 'Q1', row: { account: 'Beta', revenue: 100 } });
    await call(backend, 'periods.create', { label: 'Q2' });
    await call(backend, 'rows.insert', { period: 'Q2', row: { account: 'Acme', revenue: 7 } });
    expect(await call(backend, 'periods.fill', { label: 'Q2', from: 'Q1' })).toEqual({ period: 'Q2', from: 'Q1', accounts: 1, cells: 1, kept: 0 });
    const filled = [['Acme', 7, 4], ['Beta', 100, null]];
    expect(await rowsOf(backend, 'Q2')).toEqual(filled);
    expect(await call(backend, 'history.undo', {})).toMatchObject({ label: 'fill Q2 from Q1', period: 'Q2' });
    expect(await rowsOf(backend, 'Q2')).toEqual([['Acme', 7, null]]);
    await call(backend, 'history.redo', {});
    expect(await rowsOf(backend, 'Q2')).toEqual(filled);
    // Nothing left to fill is no step: Undo still names the fill.
    expect(await call(backend, 'periods.fill', { label: 'Q2', from: 'Q1' })).toMatchObject({ accounts: 0, cells: 0 });
    expect(await call(backend, 'history.state', {})).toMatchObject({ undo: 'fill Q2 from Q1' });
    backend.close();
  });

  it('copying the actuals into the plan and clearing it are undoable; the period lists its plan rows', async () => {
    const backend = createBackend();
    await call(backend, 'workbook.create', { path: newLocation(engine, tmp(), 'plan') });
    await call(backend, 'periods.create', { label: 'Q1' });
    await call(backend, 'rows.insert', { period: 'Q1', row: { account: 'Acme', revenue: 1000 } });
    const planRows = async () => ((await call(backend, 'periods.list', {})) as { planRows: number }[])[0]!.planRows;
    expect(await planRows()).toBe(0);
    expect(await call(backend, 'plan.copy', { period: 'Q1' })).toMatchObject({ planRows: 1, emptyOnly: false });
    expect(await planRows()).toBe(1);
    const plan = (await call(backend, 'plan.columns', { period: 'Q1' })) as { account: string[]; revenue: number[] };
    expect([plan.account, plan.revenue]).toEqual([['Acme'], [1000]]);
    expect(await call(backend, 'plan.clear', { period: 'Q1' })).toEqual({ period: 'Q1', removed: 1 });
    expect(await planRows()).toBe(0);
    expect(await call(backend, 'history.undo', {})).toMatchObject({ label: 'clear the plan of Q1' });
    expect(await planRows()).toBe(1);
    expect(await call(backend, 'history.undo', {})).toMatchObject({ label: 'copy the actuals of Q1 into its plan' });
    expect(await planRows()).toBe(0);
    backend.close();
  });
});

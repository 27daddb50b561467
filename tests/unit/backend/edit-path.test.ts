import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/dispatch';
import { traceStatements } from '../../../electron/backend/db/sqlite';
import type { SheetRow } from '../../../shared/schemas/row';
import { useTempDir } from '../../helpers';

// Issue 18, item 3: one cell edit is one round trip (the rows as stored and the history come back with it), the
// account read once, and nothing written that did not change. SQLite's own trace counts the statements.

describe('one cell edit', () => {
  const tmp = useTempDir();
  let backend: Backend;
  let seen: string[] = [];
  afterEach(() => {
    traceStatements(null);
    backend.close();
  });

  async function sample(): Promise<void> {
    backend = createBackend();
    traceStatements((sql) => seen.push(sql));
    expect(await backend.call('workbook.create', { path: join(tmp(), 'w.cpw'), sample: true })).toMatchObject({ ok: true });
    seen = [];
  }

  it('is one call answering the stored row and the history, in ten statements (one of them the audit log entry), the accounts table untouched', async () => {
    await sample();
    const r = await backend.call('rows.edit', { period: '2026-Q3', patches: [{ account: 'Contoso Retail', patch: { revenue: 123_456 } }] });
    expect(r).toMatchObject({ ok: true, value: { rows: [{ account: 'Contoso Retail', revenue: 123_456 }], history: { undo: 'edit Contoso Retail', redo: null } } });
    console.log(`one cell edit: ${seen.length} SQL statements, 1 round trip:\n  ${seen.map((s) => s.split('\n')[0]!.slice(0, 90)).join('\n  ')}`);
    expect(seen.length).toBeLessThanOrEqual(10);
    expect(seen.filter((s) => /^INSERT INTO audit_log/.test(s))).toHaveLength(1);
    expect(seen.filter((s) => /^UPDATE accounts/.test(s))).toEqual([]);
    expect(seen.filter((s) => /FROM accounts WHERE name/.test(s) || /a\.name = /.test(s))).toHaveLength(1);
    // What the history keeps undoes it.
    expect(await backend.call('history.undo', {})).toMatchObject({ ok: true, value: { label: 'edit Contoso Retail' } });
    const rows = await backend.call('rows.list', { period: '2026-Q3' });
    expect(rows.ok && (rows.value as SheetRow[]).find((x) => x.account === 'Contoso Retail')!.revenue).not.toBe(123_456);
  });

  it('a rename writes the account, once, and is undone whole', async () => {
    await sample();
    const r = await backend.call('rows.edit', { period: '2026-Q3', patches: [{ account: 'Contoso Retail', patch: { account: 'Contoso Group' } }] });
    expect(r).toMatchObject({ ok: true, value: { rows: [{ account: 'Contoso Group' }] } });
    expect(seen.filter((s) => /^UPDATE accounts/.test(s))).toHaveLength(1);
    await backend.call('history.undo', {});
    const rows = await backend.call('rows.list', { period: '2025-Q4' });
    expect(rows.ok && (rows.value as SheetRow[]).some((x) => x.account === 'Contoso Retail')).toBe(true);
  });

  it('a block with one bad cell writes nothing', async () => {
    await sample();
    const r = await backend.call('rows.edit', {
      period: '2026-Q3',
      patches: [
        { account: 'Contoso Retail', patch: { revenue: 1 } },
        { account: 'Contoso Retail', patch: { service: -5 } },
      ],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(seen.filter((s) => /^(UPDATE|INSERT|DELETE)/.test(s))).toEqual([]);
  });
});

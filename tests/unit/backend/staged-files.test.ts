import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAs, type Person } from '../../../electron/backend/actor';
import { createBackend } from '../../../electron/backend/dispatch';
import { StagedFiles } from '../../../electron/backend/io/staged-files';
import { CpwError } from '../../../shared/ipc/errors';
import { FIXTURES, useTempDir } from '../../helpers';

const CLEAN = readFileSync(join(FIXTURES, 'sheets', 'clean.csv'));
const ann: Person = { name: 'Ann Lee', role: 'consultant', owner: null };
const bob: Person = { name: 'Bob Ray', role: 'consultant', owner: null };

describe('the import wizard sends the file once', () => {
  const tmp = useTempDir();

  it('a preview of sent bytes gives an id that later previews and the commit name instead of the bytes', async () => {
    const backend = createBackend();
    await backend.call('workbook.create', { path: join(tmp(), 'w.cpw') });
    const first = await backend.call('import.preview', { source: { content: CLEAN.toString('base64'), fileName: 'clean.csv' }, period: 'Q1' }, 'window');
    if (!first.ok) throw new Error(first.error.message);
    const staged = (first.value as { staged: string }).staged;
    expect(staged).toMatch(/^[0-9a-f-]{36}$/);

    const remapped = await backend.call('import.preview', { source: { staged }, period: 'Q1', map: { owner: 'owner' } }, 'window');
    expect(remapped).toMatchObject({ ok: true, value: { file: 'clean.csv', rows: 3, staged } });
    expect(await backend.call('import.commit', { source: { staged }, period: 'Q1' }, 'window')).toMatchObject({ ok: true, value: { rows: 3, added: 3 } });
    const rows = await backend.call('rows.list', { period: 'Q1' });
    expect(rows.ok && (rows.value as { account: string }[]).map((r) => r.account)).toEqual(['Acme Corp', 'Beta Industries', 'Gamma Retail']);

    // Committed, the bytes are let go: naming them again is refused in words.
    const again = await backend.call('import.commit', { source: { staged }, period: 'Q1' }, 'window');
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!again.ok && again.error.message).toMatch(/pick the file again/);
  });

  it('a path on disk is never staged, and a source names exactly one of file, content and staged', async () => {
    const backend = createBackend();
    await backend.call('workbook.create', { path: join(tmp(), 'w.cpw') });
    const byPath = await backend.call('import.preview', { source: { file: join(FIXTURES, 'sheets', 'clean.csv') }, period: 'Q1' });
    expect(byPath.ok && 'staged' in (byPath.value as object)).toBe(false);
    const both = await backend.call('import.preview', { source: { content: CLEAN.toString('base64'), fileName: 'clean.csv', staged: crypto.randomUUID() }, period: 'Q1' }, 'window');
    expect(!both.ok && both.error.message).toMatch(/give one of file, content or staged/);
    const made = await backend.call('import.preview', { source: { staged: '../../etc/passwd' }, period: 'Q1' }, 'window');
    expect(!made.ok && made.error.message).toMatch(/source\.staged.*staged must be the id a preview gave/s);
  });

  it('an id is only its sender’s: another person of a team server who knows it is refused', async () => {
    const files = new StagedFiles();
    const id = await runAs(ann, async () => files.put({ name: 'a.csv', bytes: CLEAN }));
    await expect(runAs(bob, async () => files.get(id))).rejects.toThrow(CpwError);
    await runAs(bob, async () => files.drop(id)); // nor can they drop it
    expect((await runAs(ann, async () => files.get(id))).bytes.equals(CLEAN)).toBe(true);
    expect(() => files.get(id)).toThrow(/not here/); // nor the local person
  });

  it('is bounded: three files a person, an hour each', async () => {
    let now = 0;
    const files = new StagedFiles(() => now);
    const ids = await runAs(ann, async () => [1, 2, 3, 4].map((n) => files.put({ name: `${n}.csv`, bytes: Buffer.from(String(n)) })));
    const kept = await runAs(ann, async () => ids.map((id) => { try { return files.get(id).name; } catch { return null; } }));
    expect(kept).toEqual([null, '2.csv', '3.csv', '4.csv']);
    const bobs = await runAs(bob, async () => files.put({ name: 'b.csv', bytes: CLEAN }));
    now = 59 * 60 * 1000;
    expect((await runAs(bob, async () => files.get(bobs))).name).toBe('b.csv');
    now = 61 * 60 * 1000;
    await expect(runAs(bob, async () => files.get(bobs))).rejects.toThrow(/kept for an hour/);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { createBackend } from '../../../electron/backend/dispatch';
import { describe, expect, it } from 'vitest';
import { newLocation, pgAdmin, schemaOf } from '../../engines';
import { cpw, cpwJson, useTempDir } from '../../helpers';

// `cpw users` and `cpw log`, the real binary, against the tests' own PostgreSQL server (and a file, for the log).

describe('cpw users', () => {
  it('adds a person with a token shown once and only its hash kept, lists and revokes them', async () => {
    const at = newLocation('postgres', '', 'people');
    expect((await cpw(['new', at, '--sample'])).code).toBe(0);
    const made = await cpwJson<{ name: string; role: string; token: string }>(['users', 'add', at, 'Alice', '--role', 'director', '--owner', 'Alice Moreau', '--json']);
    expect(Object.keys(made).sort()).toEqual(['name', 'role', 'token']);
    expect(made).toMatchObject({ name: 'Alice', role: 'director' });
    expect(made.token).toMatch(/^cpw_[A-Za-z0-9_-]{43}$/);
    const stored = pgAdmin(`SELECT token_hash FROM "${schemaOf(at)}".people`);
    expect(stored).not.toContain(made.token);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);

    const twice = await cpw(['users', 'add', at, 'alice', '--role', 'viewer']);
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toContain('already has a person named "alice"');
    const noOwner = await cpw(['users', 'add', at, 'Ben', '--role', 'director']);
    expect(noOwner.stderr).toContain('--owner');
    const badRole = await cpw(['users', 'add', at, 'Ben', '--role', 'boss']);
    expect(badRole.stderr).toContain('--role must be one of admin, consultant, director, viewer');

    expect((await cpwJson<{ name: string; revoked: string | null }[]>(['users', 'list', at, '--json'])).map((p) => [p.name, p.revoked])).toEqual([['Alice', null]]);
    expect((await cpw(['users', 'revoke', at, 'Alice'])).code).toBe(0);
    expect((await cpwJson<{ revoked: string | null }[]>(['users', 'list', at, '--json']))[0]!.revoked).toMatch(/^20/);
    expect((await cpw(['users', 'revoke', at, 'Alice'])).stderr).toContain('has no person "Alice"');
  });

  it('refuses a file: people belong to a team workbook', async () => {
    const r = await cpw(['users', 'list', '/tmp/nowhere.cpw']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('people and roles belong to a team workbook in PostgreSQL');
  });

  it('serves beyond loopback only with TLS or --insecure, and says what --insecure risks', async () => {
    const at = newLocation('postgres', '', 'listen');
    const r = await cpw(['serve', at, '--listen', '0.0.0.0:0']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('give --tls-cert and --tls-key');
    expect((await cpw(['serve', at, '--listen', 'nonsense'])).stderr).toContain('--listen takes HOST:PORT');
    expect((await cpw(['serve', at, '--tls-cert', 'c.pem'])).stderr).toContain('--tls-cert and --tls-key go together');
  });
});

describe('cpw log', () => {
  const tmp = useTempDir();
  it('prints who changed which field of which account, when, from what to what, on a file too', async () => {
    const book = join(tmp(), 'w.cpw');
    const backend = createBackend();
    await backend.call('workbook.create', { path: book, sample: true });
    const edit = await backend.call('rows.patch', { period: '2026-Q3', patches: [{ account: 'Contoso Retail', patch: { service: 777, calls: 3 } }] });
    expect(edit.ok).toBe(true);
    await backend.close();
    const log = await cpwJson<{ person: string; account: string; field: string; before: string | null; after: string | null; period: string }[]>(['log', book, '--account', 'contoso retail', '--json']);
    expect(log.map((e) => [e.account, e.period, e.field, e.after])).toEqual([
      ['Contoso Retail', '2026-Q3', 'service', '777'],
      ['Contoso Retail', '2026-Q3', 'calls', '3'],
    ]);
    expect(log[0]!.person).toBe(userInfo().username);
    const text = await cpw(['log', book]);
    expect(text.stdout).toMatch(/Contoso Retail, Post-sale service: \d+ -> 777/);
    expect((await cpwJson<unknown[]>(['log', book, '--since', '2999-01-01', '--json']))).toEqual([]);
    const bad = await cpw(['log', book, '--since', 'yesterday']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('since is a date, YYYY-MM-DD');
  });

  it('records the changes to the workbook as a whole: an import, an assumption, a period added, renamed and deleted', async () => {
    const book = join(tmp(), 'whole.cpw');
    expect((await cpw(['new', book, '--sample'])).code).toBe(0);
    const csv = join(tmp(), 'in.csv');
    writeFileSync(csv, 'account,revenue\nNew One,1000\nNew Two,2000\n');
    expect((await cpw(['import', book, csv, '--period', 'Imported'])).code).toBe(0);
    expect((await cpw(['assume', book, 'dailyRate=1234'])).code).toBe(0);
    const backend = createBackend();
    await backend.call('workbook.open', { path: book });
    expect((await backend.call('periods.create', { label: 'Extra', copyFrom: '2026-Q3' })).ok).toBe(true);
    expect((await backend.call('periods.rename', { label: 'Extra', newLabel: 'Spare' })).ok).toBe(true);
    expect((await backend.call('periods.delete', { label: 'Spare' })).ok).toBe(true);
    await backend.close();
    const whole = (await cpwJson<{ person: string; account: string; field: string; before: string | null; after: string | null; period: string | null }[]>(['log', book, '--json'])).filter((e) => e.account === '');
    expect(whole.map((e) => [e.period, e.field, e.before, e.after])).toEqual([
      ['Imported', 'import', null, 'in.csv: 2 added, 0 updated, 0 removed'],
      [null, 'assumption dailyRate', '1000', '1234'],
      ['Extra', 'period', null, 'Extra copied from 2026-Q3'],
      ['Spare', 'period', 'Extra', 'Spare'],
      ['Spare', 'period', null, 'Spare deleted'],
    ]);
    expect(whole.every((e) => e.person === userInfo().username)).toBe(true);
    expect((await cpw(['log', book])).stdout).toMatch(/assumption dailyRate: 1000 -> 1234/);
  });
});

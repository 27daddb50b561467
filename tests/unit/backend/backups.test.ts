import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFolder, KEEP_BACKUPS, listBackups, takeBackup } from '../../../electron/backend/db/backups';
import { APPLICATION_ID, openWorkbook } from '../../../electron/backend/db/connection';
import { createWorkbook } from '../../../electron/backend/db/create';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/backend/db/migrate';
import { seedSample } from '../../../electron/backend/sample';
import { cpw, damageWorkbook as damage, sha256, useTempDir } from '../../helpers';

// Backups (issue 10, item 2): copies beside the workbook, taken before an upgrade and the first time it is
// opened for editing each day, the newest five kept; `cpw check --repair` puts the newest good one back.

describe('backups of a workbook', () => {
  const tmp = useTempDir();

  it('the first open for editing of the day keeps a copy beside it; the second that day does not', async () => {
    const path = join(tmp(), 'demo.cpw');
    await createWorkbook(path, seedSample);
    openWorkbook(path, { readOnly: true }).close(); // a reader changes nothing, and copies nothing
    expect(listBackups(path)).toEqual([]);
    openWorkbook(path).close();
    openWorkbook(path).close();
    const copies = listBackups(path);
    expect(copies.map((b) => b.reason)).toEqual(['daily']);
    expect(copies[0]!.file.startsWith(backupFolder(path))).toBe(true);
    const copy = new Database(copies[0]!.file, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM period_rows').pluck().get()).toBeGreaterThan(100);
    copy.close();
  });

  it('keeps the newest five, whatever their reason', async () => {
    const path = join(tmp(), 'demo.cpw');
    await createWorkbook(path, seedSample);
    const wb = openWorkbook(path);
    for (let day = 1; day <= 8; day++) takeBackup(wb.db, path, day % 2 ? 'daily' : 'before-schema-9', new Date(Date.UTC(2030, 10, day, 9)));
    wb.close();
    const kept = listBackups(path);
    expect(kept).toHaveLength(KEEP_BACKUPS);
    expect(kept.map((b) => b.taken.getUTCDate())).toEqual([8, 7, 6, 5, 4]); // newer than the copy the open took today
  });

  it('copies an older workbook before upgrading it, at its old schema', () => {
    const path = join(tmp(), 'old.cpw');
    const db = new Database(path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of MIGRATIONS.slice(0, 2)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, '2026-01-01T00:00:00Z');
      db.pragma(`user_version = ${m.id}`);
    }
    db.close();
    openWorkbook(path).close();
    const before = listBackups(path).find((b) => b.reason === `before-schema-${SCHEMA_VERSION}`)!;
    const copy = new Database(before.file, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(2);
    copy.close();
  });

  it('cpw check --repair puts the newest good copy in place of a damaged file and keeps the damaged one', async () => {
    const path = join(tmp(), 'demo.cpw');
    await createWorkbook(path, seedSample);
    openWorkbook(path).close(); // today's copy
    damage(path);
    expect((await cpw(['check', path])).code).toBe(1);
    const damagedHash = sha256(path);
    const r = await cpw(['check', path, '--repair']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/restored from .*daily\.cpw; the damaged file is kept as .*demo\.cpw\.damaged-/);
    expect((await cpw(['check', path])).code).toBe(0);
    const kept = r.stdout.match(/kept as (\S+)/)![1]!;
    expect(sha256(kept)).toBe(damagedHash);
  });

  it('cpw check --repair with no good copy says so and changes nothing', async () => {
    const path = join(tmp(), 'demo.cpw');
    await createWorkbook(path, seedSample);
    damage(path);
    const before = sha256(path);
    const r = await cpw(['check', path, '--repair']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/has no good copy to restore/);
    expect(sha256(path)).toBe(before);
    expect(existsSync(backupFolder(path))).toBe(false);
  });
});

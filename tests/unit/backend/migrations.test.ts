import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, SCHEMA_VERSION } from '../../../electron/backend/db/migrate';
import { ROOT } from '../../helpers';

const FOLDER = join(ROOT, 'electron', 'backend', 'db', 'migrations');

describe('migrations (issue 18)', () => {
  it('the folder and the list agree: every file listed once, in order, with its own text', () => {
    const files = readdirSync(FOLDER).filter((f) => f.endsWith('.sql')).sort();
    expect(MIGRATIONS.map((m) => `${m.name}.sql`)).toEqual(files);
    MIGRATIONS.forEach((m, k) => {
      expect(m.id).toBe(k + 1);
      expect(m.name.startsWith(String(m.id).padStart(3, '0'))).toBe(true);
      expect(m.sql).toBe(readFileSync(join(FOLDER, `${m.name}.sql`), 'utf8'));
    });
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('runs each migration in a transaction of its own: one that fails leaves the ones before it applied and itself not at all', () => {
    const db = new Database(':memory:');
    // A workbook at version 1 whose next migration cannot apply (a table of its name is in the way).
    db.exec(MIGRATIONS[0]!.sql);
    db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (1, ?, ?)').run(MIGRATIONS[0]!.name, 'then');
    db.pragma('user_version = 1');
    const third = /CREATE TABLE (\w+)/.exec(MIGRATIONS[2]!.sql)![1]!;
    db.exec(`CREATE TABLE ${third} (x)`);
    expect(() => migrate(db)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all()).toEqual([1, 2]);
    db.close();
  });
});

import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cpw, csv, useTempDir } from '../../helpers';

// Issue 17, item 6: values that no rule allows, put in a workbook by another tool. Every reader refuses, naming
// the file, the period, the account and the field; nothing is left out, shown as NaN, or printed as a dash.

async function sampleOf(dir: string): Promise<string> {
  const path = join(dir, 'w.cpw');
  writeFileSync(join(dir, 's.csv'), csv(['account', 'revenue', 'service'], [['Acme', 1000, 100], ['Beta', 2000, 300], ['Gamma', 500, 50]]));
  expect((await cpw(['new', path])).code).toBe(0);
  expect((await cpw(['import', path, join(dir, 's.csv'), '--period', 'Q1'])).code).toBe(0);
  return path;
}

/** The table as another tool might leave it: STRICT dropped from its schema, so SQLite takes text in a REAL column. */
function loosen(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('foreign_keys = OFF');
  const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'period_rows'").pluck().get() as string;
  db.exec(`ALTER TABLE period_rows RENAME TO strict_rows; ${sql.replace(/\)\s*STRICT\s*$/, ')')};
    INSERT INTO period_rows SELECT * FROM strict_rows; DROP TABLE strict_rows;`);
  db.pragma('ignore_check_constraints = ON');
  return db;
}

const damages: [string, (db: Database.Database) => void, RegExp][] = [
  [
    'a row whose account is missing from the accounts table',
    (db) => {
      db.pragma('foreign_keys = OFF');
      db.prepare("DELETE FROM accounts WHERE name = 'Beta'").run();
    },
    /period Q1, a row for account #2, which is missing from the accounts table; the file was changed outside the workbench/,
  ],
  ['text in a money column', (db) => db.prepare("UPDATE period_rows SET service = 'lots' WHERE account_id = 1").run(), /period Q1, account "Acme": service holds "lots", not a number/],
  ['a revenue too large to compute with', (db) => db.prepare('UPDATE period_rows SET revenue = 1e308 WHERE account_id = 3').run(), /period Q1, account "Gamma": revenue holds 1e\+308, which is too large to compute with/],
];

describe('values no rule allows, written by another tool (item 6)', () => {
  const tmp = useTempDir();

  for (const [what, damage, message] of damages) {
    it(`${what}: report, export and the PDF refuse, naming it; check lists it`, async () => {
      const dir = tmp();
      const path = await sampleOf(dir);
      const db = loosen(path);
      damage(db);
      db.close();
      const report = await cpw(['report', path, '--json']);
      expect(report.code).toBe(1);
      expect(report.stdout).toBe('');
      expect(report.stderr).toMatch(message);
      expect(report.stderr).toContain(path);
      for (const out of ['out.csv', 'out.xlsx']) {
        const exported = await cpw(['export', path, '--out', join(dir, out)]);
        expect(exported.code, out).toBe(1);
        expect(exported.stderr).toMatch(message);
        expect(existsSync(join(dir, out))).toBe(false);
      }
      const pdf = await cpw(['report', path, '--pdf', join(dir, 'out.pdf')]);
      expect(pdf.code).toBe(1);
      expect(existsSync(join(dir, 'out.pdf'))).toBe(false);
      const check = await cpw(['check', path]);
      expect(check.code).toBe(1);
      expect(check.stderr).toMatch(/problem/);
    }, 60_000);
  }
});

import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CpwError } from '../../../shared/ipc/errors';
import { APPLICATION_ID, openWorkbook } from '../../../electron/backend/db/connection';
import { copyWorkbook, createWorkbook } from '../../../electron/backend/db/create';
import { checkWorkbookFile } from '../../../electron/backend/db/check';
import { FileStore } from '../../../electron/backend/db/file-store';
import { lockPathOf } from '../../../electron/backend/db/lock';
import { SCHEMA_VERSION } from '../../../electron/backend/db/migrate';
import { createPeriod } from '../../../electron/backend/db/repos/periods';
import { insertRow } from '../../../electron/backend/db/repos/rows';
import { listRows } from '../../../electron/backend/db/repos/period-rows';
import { SheetRow } from '../../../shared/schemas/row';
import { seedSample } from '../../../electron/backend/sample';
import { onWorkbook, ROOT, sha256, useTempDir } from '../../helpers';

function refusal(fn: () => unknown): CpwError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CpwError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

async function newWorkbook(dir: string, name = 'w.cpw'): Promise<string> {
  const path = join(dir, name);
  await createWorkbook(path, async (tx) => {
    const p = await createPeriod(tx, '2026-Q1');
    for (let i = 0; i < 300; i++) await insertRow(tx, p.id, SheetRow.parse({ account: `Account ${i}`, revenue: 1000 + i, service: 10 * i }), 'test', '2026-01-01T00:00:00Z');
  });
  return path;
}

describe('a new workbook', () => {
  const tmp = useTempDir();

  it('is marked as ours, at the current schema, in rollback-journal mode', async () => {
    const path = await newWorkbook(tmp());
    const db = new Database(path, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    const migrations = db.prepare('SELECT id, name FROM schema_migrations').all();
    expect(migrations).toEqual([
      { id: 1, name: '001-init' },
      { id: 2, name: '002-history' },
      { id: 3, name: '003-cost-pools' },
      { id: 4, name: '004-versions-and-audit' },
      { id: 5, name: '005-costing' },
      { id: 6, name: '006-dimensions-and-plan' },
    ]);
    db.close();
    expect(readdirNames(tmp())).toEqual(['w.cpw']);
  });

  it('is never written over an existing file', async () => {
    const path = join(tmp(), 'taken.cpw');
    writeFileSync(path, 'my notes');
    await expect(createWorkbook(path)).rejects.toMatchObject({ code: 'FILE_EXISTS' });
    expect(readFileSync(path, 'utf8')).toBe('my notes');
  });

  it('refuses a row the CHECK constraints forbid even when the app is bypassed', async () => {
    const path = await newWorkbook(tmp());
    const wb = openWorkbook(path);
    expect(() => wb.db.prepare("UPDATE period_rows SET revenue = -1 WHERE position = 1").run()).toThrow(/CHECK constraint/);
    expect(() => wb.db.prepare("UPDATE period_rows SET csat = 6 WHERE position = 1").run()).toThrow(/CHECK constraint/);
    expect(() => wb.db.prepare("UPDATE period_rows SET status = 'gone' WHERE position = 1").run()).toThrow(/CHECK constraint/);
    wb.close();
  });

  it('saves as a compact copy that opens on its own', async () => {
    const path = await newWorkbook(tmp());
    const wb = openWorkbook(path);
    const copy = join(tmp(), 'copy.cpw');
    const store = new FileStore(wb);
    await copyWorkbook(store, copy);
    await store.close();
    expect(await onWorkbook(copy, (tx) => listRows(tx, 1))).toHaveLength(300);
  });
});

function readdirNames(dir: string): string[] {
  return readdirSync(dir).sort();
}

describe('opening refuses what it cannot read, without changing a byte', () => {
  const tmp = useTempDir();

  const cases: [string, (dir: string) => string | Promise<string>, string, RegExp][] = [
    ['random bytes', (d) => write(d, 'random.cpw', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251))), 'NOT_SQLITE', /not a SQLite database/],
    ['an empty file', (d) => write(d, 'empty.cpw', Buffer.alloc(0)), 'NOT_SQLITE', /is empty/],
    ['a foreign SQLite file', (d) => foreignSqlite(d), 'NOT_WORKBOOK', /SQLite database but not a Customer Profitability workbook \(application_id 0\)/],
    ['a newer schema', (d) => newerSchema(d), 'NEWER_SCHEMA', /newer version of the workbench \(schema 99; this version reads up to 6\)/],
    ['a damaged workbook', (d) => damagedWorkbook(d), 'DAMAGED', /is damaged/],
    ['a cut-short header', (d) => write(d, 'short.cpw', Buffer.from('SQLite format 3\0abc', 'latin1')), 'DAMAGED', /cut short/],
    ['a workbook cut in half', (d) => truncatedWorkbook(d), 'DAMAGED', /is damaged/],
    ['a workbook with a trigger that writes elsewhere', (d) => withSql(d, 'trigger.cpw', "CREATE TRIGGER steal AFTER UPDATE ON period_rows BEGIN UPDATE accounts SET owner = 'x'; END"), 'NOT_WORKBOOK', /holds trigger "steal", which the workbench never makes/],
    ['a workbook with a view', (d) => withSql(d, 'view.cpw', 'CREATE VIEW everything AS SELECT * FROM accounts'), 'NOT_WORKBOOK', /holds view "everything"/],
  ];

  for (const [what, make, code, message] of cases) {
    it(`${what}: ${code}`, async () => {
      const path = await make(tmp());
      const before = sha256(path);
      const size = statSync(path).size;
      for (const readOnly of [false, true]) {
        const e = refusal(() => openWorkbook(path, { readOnly }));
        expect(e.code).toBe(code);
        expect(e.message).toMatch(message);
        expect(e.message).toContain(path);
      }
      const check = await checkWorkbookFile(path);
      expect(check.ok).toBe(false);
      expect(check.problems.join('\n')).toMatch(message);
      expect(sha256(path)).toBe(before);
      expect(statSync(path).size).toBe(size);
      expect(existsSync(lockPathOf(path))).toBe(false);
      expect(existsSync(`${path}-journal`)).toBe(false);
    });
  }

  it('a journal left by a save killed before its header was written is no problem to readers, and is dropped on the next open for editing (found by the crash harness)', async () => {
    const path = await newWorkbook(tmp(), 'dead-journal.cpw');
    writeFileSync(`${path}-journal`, Buffer.alloc(512)); // a journal SQLite does not take as hot: nothing to roll back
    const before = await checkWorkbookFile(path);
    expect(before).toMatchObject({ ok: true, problems: [], notes: [] });
    expect(existsSync(`${path}-journal`)).toBe(true);
    openWorkbook(path).close();
    expect(existsSync(`${path}-journal`)).toBe(false);
    expect((await checkWorkbookFile(path)).ok).toBe(true);
  });

  it('a missing file is named as missing', async () => {
    const e = refusal(() => openWorkbook(join(tmp(), 'nowhere.cpw')));
    expect(e.code).toBe('FILE_NOT_FOUND');
    expect(e.message).toMatch(/nowhere\.cpw does not exist/);
  });
});

function write(dir: string, name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function foreignSqlite(dir: string): string {
  const path = join(dir, 'contacts.db');
  const db = new Database(path);
  db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada');");
  db.close();
  return path;
}

/** A real workbook (the sample) whose file is cut to half its length, as a failed copy leaves it. */
async function truncatedWorkbook(dir: string): Promise<string> {
  const path = join(dir, 'half.cpw');
  await createWorkbook(path, seedSample);
  truncateSync(path, Math.floor(statSync(path).size / 2));
  return path;
}

/** A workbook that someone has given SQL of their own. */
async function withSql(dir: string, name: string, sql: string): Promise<string> {
  const path = await newWorkbook(dir, name);
  const db = new Database(path);
  db.exec(sql);
  db.close();
  return path;
}

async function newerSchema(dir: string): Promise<string> {
  const path = await newWorkbook(dir, 'future.cpw');
  const db = new Database(path);
  db.pragma('user_version = 99');
  db.close();
  return path;
}

/** A workbook whose table pages are overwritten: the header is fine, the content is not. */
async function damagedWorkbook(dir: string): Promise<string> {
  const path = await newWorkbook(dir, 'damaged.cpw');
  const pageSize = 4096;
  const fd = openSync(path, 'r+');
  const pages = Math.floor(statSync(path).size / pageSize);
  for (let p = 2; p < pages; p++) writeSync(fd, Buffer.alloc(200, 0xa5), 0, 200, p * pageSize + 8);
  closeSync(fd);
  return path;
}

describe('one writer at a time', () => {
  const tmp = useTempDir();

  it('refuses a second writer with a message naming the holder; readers are fine', async () => {
    const path = await newWorkbook(tmp());
    const first = openWorkbook(path);
    const e = refusal(() => openWorkbook(path));
    expect(e.code).toBe('LOCKED');
    expect(e.message).toMatch(new RegExp(`open for editing in another window or process \\(process ${process.pid} on `));
    expect(await onWorkbook(path, (tx) => listRows(tx, 1))).toHaveLength(300);
    first.close();
    expect(existsSync(lockPathOf(path))).toBe(false);
    openWorkbook(path).close();
  });

  it('takes over at once the lock of a process that was killed', async () => {
    const path = await newWorkbook(tmp());
    const holder = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './tests/sql-hooks.mjs', join('tests', 'fixtures', 'hold-workbook.ts'), path],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((ready, fail) => {
      holder.stdout.once('data', () => ready());
      holder.once('exit', (code) => fail(new Error(`the holder exited early (${code})`)));
    });
    expect(refusal(() => openWorkbook(path)).code).toBe('LOCKED');
    holder.kill('SIGKILL');
    await new Promise((gone) => holder.once('exit', gone));
    expect(existsSync(lockPathOf(path))).toBe(true); // the holder had no chance to clean up
    const wb = openWorkbook(path);
    expect(JSON.parse(readFileSync(lockPathOf(path), 'utf8')).pid).toBe(process.pid);
    wb.close();
  });
});

describe('older workbooks', () => {
  const tmp = useTempDir();

  /** A workbook as a build before any migration would leave it: marked as ours, schema 0. */
  function schemaZero(): string {
    const path = join(tmp(), 'old.cpw');
    const db = new Database(path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec('CREATE TABLE scratch (x)');
    db.close();
    return path;
  }

  it('are read in memory without a byte written, and upgraded when opened for editing', async () => {
    const path = schemaZero();
    const before = sha256(path);
    const reader = openWorkbook(path, { readOnly: true });
    expect(reader.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    reader.close();
    expect(sha256(path)).toBe(before);
    openWorkbook(path).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });
});

import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { chmodSync, closeSync, existsSync, openSync, readdirSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockPathOf } from '../../../electron/backend/db/lock';
import type { Report } from '../../../shared/schemas/report';
import { csvOf, generatePortfolio } from '../../bench/portfolio';
import { cpw, holdWrite, ROOT, sha256, unprivileged, useTempDir } from '../../helpers';

// Issue 17, items 1-3: a save cut short leaves SQLite's rollback journal beside the workbook. Every reader gets
// the last committed state with no manual step, `check` says what happened and exits 0, and `check --repair`
// never swaps in an older copy when the journal recovers everything, nor works under another process's writer.

const SAMPLE_PERIODS = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];

function sheet(dir: string, name: string, n: number, seed: number): string {
  const path = join(dir, name);
  const rows = generatePortfolio(n, seed);
  writeFileSync(path, csvOf(rows));
  return path;
}

/** SQLite's own verdict: a read-only connection that must roll a journal back cannot. */
function hasHotJournal(path: string): boolean {
  const db = new Database(path, { readonly: true });
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return false;
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_READONLY_ROLLBACK') return true;
    throw e;
  } finally {
    db.close();
  }
}

/** Which of the periods these tests make a report can be read for. */
async function listedPeriods(path: string, as = {}): Promise<string[]> {
  const found: string[] = [];
  for (const label of [...SAMPLE_PERIODS, 'P1', 'P2', 'Interrupted']) {
    const r = await cpw(['report', path, '--json', '--period', label], ROOT, process.env, as);
    if (r.code === 0) found.push(label);
  }
  return found;
}

/** A sample workbook whose save was killed half-way, its journal hot beside it. */
async function interrupted(dir: string): Promise<string> {
  const path = join(dir, 'w.cpw');
  expect((await cpw(['new', path, '--sample'])).code).toBe(0);
  const writer = await holdWrite(path, 'spill');
  await writer.kill();
  expect(hasHotJournal(path)).toBe(true);
  return path;
}

describe('an interrupted save is rolled back for every reader (issue 17, items 1-3)', () => {
  const tmp = useTempDir();

  it('cpw report gets the last committed state with no manual step, and the file is recovered in place', async () => {
    const path = await interrupted(tmp());
    const r = await cpw(['report', path, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('an interrupted save was rolled back; nothing committed was lost');
    expect((JSON.parse(r.stdout) as Report).period).toBe('2026-Q3');
    expect(existsSync(`${path}-journal`)).toBe(false);
    expect(await listedPeriods(path)).toEqual(SAMPLE_PERIODS);
  }, 60_000);

  it('cpw check says the interrupted save was rolled back and exits 0', async () => {
    const path = await interrupted(tmp());
    const r = await cpw(['check', path]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${path}: an interrupted save was rolled back; nothing committed was lost`);
    expect(r.stdout).toContain(`${path}: ok (schema`);
  });

  it('in a folder the reader cannot write, report, check and serve --read-only read a recovered copy and leave file and journal as they were', async () => {
    const dir = tmp();
    const path = await interrupted(dir);
    chmodSync(dir, 0o755);
    const before = { file: sha256(path), journal: sha256(`${path}-journal`) };
    const as = unprivileged();
    const report = await cpw(['report', path, '--json'], ROOT, process.env, as);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).toMatch(/an interrupted save was rolled back; nothing committed was lost \(in a copy read into memory, as it cannot be written here/);
    expect(await listedPeriods(path, as)).toEqual(SAMPLE_PERIODS);
    const check = await cpw(['check', path], ROOT, process.env, as);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain('an interrupted save was rolled back; nothing committed was lost');

    const serve = spawn(process.execPath, [join(ROOT, 'electron', 'cli', 'bin.cjs'), 'serve', path, '--read-only'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...as });
    try {
      const url = await new Promise<string>((found, fail) => {
        serve.stdout.on('data', (d: Buffer) => {
          const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\w+/.exec(String(d));
          if (m) found(m[0]);
        });
        serve.once('exit', (code) => fail(new Error(`serve exited ${code}`)));
      });
      const { origin, searchParams } = new URL(url);
      const rpc = await fetch(`${origin}/rpc`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Cpw-Token': searchParams.get('token')! },
        body: JSON.stringify({ method: 'workbook.info', input: {} }),
      });
      const info = (await rpc.json()) as { ok: boolean; value: { periods: string[]; readOnly: boolean; notes: string[] } };
      expect(info).toMatchObject({ ok: true, value: { periods: SAMPLE_PERIODS, readOnly: true } });
      expect(info.value.notes.join()).toMatch(/rolled back/);
    } finally {
      serve.kill('SIGKILL');
    }
    expect({ file: sha256(path), journal: sha256(`${path}-journal`) }).toEqual(before);
  }, 60_000);

  it('while another process holds it for editing, a reader reads a recovered copy and does not touch the file', async () => {
    const path = await interrupted(tmp());
    // A live holder (this test's own process) of the writer's lock.
    writeFileSync(lockPathOf(path), JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
    const before = sha256(path);
    const r = await cpw(['report', path, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/in a copy read into memory, as it is open for editing elsewhere/);
    expect(sha256(path)).toBe(before);
    expect(hasHotJournal(path)).toBe(true);
  });

  it('a reader during a save in progress sees the last committed state, and check finds nothing wrong', async () => {
    const path = join(tmp(), 'w.cpw');
    expect((await cpw(['new', path, '--sample'])).code).toBe(0);
    const writer = await holdWrite(path, 'reserved');
    try {
      expect(existsSync(`${path}-journal`)).toBe(true);
      const r = await cpw(['report', path, '--json', '--period', 'Interrupted']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/no period "Interrupted"/);
      const latest = await cpw(['report', path, '--json']);
      expect(latest.code, latest.stderr).toBe(0);
      expect(latest.stderr).toBe('');
      const check = await cpw(['check', path]);
      expect(check.code, check.stderr).toBe(0);
      expect(check.stdout).not.toMatch(/interrupted|rolled back/);
    } finally {
      await writer.kill();
    }
  });
});

describe('cpw check --repair (issue 17, items 2-3)', () => {
  const tmp = useTempDir();

  it('after a kill during the third import, rolls the journal back and keeps both committed imports: no copy swapped in', async () => {
    const dir = tmp();
    const path = join(dir, 'w.cpw');
    expect((await cpw(['new', path, '--sample'])).code).toBe(0);
    expect((await cpw(['import', path, sheet(dir, 'p1.csv', 300, 1), '--period', 'P1'])).code).toBe(0);
    expect((await cpw(['import', path, sheet(dir, 'p2.csv', 300, 2), '--period', 'P2'])).code).toBe(0);
    // The daily copy was taken before P1 went in: the one a careless repair would restore.
    expect(readdirSync(join(dir, '.w.cpw.backups'))).toHaveLength(1);
    const writer = await holdWrite(path, 'spill'); // the third import, killed mid-write
    await writer.kill();
    expect(hasHotJournal(path)).toBe(true);
    const r = await cpw(['check', path, '--repair']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('an interrupted save was rolled back; nothing committed was lost');
    expect(r.stdout).toContain('nothing to repair');
    expect(r.stdout).not.toMatch(/restored/);
    expect(readdirSync(dir).filter((f) => f.includes('damaged'))).toEqual([]);
    expect(await listedPeriods(path)).toEqual([...SAMPLE_PERIODS, 'P1', 'P2']);
  }, 60_000);

  it('of a damaged file, restores the newest good copy and says what it lacks: its date and the periods newer than it', async () => {
    const dir = tmp();
    const path = join(dir, 'w.cpw');
    expect((await cpw(['new', path, '--sample'])).code).toBe(0);
    expect((await cpw(['import', path, sheet(dir, 'p1.csv', 300, 1), '--period', 'P1'])).code).toBe(0);
    expect((await cpw(['import', path, sheet(dir, 'p2.csv', 300, 2), '--period', 'P2'])).code).toBe(0);
    // The last page (P2's rows) overwritten as a failing disk would; the periods table is still readable.
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4000, 0x5a), 0, 4000, statSync(path).size - 4096 + 50);
    closeSync(fd);
    expect((await cpw(['check', path])).code).toBe(1);
    const r = await cpw(['check', path, '--repair']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/restored the copy of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(daily\): it lacks the periods P1, P2/);
    expect(r.stdout).toMatch(/the damaged file is kept as .*w\.cpw\.damaged-/);
    expect(await listedPeriods(path)).toEqual(SAMPLE_PERIODS);
  }, 60_000);

  it('is refused while another process has the workbook open for editing, naming it, and the file is not touched', async () => {
    const dir = tmp();
    const path = join(dir, 'w.cpw');
    expect((await cpw(['new', path, '--sample'])).code).toBe(0);
    const writer = await holdWrite(path, 'reserved');
    try {
      const before = sha256(path);
      const r = await cpw(['check', path, '--repair']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`open for editing in another window or process \\(process ${writer.child.pid} on `));
      expect(sha256(path)).toBe(before);
      expect(readdirSync(dir).filter((f) => f.includes('damaged'))).toEqual([]);
    } finally {
      await writer.kill();
    }
  });
});

describe('two names for one workbook (a relative of items 1-3)', () => {
  const tmp = useTempDir();

  it('a symbolic link is the same workbook to the one-writer rule and to recovery', async () => {
    const dir = tmp();
    const path = join(dir, 'w.cpw');
    expect((await cpw(['new', path, '--sample'])).code).toBe(0);
    const link = join(dir, 'shortcut.cpw');
    symlinkSync(path, link);
    const writer = await holdWrite(path, 'reserved');
    try {
      const second = await cpw(['assume', link, 'dailyRate=1300']);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/open for editing in another window or process/);
    } finally {
      await writer.kill();
    }
    const spill = await holdWrite(path, 'spill');
    await spill.kill();
    expect(hasHotJournal(path)).toBe(true);
    const read = await cpw(['report', link, '--json']);
    expect(read.code, read.stderr).toBe(0);
    expect(read.stderr).toContain('an interrupted save was rolled back');
  });
});

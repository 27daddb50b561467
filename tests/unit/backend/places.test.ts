import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, closeSync, mkdirSync, openSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cpw, ROOT, sha256, unprivileged, useTempDir } from '../../helpers';

// Issue 17, items 10 and 11: read-only places and a full disk. The message names the file and what to do; a
// file that cannot be written is opened read-only where that is what the user can have; nothing is left behind.

const as = unprivileged();
const asRoot = process.getuid?.() === 0;

/** Everything in a folder, hidden files included, except what the test put there itself. */
const leftovers = (dir: string, mine: string[]) => readdirSync(dir).filter((f) => !mine.includes(f));

async function workbookIn(dir: string): Promise<string> {
  const path = join(dir, 'w.cpw');
  expect((await cpw(['new', path, '--sample'])).code).toBe(0);
  rmSync(join(dir, '.w.cpw.backups'), { recursive: true, force: true });
  return path;
}

describe('read-only places (item 10)', () => {
  const tmp = useTempDir();

  it("a read-only file: edits say it can't be written and what to do, no copy is taken, reads work", async () => {
    const dir = tmp();
    const path = await workbookIn(dir);
    chmodSync(dir, 0o777);
    chmodSync(path, 0o444);
    const before = sha256(path);
    const edit = await cpw(['assume', path, 'dailyRate=1200'], ROOT, process.env, as);
    expect(edit.code).toBe(1);
    expect(edit.stderr).toBe(`cpw assume: ${path} can't be written (read-only): open it with --read-only, or copy it to a folder you can write\n`);
    expect(leftovers(dir, ['w.cpw'])).toEqual([]);
    expect(sha256(path)).toBe(before);
    const read = await cpw(['report', path, '--json'], ROOT, process.env, as);
    expect(read.code, read.stderr).toBe(0);
  });

  it("a read-only folder: the lock's internal name never shows, and nothing is made in it", async () => {
    const dir = tmp();
    const path = await workbookIn(dir);
    if (asRoot) chownSync(path, 65534, 65534); // the file is the user's; only its folder is not
    chmodSync(dir, 0o555);
    const edit = await cpw(['import', path, join(ROOT, 'tests', 'fixtures', 'sheets', 'clean.csv'), '--period', 'P'], ROOT, process.env, as);
    expect(edit.code).toBe(1);
    expect(edit.stderr).toContain(`${path} can't be written (its folder ${dir} is read-only, and saving keeps a journal and a lock beside the file): open it with --read-only`);
    expect(edit.stderr).not.toMatch(/\.lock\.\d+|EPERM|EACCES/);
    expect(leftovers(dir, ['w.cpw'])).toEqual([]);
    chmodSync(dir, 0o755);
  });

  it('cpw serve on a file it cannot write serves it read-only and says so, instead of refusing every edit', async () => {
    const dir = tmp();
    const path = await workbookIn(dir);
    chmodSync(dir, 0o777);
    chmodSync(path, 0o444);
    const serve = spawn(process.execPath, [join(ROOT, 'electron', 'cli', 'bin.cjs'), 'serve', path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...as });
    let stderr = '';
    serve.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    try {
      const url = await new Promise<string>((found, fail) => {
        serve.stdout.on('data', (d: Buffer) => {
          const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\w+/.exec(String(d));
          if (m) found(m[0]);
        });
        serve.once('exit', (code) => fail(new Error(`serve exited ${code}: ${stderr}`)));
      });
      expect(stderr).toContain("can't be written (read-only)");
      expect(stderr).toContain('Serving it read-only: edits are refused until it can be written.');
      const { origin, searchParams } = new URL(url);
      const call = async (method: string, input: unknown) =>
        (await (await fetch(`${origin}/rpc`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Cpw-Token': searchParams.get('token')! }, body: JSON.stringify({ method, input }) })).json()) as {
          ok: boolean;
          value?: { readOnly: boolean };
          error?: { code: string };
        };
      expect(await call('workbook.info', {})).toMatchObject({ ok: true, value: { readOnly: true } });
      expect(await call('assumptions.set', { patch: { dailyRate: 1 } })).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    } finally {
      serve.kill('SIGKILL');
    }
  });
});

/** A small disk of its own (tmpfs), so that "full" is real; needs the right to mount, which CI (root) has. */
function smallDisk(dir: string, kib: number): boolean {
  mkdirSync(dir, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir]).status === 0;
}

/** Fill the disk holding `dir` up to `leaveKiB` KiB of free space. */
function fill(dir: string, leaveKiB: number): void {
  const filler = join(dir, 'filler');
  rmSync(filler, { force: true });
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch {
    // ENOSPC: full
  }
  // The last chunk may have gone in part: top up by pages.
  try {
    for (;;) writeSync(fd, chunk, 0, 4096);
  } catch {
    // full to the page
  } finally {
    closeSync(fd);
  }
  truncateSync(filler, Math.max(0, statSync(filler).size - leaveKiB * 1024));
}

describe('a full disk (item 11)', () => {
  const tmp = useTempDir();
  let mounted: string | null = null;
  afterEach(() => {
    if (mounted) spawnSync('umount', [mounted]);
    mounted = null;
  });
  const canMount = asRoot;

  it.skipIf(!canMount)('at every step of an edit, names the file, says nothing changed, and leaves nothing behind', async () => {
    const disk = join(tmp(), 'disk');
    expect(smallDisk(disk, 3072)).toBe(true);
    mounted = disk;
    const path = await workbookIn(disk);
    const before = sha256(path);
    const big = join(tmp(), 'big.csv');
    writeFileSync(big, ['account,revenue,service', ...Array.from({ length: 20_000 }, (_, i) => `Account ${i},${1000 + i},10`)].join('\n'));
    const steps: [string, number, string[], string][] = [
      ['no room for the lock', 0, ['assume', path, 'dailyRate=1200'], 'taking the lock to edit it failed'],
      ['no room for the daily copy', 40, ['assume', path, 'dailyRate=1200'], 'opening it for editing failed'],
      ['no room for the import', 400, ['import', path, big, '--period', 'Big'], 'saving the change failed'],
    ];
    for (const [what, leave, args, doing] of steps) {
      fill(disk, leave);
      const r = await cpw(args);
      expect(r.code, what).toBe(1);
      expect(r.stderr, what).toContain(`the disk holding ${path} is full: ${doing} and nothing was changed; free some space and try again`);
      expect(sha256(path), what).toBe(before);
      // The import's step took the day's copy before it ran out of room; the steps before it leave no folder.
      expect(leftovers(disk, ['w.cpw', 'filler', ...(args[0] === 'import' ? ['.w.cpw.backups'] : [])]), what).toEqual([]);
      expect((await cpw(['check', path])).code, what).toBe(0);
    }
    rmSync(join(disk, 'filler'));
    const done = await cpw(['import', path, big, '--period', 'Big']);
    expect(done.code, done.stderr).toBe(0);
  }, 120_000);
});

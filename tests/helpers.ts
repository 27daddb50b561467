import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openWorkbook } from '../electron/backend/db/connection';
import { FileStore } from '../electron/backend/db/file-store';
import type { Sql } from '../electron/backend/db/sql';

export const ROOT = resolve(import.meta.dirname, '..');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
const BIN = join(ROOT, 'electron', 'cli', 'bin.cjs');

/** One transaction on a workbook file through the store, as the backend makes them; the file closed after. */
export async function onWorkbook<T>(path: string, fn: (tx: Sql) => Promise<T>, mode: 'read' | 'write' = 'read'): Promise<T> {
  const store = new FileStore(openWorkbook(path, { readOnly: mode === 'read' }));
  try {
    return await (mode === 'read' ? store.read(fn) : store.write(fn));
  } finally {
    await store.close();
  }
}

/** A fresh folder for each test of the describe block, removed after it: call the returned function inside a test. */
export function useTempDir(): () => string {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpw-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Spawn options that run a child as a user without privileges: root writes
 * to read-only files and folders as if they were not, so tests of read-only
 * places run their `cpw` as nobody when the suite runs as root (as CI does).
 */
export function unprivileged(): { uid?: number; gid?: number } {
  return process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
}

/** Run the real `cpw` binary, as a user's shell would; `as` runs it with other spawn options (another user). */
export function cpw(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = process.env, as: { uid?: number; gid?: number } = {}): Promise<CliRun> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env, maxBuffer: 256 * 1024 * 1024, ...as }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

export async function cpwJson<T = unknown>(args: string[]): Promise<T> {
  const r = await cpw(args);
  if (r.code !== 0) throw new Error(`cpw ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** A CSV file from a header and rows, written as a spreadsheet would save it. */
export function csv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/** Damage a workbook as a failing disk would: the middle of every page after the first two overwritten, the header kept. */
export function damageWorkbook(path: string): void {
  const fd = openSync(path, 'r+');
  const pages = Math.floor(statSync(path).size / 4096);
  for (let p = 2; p < pages; p++) writeSync(fd, Buffer.alloc(300, 0x5a), 0, 300, p * 4096 + 16);
  closeSync(fd);
}

/**
 * The real backend's writer in another process, stopped in the middle of a
 * save (tests/fixtures/hold-write.ts): kill it for an interrupted save, or
 * keep it for a save in progress.
 */
export async function holdWrite(path: string, mode: 'spill' | 'reserved'): Promise<{ child: ChildProcess; kill(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './tests/sql-hooks.mjs', join('tests', 'fixtures', 'hold-write.ts'), path, mode], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ready, fail) => {
    child.stdout!.once('data', () => ready());
    child.once('exit', (code) => fail(new Error(`the writer exited early (${code})`)));
  });
  return {
    child,
    kill: () =>
      new Promise<void>((gone) => {
        child.once('exit', () => gone());
        child.kill('SIGKILL');
      }),
  };
}

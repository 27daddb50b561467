import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '..');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
const BIN = join(ROOT, 'electron', 'cli', 'bin.cjs');

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

/** Run the real `cpw` binary, as a user's shell would. */
export function cpw(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
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

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from '../helpers';

export const SCREENSHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');

/** Debian's Chromium, never a downloaded one, with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface Served {
  url: string;
  process: ChildProcess;
  /** Stop the server as Ctrl+C would, and wait for it to release the workbook. */
  stop(): Promise<number | null>;
}

/** `cpw serve FILE`, the real binary, as `npm run serve -- FILE` runs it. */
export async function serve(file: string): Promise<Served> {
  const child = spawn(process.execPath, [join(ROOT, 'electron', 'cli', 'bin.cjs'), 'serve', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((ready, fail) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => /^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+$/.test(l.trim()));
      if (line) ready(line.trim());
    });
    child.once('exit', (code) => fail(new Error(`cpw serve exited ${code}: ${err}`)));
  });
  return {
    url,
    process: child,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done(child.exitCode);
        child.once('exit', (code) => done(code));
        child.kill('SIGTERM');
      }),
  };
}

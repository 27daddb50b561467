import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { cpw, ROOT } from '../helpers';

export const SCREENSHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');

/** Whether the installed Chromium is there (the bench skips the window's figures without it). */
export function hasChromium(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' });
    return true;
  } catch {
    return false;
  }
}

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

/** `cpw serve FILE --profile DIR`, the real binary, as `npm start` runs it in browser mode. */
export function serve(file: string, profile?: string): Promise<Served> {
  return spawnServe(['serve', file, ...(profile ? ['--profile', profile] : [])], /^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+$/);
}

/** The real `cpw serve ...` until it prints the address to open (a line matching `address`). */
export async function spawnServe(cpwArgs: string[], address: RegExp): Promise<Served> {
  const args = [join(ROOT, 'electron', 'cli', 'bin.cjs'), ...cpwArgs];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((ready, fail) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => address.test(l.trim()));
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

export interface Session {
  dir: string;
  book: string;
  /** The person's folder the window keeps its settings in. */
  profile: string;
  server: Served;
  browser: Browser;
  page: Page;
  /** Close the browser, stop the server (releasing the workbook) and remove the folder. */
  close(): Promise<void>;
}

/**
 * A workbook in a fresh folder (the sample, or empty), served by the real
 * `cpw serve`, and a page of Debian's Chromium: what each e2e file starts from.
 */
export async function openSession(options: {
  sample: boolean;
  viewport?: { width: number; height: number };
  prepare?: (dir: string) => void;
  /** A first run (an empty profile, so the welcome screen and the tour), or a person who has seen them (the default). */
  firstRun?: boolean;
  /** The person's settings beyond that (theme, number format). */
  settings?: Record<string, unknown>;
}): Promise<Session> {
  const dir = mkdtempSync(join(tmpdir(), 'cpw-e2e-'));
  const book = join(dir, options.sample ? 'demo.cpw' : 'w.cpw');
  const made = await cpw(options.sample ? ['new', book, '--sample'] : ['new', book]);
  if (made.code !== 0) throw new Error(`cpw new failed: ${made.stderr}`);
  options.prepare?.(dir);
  const profile = join(dir, 'profile');
  mkdirSync(profile);
  if (!options.firstRun) writeFileSync(join(profile, 'settings.json'), JSON.stringify({ welcomed: true, tourDone: true, ...options.settings }));
  const server = await serve(book, profile);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1440, height: 900 }, acceptDownloads: true });
  return {
    dir,
    book,
    profile,
    server,
    browser,
    page,
    close: async () => {
      await browser.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

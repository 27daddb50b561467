import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cpw, useTempDir } from '../../helpers';

const LAUNCH = join(ROOT, 'scripts', 'launch.mjs');
const PRODUCT = 'Customer Profitability Workbench';
const RENDERER_BUILT = existsSync(join(ROOT, 'dist', 'renderer', 'index.html'));

interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
}

const running: Run[] = [];

/** `npm start` as a user would run it, with a home and config folder of the test's own and no display. */
function launch(tmp: string, env: Record<string, string> = {}, args: string[] = [], script = LAUNCH): Run {
  const base = { ...process.env };
  for (const name of ['DISPLAY', 'WAYLAND_DISPLAY', 'ELECTRON_OVERRIDE_DIST_PATH', 'ELECTRON_RUN_AS_NODE']) delete base[name];
  const child = spawn(process.execPath, [script, ...args], {
    cwd: ROOT,
    env: { ...base, HOME: tmp, XDG_CONFIG_HOME: join(tmp, 'config'), ELECTRON_OVERRIDE_DIST_PATH: join(tmp, 'no-electron'), ...env },
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const run = { child, out: () => out, err: () => err, exit };
  running.push(run);
  return run;
}

/** Wait until `cpw serve` prints its address, or the launcher ends (when the renderer is not built, serve refuses). */
async function servedOrEnded(run: Run): Promise<'served' | 'ended'> {
  return Promise.race([
    run.exit.then(() => 'ended' as const),
    new Promise<'served'>((done) => {
      const look = () => (/^http:\/\/127\.0\.0\.1:\d+\/\?token=\w+$/m.test(run.out()) ? done('served') : setTimeout(look, 50));
      look();
    }),
  ]);
}

afterEach(async () => {
  for (const run of running.splice(0)) {
    if (run.child.exitCode === null && run.child.signalCode === null) {
      run.child.kill('SIGTERM');
      await run.exit;
    }
  }
});

describe('npm start without an Electron binary', () => {
  const tmp = useTempDir();

  it('says so on one line, creates the sample in the user data folder and serves it in browser mode', async () => {
    const run = launch(tmp());
    const state = await servedOrEnded(run);
    const data = join(tmp(), 'config', PRODUCT);
    expect(run.err().split('\n')[0]).toBe(
      'Electron is not installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD): opening browser mode instead',
    );
    expect(existsSync(join(data, 'Sample.cpw'))).toBe(true);
    expect(JSON.parse(readFileSync(join(data, 'recent.json'), 'utf8')).last).toBe(join(data, 'Sample.cpw'));
    expect((await cpw(['check', join(data, 'Sample.cpw')])).code).toBe(0);
    if (RENDERER_BUILT) {
      expect(state).toBe('served');
      // Only the address goes to stdout: `cpw new`'s report was sent to stderr.
      expect(run.out().trim().split('\n')).toHaveLength(1);
      // SIGTERM to the launcher reaches `cpw serve`, which stops; the launcher ends with its status.
      run.child.kill('SIGTERM');
      expect(await run.exit).toBe(0);
    } else {
      expect(state).toBe('ended');
      expect(await run.exit).toBe(1);
      expect(run.err()).toMatch(/not built/);
    }
  });

  it('says why when npm left the electron package out (its download failed during npm ci) and serves all the same', async () => {
    // The launcher in a project folder of its own without node_modules/electron, as npm leaves it when electron's
    // download fails: electron is an optional dependency, so npm removes it instead of failing the install.
    const app = join(tmp(), 'app');
    mkdirSync(join(app, 'scripts'), { recursive: true });
    copyFileSync(LAUNCH, join(app, 'scripts', 'launch.mjs'));
    symlinkSync(join(ROOT, 'electron'), join(app, 'electron'), 'junction');
    symlinkSync(join(ROOT, 'dist'), join(app, 'dist'), 'junction');
    const run = launch(tmp(), {}, [], join(app, 'scripts', 'launch.mjs'));
    const state = await servedOrEnded(run);
    expect(run.err().split('\n')[0]).toBe(
      'Electron is not installed here (npm could not download it, so it left it out): opening browser mode instead',
    );
    expect(existsSync(join(tmp(), 'config', PRODUCT, 'Sample.cpw'))).toBe(true);
    if (RENDERER_BUILT) expect(state).toBe('served');
  });

  it('next time serves the last workbook instead of creating the sample', async () => {
    const data = join(tmp(), 'config', PRODUCT);
    const own = join(tmp(), 'Own.cpw');
    expect((await cpw(['new', own])).code).toBe(0);
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'recent.json'), JSON.stringify({ recent: [own], last: own }));
    const run = launch(tmp());
    await servedOrEnded(run);
    expect(existsSync(join(data, 'Sample.cpw'))).toBe(false);
    if (RENDERER_BUILT) expect(run.err()).toContain(`Serving ${own}`);
  });
});

describe.skipIf(process.platform === 'win32')('npm start with an Electron binary', () => {
  const tmp = useTempDir();
  let fakeDist = '';

  beforeAll(async () => {
    // The main bundle the launcher starts, built as the package's build script does.
    await build({
      entryPoints: [join(ROOT, 'electron', 'main', 'index.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron', 'better-sqlite3'],
      loader: { '.sql': 'text' },
      outfile: join(ROOT, 'dist', 'electron', 'main.cjs'),
      logLevel: 'error',
    });
  });

  /** A stand-in executable where the electron package looks for its binary: it reports what it was given. */
  function fakeElectron(): Record<string, string> {
    fakeDist = join(tmp(), 'electron-dist');
    mkdirSync(fakeDist);
    const bin = join(fakeDist, 'electron');
    writeFileSync(bin, '#!/bin/sh\necho "started with: $*"\necho "run as node: [$ELECTRON_RUN_AS_NODE]"\nexit 3\n');
    chmodSync(bin, 0o755);
    return { ELECTRON_OVERRIDE_DIST_PATH: fakeDist, CPW_SKIP_NATIVE_BUILD: '1' };
  }

  it('with a display, runs Electron on dist/electron/main.cjs with the arguments and exits with its status', async () => {
    const run = launch(tmp(), { ...fakeElectron(), DISPLAY: ':0', ELECTRON_RUN_AS_NODE: '1' }, ['Q3.cpw']);
    expect(await run.exit).toBe(3);
    expect(run.out()).toContain(`started with: ${join(ROOT, 'dist', 'electron', 'main.cjs')} Q3.cpw`);
    expect(run.out()).toContain('run as node: []');
    expect(run.err()).toBe('');
  });

  it('on Linux without a display, says so and opens browser mode instead', async () => {
    const run = launch(tmp(), fakeElectron());
    await servedOrEnded(run);
    expect(run.out()).not.toContain('started with');
    if (process.platform === 'linux') {
      expect(run.err().split('\n')[0]).toBe(
        'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set): opening browser mode instead',
      );
    }
  });
});

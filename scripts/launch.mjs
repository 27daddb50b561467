#!/usr/bin/env node
// `npm start`, after the build: the desktop app where Electron can run, browser mode (`cpw serve`) where it cannot,
// e.g. a machine installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, one whose network let npm reach its registry but not
// Electron's download (electron is an optional dependency, so npm left it out), or a Linux box without a display.
// Usage: node scripts/launch.mjs [FILE.cpw]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { constants, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PRODUCT = 'Customer Profitability Workbench';
const MAIN = join(ROOT, 'dist', 'electron', 'main.cjs');
const CPW = join(ROOT, 'electron', 'cli', 'bin.cjs');
const args = process.argv.slice(2);

/**
 * The Electron binary's path, or why there is none: the electron package exports the path, throws when the binary was
 * never downloaded, and is absent when its download failed during `npm ci` (npm drops an optional dependency whose
 * install script fails).
 */
async function electronBinary() {
  try {
    const { default: path } = await import('electron');
    if (typeof path === 'string' && existsSync(path)) return { path };
  } catch (e) {
    if (e?.code === 'ERR_MODULE_NOT_FOUND') {
      return { why: 'Electron is not installed here (npm could not download it, so it left it out)' };
    }
  }
  return { why: 'Electron is not installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD)' };
}

/** Electron's own userData folder for this product (app.getPath('userData')): the two modes share recent.json. */
function userDataDir() {
  const home = homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT);
  if (process.platform === 'win32') return join(process.env.APPDATA || join(home, 'AppData', 'Roaming'), PRODUCT);
  return join(process.env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT);
}

function readState(dir) {
  try {
    const s = JSON.parse(readFileSync(join(dir, 'recent.json'), 'utf8'));
    return { recent: Array.isArray(s.recent) ? s.recent.filter((p) => typeof p === 'string') : [], last: typeof s.last === 'string' ? s.last : null };
  } catch {
    return { recent: [], last: null };
  }
}

/** Same format and rules as electron/backend/recent.ts: most recent first, no repeats, ten at most. */
function remember(dir, path) {
  const state = readState(dir);
  const next = { recent: [path, ...state.recent.filter((p) => p !== path)].slice(0, 10), last: path };
  const file = join(dir, 'recent.json');
  writeFileSync(`${file}.${process.pid}.tmp`, `${JSON.stringify(next, null, 2)}\n`);
  renameSync(`${file}.${process.pid}.tmp`, file);
}

/** A named file, else the last workbook, else the sample, created on first run. */
function workbookToServe() {
  const named = args.find((a) => a.toLowerCase().endsWith('.cpw'));
  if (named) return resolve(named);
  const dir = userDataDir();
  const { last } = readState(dir);
  if (last && existsSync(last)) return last;
  const sample = join(dir, 'Sample.cpw');
  if (!existsSync(sample)) {
    mkdirSync(dir, { recursive: true });
    // `cpw new` reports on stdout; it goes to stderr here so that stdout carries only the address `cpw serve` prints.
    const made = spawnSync(process.execPath, [CPW, 'new', sample, '--sample'], { stdio: ['ignore', 2, 2] });
    if (made.status !== 0) process.exit(made.status ?? 1);
  }
  remember(dir, sample);
  return sample;
}

/** Run the child in the foreground: signals sent to this process reach it, and its exit status is ours. */
function run(command, childArgs, env = process.env) {
  const child = spawn(command, childArgs, { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (e) => {
    console.error(`cannot start ${command}: ${e.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
}

const electron = await electronBinary();
const display = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (electron.path && display) {
  if (!existsSync(MAIN)) {
    console.error(`${MAIN} is not built: run the build first`);
    process.exit(2);
  }
  // The app needs better-sqlite3 built for Electron's ABI, once; the Node build in node_modules stays as it is.
  // CPW_SKIP_NATIVE_BUILD=1 leaves it out where the addon comes otherwise (and in the launcher's own tests).
  if (!existsSync(join(ROOT, 'dist', 'native', 'better_sqlite3.node')) && process.env.CPW_SKIP_NATIVE_BUILD !== '1') {
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-native.mjs')], { stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  // Set in a parent shell, this would make the Electron binary behave as plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(electron.path, [MAIN, ...args], env);
} else {
  const why = electron.path ? 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' : electron.why;
  console.error(`${why}: opening browser mode instead`);
  run(process.execPath, [CPW, 'serve', workbookToServe(), '--profile', userDataDir()]);
}

/**
 * Issue 24, item 8: the README's `npm ci && npm start` on a network that reaches npm's registry only, and the Node.js
 * versions it names. Electron's install script downloads its binary from outside the registry; it must not be able to
 * fail the install. And every installed package must accept the Node.js versions package.json and the README promise.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

// npm's own reading of version ranges (semver is what npm checks `engines` with).
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
};

interface Manifest {
  name?: string;
  version?: string;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
interface LockEntry extends Manifest {
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  hasInstallScript?: boolean;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/**
 * What only the desktop app's build of better-sqlite3 for Electron needs (`npm run build:native`, run by the first
 * `npm start` that has Electron, and by `npm run dist`): @electron/rebuild and what it nests. The README says the
 * desktop app wants Node 22.13 or newer because of these.
 */
const DESKTOP_ONLY = 'node_modules/@electron/rebuild';
const isDesktopOnly = (path: string) => path === DESKTOP_ONLY || path.startsWith(`${DESKTOP_ONLY}/`);

/** Every installed package with the Node versions it accepts, by its path under the project. */
function installedEngines(dir = join(ROOT, 'node_modules')): { path: string; range: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith('.')) return [];
    const path = join(dir, name);
    if (name.startsWith('@')) return installedEngines(path);
    const file = join(path, 'package.json');
    const own: { path: string; range: string }[] = [];
    if (existsSync(file)) {
      const range = (JSON.parse(readFileSync(file, 'utf8')) as Manifest).engines?.node;
      if (typeof range === 'string') own.push({ path: relative(ROOT, path).split('\\').join('/'), range });
    }
    return [...own, ...installedEngines(join(path, 'node_modules'))];
  });
}

/** The lowest version of each alternative of a range: '^20.19.0 || ^22.13.0 || >=24' gives 20.19.0, 22.13.0, 24.0.0. */
const minimums = (range: string) => range.split('||').map((part) => semver.minVersion(part)!.version);

/** Versions around every boundary that matters here. */
const PROBES = ['18.20.0', '20.0.0', '20.18.0', '20.19.0', '21.7.0', '22.0.0', '22.12.0', '22.13.0', '23.11.0', '24.0.0', '25.0.0', '26.0.0'];

describe('npm ci where only the npm registry is reachable', () => {
  it('declares electron as an optional dependency only: npm drops it, and installs, when its download fails', () => {
    // npm treats a failing install script of an optional dependency as a skipped package; of any other dependency
    // (devDependencies included, which also win over optionalDependencies when both name it) as a failed install.
    expect(pkg.optionalDependencies?.electron).toMatch(/^\^?\d+\.\d+\.\d+$/);
    expect(pkg.dependencies?.electron).toBeUndefined();
    expect(pkg.devDependencies?.electron).toBeUndefined();
    expect(lock.packages['']!.optionalDependencies?.electron).toBe(pkg.optionalDependencies?.electron);
    expect(lock.packages['']!.devDependencies?.electron).toBeUndefined();
    const electron = lock.packages['node_modules/electron']!;
    expect(electron).toMatchObject({ optional: true, hasInstallScript: true });
    expect(electron.dev).toBeUndefined();
  });

  it('nothing else needs electron: another package requiring it would make its download fatal again', () => {
    const needing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .filter(([, entry]) => entry.dependencies?.electron || (entry.peerDependencies?.electron && !entry.peerDependenciesMeta?.electron?.optional))
      .map(([path]) => path);
    expect(needing).toEqual([]);
  });

  it('the other install scripts need nothing from outside the registry', () => {
    // They run on every `npm ci`. better-sqlite3's tries a prebuilt binary, then builds from source with the toolchain
    // the README names; esbuild's takes its binary from an optional package of the registry; electron-winstaller's
    // picks one of the 7-Zip binaries it ships; es5-ext's prints a message and cannot fail. A package added here must
    // be tried on a registry-only network first.
    const scripted = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.hasInstallScript)
      .map(([path]) => path.replace(/^node_modules\//, ''))
      .sort();
    expect(scripted).toEqual(['better-sqlite3', 'electron', 'electron-winstaller', 'es5-ext', 'esbuild']);
  });
});

describe('the Node.js versions package.json and the README promise', () => {
  const range = pkg.engines?.node ?? '';
  const installed = installedEngines();

  it('package.json accepts Node 20.19+, 22.13+ and 24+, and the README names the same', () => {
    expect(minimums(range)).toEqual(['20.19.0', '22.13.0', '24.0.0']);
    const needs = readme.slice(readme.indexOf('### What the machine needs'));
    const nodeLine = needs.split('\n').find((l) => l.includes('**Node.js'))!;
    // As people write them: 24, 22.13, 20.19.
    const spoken = minimums(range).map((v) => v.replace(/\.0$/, '').replace(/^(\d+)\.0$/, '$1'));
    for (const v of spoken) expect(nodeLine).toMatch(new RegExp(`\\b${v.replace('.', '\\.')}\\b`));
  });

  it('every installed package accepts every version package.json accepts (but the desktop-only build tools)', () => {
    expect(installed.length).toBeGreaterThan(100);
    const refused = PROBES.filter((v) => semver.satisfies(v, range)).flatMap((v) =>
      installed.filter((p) => !isDesktopOnly(p.path) && !semver.satisfies(v, p.range)).map((p) => `${p.path} (${p.range}) refuses ${v}`),
    );
    expect(refused).toEqual([]);
  });

  it('package.json accepts no version some installed package refuses, but Node 20 for the desktop-only build tools', () => {
    const refusedBySome = PROBES.filter((v) => installed.some((p) => !isDesktopOnly(p.path) && !semver.satisfies(v, p.range)));
    for (const v of refusedBySome) expect(semver.satisfies(v, range), v).toBe(false);
  });

  it('the desktop build tools accept Node 22.13+ and 24+, as the README says, and refuse Node 20', () => {
    const desktop = installed.filter((p) => isDesktopOnly(p.path));
    expect(desktop.map((p) => p.path)).toContain(DESKTOP_ONLY);
    for (const v of ['22.13.0', '24.0.0']) {
      expect(desktop.filter((p) => !semver.satisfies(v, p.range)).map((p) => p.path), v).toEqual([]);
    }
    // The day @electron/rebuild accepts Node 20 again, the README's desktop sentence and this test can go.
    expect(semver.satisfies('20.19.0', installed.find((p) => p.path === DESKTOP_ONLY)!.range)).toBe(false);
    expect(readme).toMatch(/desktop app[^.]*Node(\.js)? 22\.13/i);
  });
});

import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkBuilderConfig,
  distSteps,
  isPacked,
  isUnpacked,
  loadConfig,
  loadPackage,
  namedFiles,
  resourceProblem,
  SQLITE_ADDON,
  type BuilderConfig,
  type Check,
} from '../../../scripts/builder-config.mjs';
import { ROOT } from '../../helpers';

// electron-builder's own schema check, the one `electron-builder` runs before it builds anything.
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const yaml = require('js-yaml') as { load(text: string): Record<string, unknown> };

const config = () => yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'));

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema", async () => {
    await expect(validateConfiguration(config(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would be refused with a misspelt key, so the check above can fail', async () => {
    await expect(validateConfiguration({ ...config(), fileAssociation: [] }, new DebugLogger(false))).rejects.toThrow(/fileAssociation/);
  });

  it('opens .cpw files, keeps better-sqlite3 outside the asar, and sets the fuses DESIGN.md asks for', () => {
    const c = config() as {
      asar: boolean;
      asarUnpack: string[];
      fileAssociations: { ext: string }[];
      electronFuses: Record<string, boolean>;
    };
    expect(c.asar).toBe(true);
    expect(c.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(c.fileAssociations.map((f) => f.ext)).toEqual(['cpw']);
    expect(c.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, onlyLoadAppFromAsar: true });
  });
});

/** Width and height from the IHDR chunk, read here rather than with the checker's own reader. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const failures = (checks: Check[]) => checks.filter((c) => c.problems.length > 0).map((c) => `${c.name}: ${c.problems.join('; ')}`);
const build = (...parts: string[]) => join(ROOT, 'build', ...parts);

describe('electron-builder.yml, as `npm run dist:check` sees it', () => {
  const c = loadConfig();
  const pkg = loadPackage();

  it('passes every check of the checker', async () => {
    expect(failures(await checkBuilderConfig())).toEqual([]);
  });

  it('names only files that exist, or that `npm run dist` builds before packaging', () => {
    const named = namedFiles(c, pkg).map(([, name]) => name);
    // The ones that must be in the tree, so a packaging machine needs neither Chromium nor `npm run icons`.
    expect(named).toEqual(expect.arrayContaining(['build', 'icons', 'icon.png', 'file-icon.ico', 'file-icon.icns', 'dist/native']));
    for (const name of named) expect(resourceProblem(name, c, pkg), name).toBeNull();
    expect(statSync(join(ROOT, 'build')).isDirectory()).toBe(true);
    for (const file of ['icon.svg', 'icon.png', 'file-icon.png', 'file-icon.ico', 'file-icon.icns']) expect(existsSync(build(file)), file).toBe(true);
  });

  it('has real PNG icons of their stated sizes: 1024 for the converters, the Linux NxN set, a 256 document icon', () => {
    expect(pngSize(build('icon.png'))).toEqual({ width: 1024, height: 1024 });
    for (const n of [16, 32, 48, 64, 128, 256, 512]) expect(pngSize(build('icons', `${n}x${n}.png`))).toEqual({ width: n, height: n });
    expect(pngSize(build('file-icon.png'))).toEqual({ width: 256, height: 256 });
  });

  it("the document icon's .ico and .icns are well formed, PNG inside, up to 256 and 1024", () => {
    const ico = readFileSync(build('file-icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const entry = 6 + 16 * i;
      const [offset, length] = [ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 8)];
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      expect(ico.readUInt32BE(offset)).toBe(0x89504e47);
      return ico[entry] || 256;
    });
    expect(sizes).toContain(256);
    const icns = readFileSync(build('file-icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.toString('latin1', at, at + 4));
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']));
  });

  it("unpacks better-sqlite3's addon from the asar, and nothing outside better-sqlite3", () => {
    expect(SQLITE_ADDON).toBe('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(isUnpacked(c, SQLITE_ADDON)).toBe(true);
    for (const path of ['node_modules/bindings/bindings.js', 'node_modules/better-sqlite3-helper/x.node', 'dist/electron/main.cjs', 'package.json']) {
      expect(isUnpacked(c, path), path).toBe(false);
    }
  });

  it('leaves the electron package out of the app: an optional dependency, which electron-builder would otherwise pack', () => {
    expect(pkg.optionalDependencies).toHaveProperty('electron');
    for (const path of ['node_modules/electron/dist/electron', 'node_modules/electron/dist/resources/default_app.asar', 'node_modules/electron/package.json']) {
      expect(isPacked(c, path), path).toBe(false);
    }
    for (const path of ['node_modules/better-sqlite3/lib/index.js', 'node_modules/electron-to-chromium/index.js', 'dist/electron/main.cjs']) {
      expect(isPacked(c, path), path).toBe(true);
    }
  });

  it('ships the Electron build of better-sqlite3 to <resources>/native, where native.ts looks, and leaves node_modules alone', () => {
    expect(c.extraResources).toContainEqual({ from: 'dist/native', to: 'native' });
    expect(c.npmRebuild).toBe(false);
  });

  it('associates .cpw once, as an Editor, with an icon that exists for Windows and macOS', () => {
    expect(c.fileAssociations).toHaveLength(1);
    const cpw = c.fileAssociations![0]!;
    expect(cpw).toMatchObject({ ext: 'cpw', role: 'Editor', mimeType: 'application/x-cpw-workbook', icon: 'file-icon' });
    expect(existsSync(build(`${cpw.icon}.ico`))).toBe(true);
    expect(existsSync(build(`${cpw.icon}.icns`))).toBe(true);
    for (const platform of ['linux', 'win', 'mac'] as const) expect(c[platform]?.fileAssociations, platform).toBeUndefined();
  });

  it('sets every fuse of the security checklist', () => {
    expect(c.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('gives the deb its maintainer and the installer its choices', () => {
    expect(c.linux).toMatchObject({ executableName: 'customer-profitability-workbench', maintainer: expect.stringMatching(/<.+@.+>/) });
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(c.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true, perMachine: false });
    expect(c.publish).toBeNull();
  });

  it('`npm run dist` builds the renderer and main, then the native module, then packages without publishing', () => {
    expect(distSteps(pkg)).toEqual(['npm run build', 'npm run build:native', 'electron-builder --publish never']);
    expect(pkg.scripts!.build).toMatch(/npm run build:renderer/);
    expect(pkg.scripts!.build).toMatch(/npm run build:electron/);
  });

  describe('a broken config is reported, so the checks above can fail', () => {
    const failing = async (config: BuilderConfig, scripts?: Record<string, string>) =>
      failures(await checkBuilderConfig({ config, pkg: scripts ? { ...pkg, scripts: { ...pkg.scripts, ...scripts } } : pkg }));

    it('an icon that does not exist', async () => {
      expect(await failing({ ...c, linux: { ...c.linux, icon: 'no-such-icons' } })).toEqual([expect.stringMatching(/linux\.icon: no-such-icons is missing/)]);
      expect(await failing({ ...c, fileAssociations: [{ ...c.fileAssociations![0]!, icon: 'no-such-file-icon' }] })).toEqual([
        expect.stringMatching(/no-such-file-icon\.ico is missing.*no-such-file-icon\.icns is missing/),
      ]);
    });

    it('asarUnpack without better-sqlite3', async () => {
      expect(await failing({ ...c, asarUnpack: ['node_modules/some-other-addon/**'] })).toEqual([expect.stringMatching(/no asarUnpack pattern matches/)]);
    });

    it('electron-builder rebuilding node_modules in place, or dist not building the native module', async () => {
      expect(await failing({ ...c, npmRebuild: true })).toEqual([expect.stringMatching(/npmRebuild is not false/)]);
      expect(await failing(c, { dist: 'npm run build && electron-builder --publish never' })).toEqual(
        expect.arrayContaining([expect.stringMatching(/does not run (`npm run )?build:native/)]),
      );
    });

    it('files that would pack the electron package into the app', async () => {
      const files = c.files!.filter((p) => typeof p !== 'string' || !p.includes('node_modules/electron'));
      expect(await failing({ ...c, files })).toEqual([expect.stringMatching(/no files pattern leaves out node_modules\/electron/)]);
    });

    it('a fuse turned back on, .cpw associated twice, an unknown key', async () => {
      const broken = {
        ...c,
        electronFuses: { ...c.electronFuses, runAsNode: true },
        mac: { ...c.mac, fileAssociations: c.fileAssociations },
        fileAssociation: [],
      };
      expect(await failing(broken)).toEqual([
        expect.stringMatching(/schema.*fileAssociation/),
        expect.stringMatching(/\.cpw is associated 2 times/),
        expect.stringMatching(/runAsNode is true/),
      ]);
    });
  });

  it('`node scripts/check-builder-config.mjs` prints one ok line per check and exits 0', async () => {
    const run = await new Promise<{ code: number | null; stdout: string }>((done) =>
      execFile(process.execPath, [join(ROOT, 'scripts', 'check-builder-config.mjs')], { cwd: ROOT }, (error, stdout) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout }),
      ),
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^electron-builder\.yml: all (\d+) checks ok$/);
    expect(lines.slice(0, -1).length).toBeGreaterThanOrEqual(9);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^ok {6}\S/);
    expect(run.stdout).toMatch(/ok {6}better-sqlite3 is unpacked from the asar/);
  }, 30_000);
});

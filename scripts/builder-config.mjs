// The checks behind `npm run dist:check` (check-builder-config.mjs) and tests/unit/electron/builder-config.test.ts.
// Installers cannot be built where the Electron binary cannot be downloaded, so this is how electron-builder.yml is
// kept honest here: electron-builder's own schema and file matching, plus what DESIGN.md, "Packaging" asks of it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Resolved from electron-builder itself, so these are the exact copies `electron-builder` runs with.
const builderRequire = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const libRequire = createRequire(builderRequire.resolve('app-builder-lib/package.json'));
const { validateConfiguration } = builderRequire('app-builder-lib/out/util/config/config');
const { FileMatcher } = builderRequire('app-builder-lib/out/fileMatcher');
const { DebugLogger } = builderRequire('builder-util');
const yaml = libRequire('js-yaml');

/** Where better-sqlite3's addon sits in node_modules: the file asarUnpack must keep outside the asar. */
export const SQLITE_ADDON = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';

/** The fuses DESIGN.md's security checklist asks for (and the ones the delivery issue adds). */
export const EXPECTED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
};

/**
 * What `npm run dist` builds before electron-builder runs, by the npm script that writes it. The first matching
 * prefix wins, so dist/native is credited to build:native, everything else under dist/ to build.
 */
const BUILT_BY = [
  ['dist/native', 'build:native'],
  ['dist', 'build'],
];

export function loadConfig(root = ROOT) {
  return yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
}

export function loadPackage(root = ROOT) {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
}

const asArray = (v) => (v == null ? [] : Array.isArray(v) ? v : [v]);
const isDir = (path) => existsSync(path) && statSync(path).isDirectory();

/** The commands of `npm run dist`, in order. */
export function distSteps(pkg) {
  const script = pkg.scripts?.dist ?? '';
  return script.split('&&').map((s) => s.trim());
}

/** Whether `npm run dist` runs `npm run <name>` before electron-builder. */
function distBuildsFirst(pkg, name) {
  const steps = distSteps(pkg);
  const builder = steps.findIndex((s) => /^electron-builder\b/.test(s));
  const step = steps.indexOf(`npm run ${name}`);
  return builder >= 0 && step >= 0 && step < builder;
}

/** Resolve a config path the way electron-builder does (buildResources first, then the root); null when absent. */
function locate(name, config, root) {
  const buildResources = config.directories?.buildResources ?? 'build';
  return [join(root, buildResources, name), join(root, name)].find((p) => existsSync(p)) ?? null;
}

/**
 * Where electron-builder would find a resource the config names: under buildResources first, then the project root
 * (platformPackager.getResource and resolveIcon do the same). A file under dist/ does not exist before a build, so
 * it counts when `npm run dist` runs the script that writes it first. Returns null when found, or why not.
 */
export function resourceProblem(name, config, pkg, root = ROOT) {
  if (locate(name, config, root)) return null;
  const path = name.replace(/^\.\//, '');
  const built = BUILT_BY.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`));
  if (built) {
    return distBuildsFirst(pkg, built[1]) ? null : `${name} is made by \`npm run ${built[1]}\`, which \`npm run dist\` does not run before electron-builder`;
  }
  return `${name} is missing (looked in ${config.directories?.buildResources ?? 'build'}/ and the project root)`;
}

/**
 * Every file or folder the config names, with what names it. A file association's icon is named without its
 * extension: electron-builder adds .ico on Windows and .icns on macOS (builder-util's getPlatformIconFileName).
 */
export function namedFiles(config, pkg) {
  const named = [];
  const buildResources = config.directories?.buildResources;
  if (buildResources) named.push(['directories.buildResources', buildResources]);
  for (const section of ['', 'linux', 'win', 'mac']) {
    const icon = section ? config[section]?.icon : config.icon;
    if (icon) named.push([section ? `${section}.icon` : 'icon', icon]);
  }
  for (const [i, fa] of asArray(config.fileAssociations).entries()) {
    if (!fa.icon) continue;
    const icon = fa.icon;
    const win = icon.includes('.') ? icon.replace('.icns', '.ico') : `${icon}.ico`;
    const mac = icon.includes('.') ? icon.replace('.ico', '.icns') : `${icon}.icns`;
    for (const file of new Set([win, mac])) named.push([`fileAssociations[${i}].icon`, file]);
  }
  for (const [key, value] of Object.entries(config.nsis ?? {})) {
    if (/Icon$|Header$|Sidebar$|^license$|^include$|^script$/.test(key) && typeof value === 'string') named.push([`nsis.${key}`, value]);
  }
  for (const [i, r] of asArray(config.extraResources).entries()) named.push([`extraResources[${i}].from`, typeof r === 'string' ? r : r.from]);
  if (pkg.main) named.push(['package.json main', pkg.main]);
  return named;
}

/** Whether electron-builder's asarUnpack matching (its FileMatcher, minimatch with dot: true) unpacks this file. */
export function isUnpacked(config, relativePath, root = ROOT) {
  const patterns = asArray(config.asarUnpack);
  if (patterns.length === 0) return false;
  const filter = new FileMatcher(root, root, (s) => s, patterns).createFilter();
  return filter(join(root, relativePath), { isDirectory: () => false });
}

/**
 * Whether the app's files keep this node_modules file: electron-builder copies every production dependency (optional
 * ones included) and drops what a negated `files` pattern matches, with the same FileMatcher.
 */
export function isPacked(config, relativePath, root = ROOT) {
  const negated = asArray(config.files).filter((p) => typeof p === 'string' && p.startsWith('!'));
  const filter = new FileMatcher(root, root, (s) => s, ['**/*', ...negated]).createFilter();
  return filter(join(root, relativePath), { isDirectory: () => false });
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The icon sizes electron-builder insists on: 256 for Windows' .ico, 512 for macOS' .icns; Linux's NxN.png are N. */
function iconProblems(config, root) {
  const problems = [];
  const square = (path, min) => {
    const size = pngSize(readFileSync(path));
    if (!size) return `${path} is not a PNG`;
    if (size.width !== size.height) return `${path} is ${size.width}x${size.height}, not square`;
    if (size.width < min) return `${path} is ${size.width}px, electron-builder wants at least ${min}px`;
    return null;
  };
  for (const [section, min] of [['win', 256], ['mac', 512]]) {
    const icon = config[section]?.icon ?? config.icon;
    if (!icon) {
      problems.push(`${section} has no icon: electron-builder would ship Electron's`);
      continue;
    }
    const path = locate(icon, config, root);
    if (path && path.endsWith('.png')) problems.push(square(path, min));
  }
  const linux = config.linux?.icon ?? config.icon;
  const linuxPath = linux && locate(linux, config, root);
  if (!linux) problems.push("linux has no icon: electron-builder would ship Electron's");
  else if (linuxPath && isDir(linuxPath)) {
    const sets = readdirPngs(linuxPath);
    if (sets.length === 0) problems.push(`${linux} has no NxN.png icons`);
    for (const [file, n] of sets) {
      const size = pngSize(readFileSync(join(linuxPath, file)));
      if (!size || size.width !== n || size.height !== n) problems.push(`${linux}/${file} is ${size ? `${size.width}x${size.height}` : 'not a PNG'}`);
    }
  }
  return problems.filter(Boolean);
}

function readdirPngs(dir) {
  return readdirSync(dir)
    .map((f) => [f, /^(\d+)x(\d+)\.png$/.exec(f)])
    .filter(([, m]) => m && m[1] === m[2])
    .map(([f, m]) => [f, Number(m[1])]);
}

/**
 * Every check, in report order: { name, problems } where problems is empty when it passes. `config` and `pkg` may
 * be handed in (the tests hand in broken ones); they default to the project's own files.
 */
export async function checkBuilderConfig({ root = ROOT, config = loadConfig(root), pkg = loadPackage(root) } = {}) {
  const checks = [];
  const check = (name, problems) => checks.push({ name, problems: problems.filter(Boolean) });

  try {
    // validateConfiguration may fill in defaults: hand it a copy so the checks below see the file as written.
    await validateConfiguration(structuredClone(config), new DebugLogger(false));
    check("electron-builder's schema", []);
  } catch (e) {
    // Its message ends in generic how-to-fix advice; the report keeps what is wrong.
    check("electron-builder's schema", [String(e?.message ?? e).split('How to fix')[0].replace(/\s+/g, ' ').trim()]);
  }

  check(
    'files the config names exist or are built by npm run dist',
    namedFiles(config, pkg).map(([what, name]) => {
      const problem = resourceProblem(name, config, pkg, root);
      return problem && `${what}: ${problem}`;
    }),
  );

  check('icons are PNGs of the sizes electron-builder needs', iconProblems(config, root));

  check('better-sqlite3 is unpacked from the asar', [
    config.asar === false ? 'asar is off' : null,
    isUnpacked(config, SQLITE_ADDON, root) ? null : `no asarUnpack pattern matches ${SQLITE_ADDON}`,
  ]);

  // electron is an optional dependency (a failed download must not fail `npm ci`), so electron-builder would pack it.
  check('Electron itself is left out of the app', [
    isPacked(config, 'node_modules/electron/dist/electron') ? 'no files pattern leaves out node_modules/electron' : null,
    isPacked(config, 'node_modules/better-sqlite3/lib/index.js') ? null : 'the files patterns leave out better-sqlite3 too',
  ]);

  // native.ts loads <resources>/native/better_sqlite3.node; build:native writes dist/native/better_sqlite3.node.
  const native = asArray(config.extraResources).find((r) => typeof r === 'object' && r.from === 'dist/native');
  check('the Electron build of better-sqlite3 ships where native.ts loads it', [
    native && native.to === 'native' ? null : 'extraResources does not copy dist/native to native',
    distBuildsFirst(pkg, 'build:native') ? null : '`npm run dist` does not run build:native before electron-builder',
    config.npmRebuild === false ? null : 'npmRebuild is not false: electron-builder would rebuild node_modules for Electron in place, breaking cpw and the tests',
  ]);

  check('npm run dist builds the app, then the native module, then packages without publishing', [
    distBuildsFirst(pkg, 'build') ? null : '`npm run dist` does not run `npm run build` before electron-builder',
    distBuildsFirst(pkg, 'build:native') ? null : '`npm run dist` does not run `npm run build:native` before electron-builder',
    /--publish never\b/.test(pkg.scripts?.dist ?? '') ? null : '`npm run dist` does not pass --publish never',
    config.publish === null ? null : 'publish is not null',
  ]);

  const associations = [
    ...asArray(config.fileAssociations),
    ...['linux', 'win', 'mac'].flatMap((p) => asArray(config[p]?.fileAssociations)),
  ];
  const cpw = associations.filter((f) => asArray(f.ext).includes('cpw'));
  check('.cpw opens in the app', [
    cpw.length === 1 ? null : `.cpw is associated ${cpw.length} times (a platform's fileAssociations add to the shared ones)`,
    cpw[0]?.role === 'Editor' ? null : 'the .cpw role is not Editor',
    cpw[0]?.mimeType === 'application/x-cpw-workbook' ? null : 'the .cpw mimeType is not application/x-cpw-workbook',
    cpw[0]?.icon ? null : 'the .cpw association has no icon',
  ]);

  check(
    'electron fuses',
    Object.entries(EXPECTED_FUSES).map(([fuse, want]) =>
      config.electronFuses?.[fuse] === want ? null : `${fuse} is ${config.electronFuses?.[fuse]}, not ${want}`,
    ),
  );

  // The deb target refuses to build without a maintainer and a homepage (app-builder-lib's FpmTarget).
  check('the deb has its metadata', [
    config.linux?.maintainer || pkg.author?.email ? null : 'no linux.maintainer and no author email in package.json',
    pkg.homepage ? null : 'no homepage in package.json',
    config.linux?.executableName ? null : 'no linux.executableName',
  ]);

  return checks;
}

/** One line per check: "ok" or "FAILED: why". */
export function report(checks) {
  return checks.map((c) => (c.problems.length === 0 ? `ok      ${c.name}` : `FAILED  ${c.name}: ${c.problems.join('; ')}`)).join('\n');
}

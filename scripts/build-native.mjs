#!/usr/bin/env node
// `npm run build:native`: better-sqlite3 built for the Electron app's ABI, into dist/native/, so the build in
// node_modules stays the Node one that the tests and cpw load (DESIGN.md, "Packaging"). Needs Electron's headers,
// which @electron/rebuild downloads: run it on a machine that can fetch Electron. `npm start` runs it when needed.
import { cpSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
let electronVersion;
try {
  electronVersion = require('electron/package.json').version;
} catch {
  // electron is an optional dependency: npm leaves it out where its download fails.
  console.error('Electron is not installed (npm could not download it): run npm ci where it can be downloaded');
  process.exit(1);
}
// @electron/rebuild 4 asks for Node 22.12 or newer; it has built here on Node 20.20 all the same (README).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`note: @electron/rebuild wants Node 22.12 or newer, this is ${process.version}; if the build fails, use Node 22 or 24`);
}
const { rebuild } = require('@electron/rebuild');

const work = join(ROOT, 'dist', 'native-build');
const out = join(ROOT, 'dist', 'native');
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'node_modules'), { recursive: true });
cpSync(join(ROOT, 'node_modules', 'better-sqlite3'), join(work, 'node_modules', 'better-sqlite3'), { recursive: true });
cpSync(join(ROOT, 'package.json'), join(work, 'package.json'));
await rebuild({ buildPath: work, electronVersion, onlyModules: ['better-sqlite3'], force: true });
mkdirSync(out, { recursive: true });
copyFileSync(join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), join(out, 'better_sqlite3.node'));
console.error(`better-sqlite3 for Electron ${electronVersion}: ${join(out, 'better_sqlite3.node')}`);

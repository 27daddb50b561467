#!/usr/bin/env node
// `npm run icons`: the app and .cpw document icons, rasterised from build/icon.svg with the system's Chromium (the
// same one the e2e tests and `cpw report --pdf` use; a browser is never downloaded). The PNGs are committed, so a
// packaging machine needs neither Chromium nor this script. Run it again after editing build/icon.svg.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUILD = join(ROOT, 'build');
// electron-builder's Linux icon set: a folder of NxN.png, one per hicolor size.
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];

const dataUri = (svg) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

/**
 * The .cpw document: a page with a folded corner carrying the app's mark, so a workbook in a file manager is
 * plainly a document (not the app) and plainly this app's.
 */
function documentSvg(appSvg) {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024" width="1024" height="1024">
  <path d="M176 32 H656 L880 256 V992 H176 Z" fill="#FFFFFF" stroke="#5B6B7A" stroke-width="32" stroke-linejoin="round"/>
  <path d="M656 32 V256 H880" fill="#DCE3EA" stroke="#5B6B7A" stroke-width="32" stroke-linejoin="round"/>
  <image x="240" y="368" width="576" height="576" href="${dataUri(appSvg)}"/>
</svg>`;
}

/** ICO with PNG entries (Windows Vista and later read them): electron-builder converts the app icon, not this one. */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size; // 0 means 256
    e[1] = size >= 256 ? 0 : size;
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** ICNS with PNG entries (macOS 10.7 and later); the types are Apple's names for each pixel size. */
function icns(images) {
  const chunks = images.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}
const ICNS_TYPES = [
  ['ic11', 32], // 16@2x
  ['ic12', 64], // 32@2x
  ['ic07', 128],
  ['ic13', 256], // 128@2x
  ['ic08', 256],
  ['ic14', 512], // 256@2x
  ['ic09', 512],
  ['ic10', 1024], // 512@2x
];

function write(path, bytes) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  console.error(`${relative(ROOT, path)} (${bytes.length} bytes)`);
}

const appSvg = readFileSync(join(BUILD, 'icon.svg'), 'utf8');
const fileSvg = documentSvg(appSvg);
const executablePath = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  // The SVG drawn at the target size (not a 1024 image scaled down), so each size is rasterised from the vectors.
  const render = async (svg, size) => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent"><img id="i" width="${size}" height="${size}" src="${dataUri(svg)}"></body></html>`,
    );
    await page.locator('#i').evaluate((img) => img.decode());
    return page.screenshot({ type: 'png', omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  };

  write(join(BUILD, 'icon.png'), await render(appSvg, 1024));
  for (const size of LINUX_SIZES) write(join(BUILD, 'icons', `${size}x${size}.png`), await render(appSvg, size));

  const doc = new Map();
  for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) doc.set(size, await render(fileSvg, size));
  write(join(BUILD, 'file-icon.png'), doc.get(256));
  write(join(BUILD, 'file-icon.ico'), ico([16, 32, 48, 64, 256].map((size) => ({ size, png: doc.get(size) }))));
  write(join(BUILD, 'file-icon.icns'), icns(ICNS_TYPES.map(([type, size]) => ({ type, png: doc.get(size) }))));
} finally {
  await browser.close();
}

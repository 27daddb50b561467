import { extname, isAbsolute, resolve, sep } from 'node:path';

// The built window's files, served the same way by the desktop app's app://
// protocol and by the browser-mode host.

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` that a URL path names, or null when it would leave
 * `root`. Chromium already folds literal `..` segments, so what reaches here
 * is the encoded kind (`%2e%2e%2f`, `..%5c`), an absolute path in disguise
 * (`%2Fetc`, `C:%5C`) or a NUL; every one is refused rather than repaired.
 * Backslashes and colons never occur in the built renderer's file names, and
 * on Windows they are how a path escapes, so they are refused too.
 */
export function resolveAppPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded === '' || decoded === '/') decoded = '/index.html';
  if (!decoded.startsWith('/') || /[\0\\:]/.test(decoded)) return null;
  const relative = decoded.slice(1);
  if (relative === '' || isAbsolute(relative) || relative.split('/').some((s) => s === '..')) return null;
  const base = resolve(root);
  const full = resolve(base, relative);
  return full.startsWith(base + sep) ? full : null;
}

import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';
import { APP_SCHEME, isTrustedAppUrl } from './trusted-url';

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
 * Must run before `app` is ready. "standard" gives app:// real origins and
 * relative URLs, "secure" makes it a secure context like https, and
 * supportFetchAPI lets the renderer fetch its own assets. No bypassCSP.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
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

function respond(status: number, body: Uint8Array | string | null, contentType = 'text/plain; charset=utf-8'): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  });
}

/**
 * Serves the built renderer for app://workbench/ only: any other host, a
 * path outside `root`, a folder or a missing file is a 404. Every response,
 * the errors included, carries the Content-Security-Policy.
 */
export function appProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'method not allowed');
    if (!isTrustedAppUrl(request.url)) return respond(404, 'not found');
    const file = resolveAppPath(root, new URL(request.url).pathname);
    if (file === null) return respond(404, 'not found');
    try {
      if (!(await stat(file)).isFile()) return respond(404, 'not found');
      const body = await readFile(file);
      return respond(200, request.method === 'HEAD' ? null : new Uint8Array(body), contentTypeOf(file));
    } catch {
      return respond(404, 'not found');
    }
  };
}

/** Call after `app` is ready; `root` is the built renderer folder (dist/renderer). */
export function handleAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, appProtocolHandler(root));
}

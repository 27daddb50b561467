import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { contentTypeOf, resolveAppPath } from '../backend/api';
import { CONTENT_SECURITY_POLICY } from './security';
import { APP_SCHEME, isTrustedAppUrl } from './trusted-url';

export { contentTypeOf, resolveAppPath };

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

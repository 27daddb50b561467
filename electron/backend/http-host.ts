import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { Backend } from './dispatch';
import { contentTypeOf, resolveAppPath } from './static-files';

export { CONTENT_SECURITY_POLICY };

/** An RPC body above this is refused before it is read whole. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;


export interface HttpHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface HostOptions {
  /** The built renderer (index.html and its assets). */
  root: string;
  backend: Backend;
  port?: number;
  token?: string;
}

export function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

export function sameSecret(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function readBody(req: IncomingMessage): Promise<string | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}


/** The caller's token: `Authorization: Bearer TOKEN` (or the older `X-CPW-Token` header). */
export function bearerOf(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && /^Bearer /i.test(auth)) return auth.slice(7).trim();
  return req.headers['x-cpw-token'] as string | undefined;
}

/** An RPC call's body, `{ method, input }`, or null once the refusal has been sent. */
export async function readCall(req: IncomingMessage, res: ServerResponse): Promise<{ method: string; input: unknown } | null> {
  const body = await readBody(req);
  if (body === null) {
    send(res, 413, `request larger than ${MAX_BODY_BYTES} bytes`, undefined, { Connection: 'close' });
    return null;
  }
  try {
    const call = JSON.parse(body) as { method?: unknown; input?: unknown };
    return { method: String(call?.method ?? ''), input: call?.input };
  } catch {
    send(res, 400, 'the body must be JSON: { "method": ..., "input": ... }');
    return null;
  }
}

/** The built renderer's files, with the window's Content-Security-Policy. */
export async function serveApp(root: string, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', undefined, { Allow: 'GET, HEAD' });
    const file = resolveAppPath(root, url.pathname);
    if (file === null) return send(res, 404, 'not found');
    try {
      if (!(await stat(file)).isFile()) return send(res, 404, 'not found');
    } catch {
      return send(res, 404, 'not found');
    }
    const type = contentTypeOf(file);
    const data = await readFile(file);
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': data.length,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
}

/**
 * Browser mode (DESIGN.md): the built renderer and the RPC on 127.0.0.1
 * only, on a random port, behind a random per-run token. A request naming
 * another Host (DNS rebinding) or Origin is refused; the RPC needs the token.
 */
export function startHttpHost(options: HostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  let port = 0;
  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, `internal error: ${(e as Error).message}`);
      else res.destroy();
    });
  });
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hosts = allowedHosts();
    if (!hosts.has(req.headers.host ?? '')) return send(res, 403, 'forbidden: unknown Host');
    const origin = req.headers.origin;
    if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, ''))) return send(res, 403, 'forbidden: foreign Origin');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname === '/rpc') {
      if (req.method !== 'POST') return send(res, 405, 'use POST', undefined, { Allow: 'POST' });
      if (!sameSecret(bearerOf(req), token)) return send(res, 401, 'a valid token is required');
      const call = await readCall(req, res);
      if (!call) return;
      const result = await options.backend.call(call.method, call.input, 'window');
      return send(res, 200, JSON.stringify(result), 'application/json');
    }
    return serveApp(options.root, url, req, res);
  }
  return new Promise((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      ready({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

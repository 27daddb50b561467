import { readFileSync } from 'node:fs';
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { CpwError } from '../../../shared/ipc/errors';
import { Person } from '../actor';
import { createBackend, type Backend } from '../dispatch';
import { bearerOf, readCall, send, serveApp } from '../http-host';
import type { PgStore } from '../db/pg/pg-store';
import { connectPg } from '../db/pg/pg-store';
import { describePg, isPgLocation, parsePgLocation } from '../db/pg/location';
import { channelOf, ChangeEvent } from './changes';
import { ensureTeamRole, tokenHash } from './people';

export interface TeamServerOptions {
  location: string;
  root: string;
  host?: string;
  port?: number;
  tls?: { cert: string; key: string };
  /** Connections for reads beside the one for writes (3 unless said). */
  readers?: number;
}

export interface TeamServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
export const isLoopback = (host: string) => LOOPBACK.has(host);

/** One window's live stream: its person, and the response events are written to. */
interface Listener {
  person: Person;
  res: ServerResponse;
}

/**
 * The team server: the window and the RPC of one workbook in PostgreSQL,
 * to everyone with a sign-in token. Each call runs as its person, in a
 * transaction PostgreSQL holds to that person's role (row-level security,
 * the server's connection acting as a role that owns nothing); each write
 * is NOTIFYed by PostgreSQL on commit, and this server passes it on to
 * every open window as a server-sent event, with who else is in.
 */
export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  if (!isPgLocation(options.location)) throw new CpwError('INVALID_INPUT', 'a team server serves a workbook in PostgreSQL');
  const loc = parsePgLocation(options.location);
  const backend: Backend = createBackend();
  const opened = await backend.call('workbook.open', { path: options.location, readOnly: false });
  if (!opened.ok) throw new CpwError(opened.error.code, opened.error.message);
  const store = backend.session.store as PgStore;
  const role = await store.owner((client) => ensureTeamRole(client, loc));
  await store.actAs(role);
  // Reads (each window's portfolio, between everyone's edits) on connections of their own, so they do not queue behind writes.
  await store.addReaders(options.readers ?? 3);

  const listeners = new Set<Listener>();
  const presence = () => [...new Set([...listeners].map((l) => l.person.name))].sort();
  const broadcast = (event: string, data: unknown) => {
    const chunk = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const l of listeners) l.res.write(chunk);
  };

  // LISTEN on a connection of its own, reconnecting when it drops: a change is never missed silently (a window that reconnects reads everything again).
  let listener: pg.Client | null = null;
  let closing = false;
  const listen = async (): Promise<void> => {
    while (!closing) {
      try {
        const client = await connectPg(loc);
        client.on('notification', (n) => {
          const parsed = ChangeEvent.safeParse(JSON.parse(n.payload ?? 'null'));
          broadcast('change', parsed.success ? parsed.data : { kind: 'workbook', by: '' });
        });
        await client.query(`LISTEN "${channelOf(loc.workbook.toLowerCase()).replace(/"/g, '""')}"`);
        listener = client;
        await new Promise<void>((lost) => client.once('end', () => lost()));
        broadcast('change', { kind: 'workbook', by: '' });
      } catch {
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  };
  void listen();

  async function signIn(req: IncomingMessage): Promise<Person | null> {
    const token = bearerOf(req) ?? new URL(req.url ?? '/', 'http://x').searchParams.get('token') ?? undefined;
    if (!token || token.length > 200) return null;
    const found = await store.read((tx) => tx.get<Person>('SELECT name, role, owner FROM cpw_sign_in(?)', [tokenHash(token)]));
    const parsed = Person.safeParse(found);
    return parsed.success ? parsed.data : null;
  }

  const port0 = options.port ?? 0;
  const host = options.host ?? '127.0.0.1';
  const loopback = isLoopback(host);
  let port = port0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = req.headers.host ?? '';
    // On loopback only our own names (no DNS rebinding); elsewhere any name the company gives it, but a page of another origin never calls in.
    if (loopback && ![`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(hostHeader)) return send(res, 403, 'forbidden: unknown Host');
    const origin = req.headers.origin;
    if (origin !== undefined && origin.replace(/^https?:\/\//, '') !== hostHeader) return send(res, 403, 'forbidden: foreign Origin');
    const url = new URL(req.url ?? '/', `http://${hostHeader || 'localhost'}`);
    if (url.pathname === '/rpc' || url.pathname === '/events') {
      const person = await signIn(req);
      if (!person) return send(res, 401, 'sign in: every call needs Authorization: Bearer TOKEN with a token from cpw users add (a revoked one is refused)', undefined, { 'WWW-Authenticate': 'Bearer' });
      if (url.pathname === '/events') return stream(req, res, person);
      if (req.method !== 'POST') return send(res, 405, 'use POST', undefined, { Allow: 'POST' });
      const call = await readCall(req, res);
      if (!call) return;
      const result = call.method === 'team.me' ? { ok: true, value: { ...person, workbook: loc.workbook, people: presence() } } : await backend.call(call.method, call.input, person);
      return send(res, 200, JSON.stringify(result), 'application/json');
    }
    return serveApp(options.root, url, req, res);
  }

  function stream(req: IncomingMessage, res: ServerResponse, person: Person): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', Connection: 'keep-alive' });
    const me: Listener = { person, res };
    listeners.add(me);
    res.write(`event: hello\ndata: ${JSON.stringify({ ...person, workbook: loc.workbook })}\n\n`);
    broadcast('presence', { people: presence() });
    const beat = setInterval(() => res.write(': still here\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(beat);
      listeners.delete(me);
      broadcast('presence', { people: presence() });
    });
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, `internal error: ${(e as Error).message}`);
      else res.destroy();
    });
  };
  const server: Server = options.tls ? createHttps({ cert: readFileSync(options.tls.cert), key: readFileSync(options.tls.key) }, onRequest) : createHttp(onRequest);
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(port0, host, () => ready());
  });
  port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${options.tls ? 'https' : 'http'}://${shown}:${port}/`,
    port,
    async close() {
      closing = true;
      for (const l of listeners) l.res.end();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await listener?.end().catch(() => undefined);
      await backend.close();
    },
  };
}

export { describePg };

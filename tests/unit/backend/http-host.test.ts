import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/dispatch';
import { CONTENT_SECURITY_POLICY, MAX_BODY_BYTES, startHttpHost, type HttpHost } from '../../../electron/backend/http-host';
import { ROOT, useTempDir } from '../../helpers';

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A raw request, so tests can send the Host and Origin headers a browser never would. */
function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

describe('the browser-mode host', () => {
  const tmp = useTempDir();
  let host: HttpHost | undefined;
  afterEach(async () => {
    await host?.close();
    host = undefined;
  });

  async function start() {
    const root = join(tmp(), 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>cpw</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(tmp(), 'secret.txt'), 'not for the browser');
    const backend = createBackend();
    host = await startHttpHost({ root, backend });
    const h = { Host: `127.0.0.1:${host.port}` };
    const rpc = (body: unknown, headers: Record<string, string> = { ...h, 'X-CPW-Token': host!.token }) =>
      send(host!.port, '/rpc', { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { host, h, rpc };
  }

  it('refuses, with the token, every method that names a path on the disk, and the disk is untouched (issue 17, item 8)', async () => {
    const { host: s, h } = await start();
    const secret = join(tmp(), 'secret.txt');
    const workbook = join(tmp(), 'w.cpw');
    const backend = createBackend();
    await backend.call('workbook.create', { path: workbook, sample: true });
    const calls: [string, unknown][] = [
      ['workbook.create', { path: join(tmp(), 'made.cpw'), sample: true }],
      ['workbook.open', { path: workbook }],
      ['workbook.saveAs', { path: join(tmp(), 'copy.cpw') }],
      ['workbook.check', { path: workbook, repair: true }],
      ['report.pdf', { out: secret }],
      ['export.sheet', { out: join(tmp(), 'secret.csv') }],
      ['export.template', { out: join(tmp(), 'template.xlsx') }],
      ['import.preview', { source: { file: secret }, period: 'P' }],
      ['import.commit', { source: { file: secret }, period: 'P' }],
      ['interactions.import', { source: { file: secret } }],
      ['pools.import', { period: 'P', pools: { file: secret } }],
      ['pools.import', { period: 'P', lines: { source: { file: secret }, activity: 'x' } }],
    ];
    for (const [method, input] of calls) {
      const r = await send(s.port, '/rpc', { method: 'POST', headers: { ...h, 'X-CPW-Token': s.token, 'Content-Type': 'application/json' }, body: JSON.stringify({ method, input }) });
      expect(r.status, method).toBe(200);
      const answer = JSON.parse(r.body) as { ok: boolean; error?: { code: string; message: string } };
      expect(answer, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(answer.error!.message, method).toMatch(/names a file on the computer the workbench runs on/);
      expect(answer.error!.message, method).not.toContain('not for the browser');
    }
    expect(readFileSync(secret, 'utf8')).toBe('not for the browser');
    for (const made of ['made.cpw', 'copy.cpw', 'secret.csv', 'template.xlsx']) expect(existsSync(join(tmp(), made)), made).toBe(false);
    // The same backend still serves a path to its own command line.
    expect(await backend.call('workbook.open', { path: workbook, readOnly: true })).toMatchObject({ ok: true });
    backend.close();
  });

  it('listens on 127.0.0.1 only and prints a URL with a fresh random token', async () => {
    const { host: a } = await start();
    expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
    const b = await startHttpHost({ root: tmp(), backend: createBackend() });
    expect(b.token).not.toBe(a.token);
    await b.close();
  });

  it('serves the window with a strict Content-Security-Policy', async () => {
    const { host: s, h } = await start();
    const page = await send(s.port, '/', { headers: h });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>cpw</title>');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect((await send(s.port, '/assets/app.js', { headers: h })).headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('answers the RPC only with the token', async () => {
    const { h, rpc } = await start();
    const good = await rpc({ method: 'workbook.info', input: {} });
    expect(good.status).toBe(200);
    expect(JSON.parse(good.body)).toMatchObject({ ok: false, error: { code: 'NO_WORKBOOK' } });
    expect((await rpc({ method: 'workbook.info' }, h)).status).toBe(401);
    expect((await rpc({ method: 'workbook.info' }, { ...h, 'X-CPW-Token': 'wrong' })).status).toBe(401);
    expect((await rpc({ method: 'workbook.info' }, { ...h, 'X-CPW-Token': `${host!.token}0` })).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token', async () => {
    const { host: s, rpc } = await start();
    const token = { 'X-CPW-Token': s.token };
    expect((await rpc({ method: 'workbook.info' }, { ...token, Host: `evil.example:${s.port}` })).status).toBe(403);
    expect((await send(s.port, '/', { headers: { Host: 'evil.example' } })).status).toBe(403);
    expect((await rpc({ method: 'workbook.info' }, { ...token, Host: `127.0.0.1:${s.port}`, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await rpc({ method: 'workbook.info' }, { ...token, Host: `localhost:${s.port}`, Origin: `http://localhost:${s.port}` })).status).toBe(200);
  });

  it('serves nothing outside the built window', async () => {
    const { host: s, h } = await start();
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00', '/nope.js']) {
      const r = await send(s.port, path, { headers: h });
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('not for the browser');
    }
  });

  it('refuses a body larger than the limit, bad JSON and other methods', async () => {
    const { host: s, h, rpc } = await start();
    const big = await send(s.port, '/rpc', {
      method: 'POST',
      headers: { ...h, 'X-CPW-Token': s.token, 'Content-Length': String(MAX_BODY_BYTES + 1) },
      body: Buffer.alloc(16),
    }).catch(() => ({ status: 413, body: '', headers: {} }));
    expect(big.status).toBe(413);
    expect((await send(s.port, '/rpc', { method: 'POST', headers: { ...h, 'X-CPW-Token': s.token }, body: '{nope' })).status).toBe(400);
    expect((await send(s.port, '/rpc', { headers: h })).status).toBe(405);
    expect((await send(s.port, '/', { method: 'DELETE', headers: h })).status).toBe(405);
    expect(JSON.parse((await rpc({ method: 'no.such', input: {} })).body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });
});

describe('the window page itself', () => {
  it("carries the same Content-Security-Policy as a meta tag, less frame-ancestors (a meta tag cannot)", () => {
    const html = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; '));
  });
});

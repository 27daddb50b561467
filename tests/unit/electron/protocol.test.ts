import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useTempDir } from '../../helpers';

// The one stand-in: Electron's protocol module, recording the scheme registration and the handler.
const fake = vi.hoisted(() => ({
  protocol: {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn(),
  },
}));
vi.mock('electron', () => ({ protocol: fake.protocol }));

const { appProtocolHandler, contentTypeOf, handleAppProtocol, registerAppScheme, resolveAppPath } = await import(
  '../../../electron/main/protocol'
);
const { CONTENT_SECURITY_POLICY } = await import('../../../electron/main/security');

const INDEX = '<!doctype html><title>workbench</title>';
const SECRET = 'the secret beside the renderer folder';

describe('the app:// scheme', () => {
  it('is registered as standard, secure and fetchable, without bypassing CSP', () => {
    registerAppScheme();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('is handled by the file server for the given folder', async () => {
    handleAppProtocol('/nowhere');
    const [scheme, handler] = fake.protocol.handle.mock.calls[0]! as [string, (r: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    expect((await handler(new Request('app://workbench/index.html'))).status).toBe(404);
  });
});

describe('serving the built renderer', () => {
  const tmp = useTempDir();
  let root = '';
  let serve: (url: string, init?: RequestInit) => Promise<Response>;
  beforeEach(() => {
    // tmp/renderer is served; tmp/secret.txt and tmp/renderer-evil/ sit beside it and must stay out of reach.
    root = join(tmp(), 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), INDEX);
    writeFileSync(join(root, 'assets', 'index-1a2b.js'), 'console.log(1)');
    writeFileSync(join(root, 'assets', 'index-1a2b.css'), 'body{}');
    writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
    writeFileSync(join(root, 'assets', 'font.woff2'), 'w');
    writeFileSync(join(tmp(), 'secret.txt'), SECRET);
    mkdirSync(join(tmp(), 'renderer-evil'));
    writeFileSync(join(tmp(), 'renderer-evil', 'x.txt'), SECRET);
    const handler = appProtocolHandler(root);
    serve = (url, init) => handler(new Request(url, init));
  });

  it.each([
    ['app://workbench/index.html', INDEX, 'text/html; charset=utf-8'],
    ['app://workbench/', INDEX, 'text/html; charset=utf-8'],
    ['app://workbench/assets/index-1a2b.js', 'console.log(1)', 'text/javascript; charset=utf-8'],
    ['app://workbench/assets/index-1a2b.css?v=2', 'body{}', 'text/css; charset=utf-8'],
    ['app://workbench/assets/logo.svg#icon', '<svg/>', 'image/svg+xml'],
    ['app://workbench/assets/font.woff2', 'w', 'font/woff2'],
  ])('serves %s with its content type', async (url, body, type) => {
    const res = await serve(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(await res.text()).toBe(body);
  });

  it('sends the Content-Security-Policy with every response, the refusals too, and never unsafe-eval', async () => {
    for (const url of ['app://workbench/index.html', 'app://workbench/assets/index-1a2b.js', 'app://workbench/missing.js', 'app://other/index.html']) {
      const res = await serve(url);
      expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('content-security-policy'), url).not.toContain('unsafe-eval');
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
  });

  it.each([
    ['an encoded ../', 'app://workbench/..%2fsecret.txt'],
    ['encoded dots and slash', 'app://workbench/%2e%2e%2fsecret.txt'],
    ['encoded dots as a segment', 'app://workbench/assets/%2e%2e/%2e%2e/secret.txt'],
    ['a double-encoded ../', 'app://workbench/%252e%252e%252fsecret.txt'],
    ['a backslash', 'app://workbench/..%5csecret.txt'],
    ['a sibling folder sharing the prefix', 'app://workbench/..%2frenderer-evil%2fx.txt'],
    ['an absolute path after the slash', 'app://workbench/%2Fetc%2Fpasswd'],
    ['a Windows drive', 'app://workbench/C:%5CWindows%5Cwin.ini'],
    ['a NUL byte', 'app://workbench/index.html%00.js'],
    ['malformed escapes', 'app://workbench/%E0%A4%A'],
  ])('refuses %s with a 404 that reveals nothing', async (_what, url) => {
    const res = await serve(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(SECRET);
  });

  it('refuses the absolute path of a file outside the folder', async () => {
    const res = await serve(`app://workbench/${encodeURIComponent(join(tmp(), 'secret.txt'))}`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(SECRET);
  });

  it.each([
    ['another host', 'app://other/index.html'],
    ['a look-alike host', 'app://workbench.evil/index.html'],
    ['a port', 'app://workbench:8080/index.html'],
    ['a folder', 'app://workbench/assets'],
    ['a missing file', 'app://workbench/nope.js'],
  ])('answers %s with 404', async (_what, url) => {
    expect((await serve(url)).status).toBe(404);
  });

  it('answers HEAD without a body and refuses writes', async () => {
    const head = await serve('app://workbench/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await serve('app://workbench/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
  });
});

describe('resolveAppPath', () => {
  it('maps the root to index.html and keeps every answer inside the folder', () => {
    expect(resolveAppPath('/srv/r', '/')).toBe(join('/srv/r', 'index.html'));
    expect(resolveAppPath('/srv/r', '')).toBe(join('/srv/r', 'index.html'));
    expect(resolveAppPath('/srv/r', '/a/b.js')).toBe(join('/srv/r', 'a', 'b.js'));
    expect(resolveAppPath('/srv/r', '/a/../../x')).toBeNull();
    expect(resolveAppPath('/srv/r', '//etc/passwd')).toBeNull();
    expect(resolveAppPath('/srv/r', 'relative.js')).toBeNull();
  });

  it('falls back to a binary type for what it does not know', () => {
    expect(contentTypeOf('a.exe')).toBe('application/octet-stream');
    expect(contentTypeOf('A.HTML')).toBe('text/html; charset=utf-8');
  });
});

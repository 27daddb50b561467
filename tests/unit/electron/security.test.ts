import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The one stand-in: Electron's app, shell, a web contents and a session, as small fakes that record what they are asked.
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  class Emitter {
    private listeners = new Map<string, Listener[]>();
    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    emit(event: string, ...args: unknown[]): void {
      for (const l of this.listeners.get(event) ?? []) l(...args);
    }
    count(event: string): number {
      return this.listeners.get(event)?.length ?? 0;
    }
  }
  class FakeWebContents extends Emitter {
    openHandler: ((details: { url: string }) => { action: string }) | null = null;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.openHandler = handler;
    }
  }
  const app = new Emitter();
  const shell = { openExternal: (_url: string): Promise<void> => Promise.resolve() };
  return { Emitter, FakeWebContents, app, shell };
});
vi.mock('electron', () => ({ app: fake.app, shell: fake.shell }));

const { CONTENT_SECURITY_POLICY, limitPermissions, hardenAllWebContents, hardenWebContents } = await import(
  '../../../electron/main/security'
);

type FakeWebContents = InstanceType<typeof fake.FakeWebContents>;

function navigation(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('every web contents', () => {
  let contents: FakeWebContents;
  let openExternal: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    vi.restoreAllMocks();
    contents = new fake.FakeWebContents();
    hardenWebContents(contents as unknown as WebContents);
    openExternal = vi.spyOn(fake.shell, 'openExternal').mockResolvedValue(undefined);
  });

  it.each(['app://workbench/other.html', 'https://example.com/', 'https://github.com/org/repo', 'javascript:alert(1)', 'about:blank'])(
    'is denied a new window, whatever the URL: %s',
    (url) => {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    },
  );

  it('hands an allow-listed https link from window.open to the browser, and nothing else', () => {
    contents.openHandler!({ url: 'https://github.com/org/repo' });
    for (const url of ['http://github.com/', 'https://example.com/', 'https://github.com.evil.com/', 'file:///etc/passwd', 'app://workbench/']) {
      contents.openHandler!({ url });
    }
    expect(openExternal.mock.calls).toEqual([['https://github.com/org/repo']]);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s away from the app is prevented', (event) => {
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://workbench.evil/', 'http://127.0.0.1:3000/', 'data:text/html,x']) {
      const e = navigation(url);
      contents.emit(event, e);
      expect(e.preventDefault, `${event} ${url}`).toHaveBeenCalledOnce();
    }
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s within the app is let through', (event) => {
    const e = navigation('app://workbench/index.html#/report');
    contents.emit(event, e);
    expect(e.preventDefault).not.toHaveBeenCalled();
  });

  it('a link click to an allow-listed page is prevented and opened in the browser; any other is only prevented', () => {
    const docs = navigation('https://github.com/org/repo');
    const other = navigation('https://example.com/');
    contents.emit('will-navigate', docs);
    contents.emit('will-navigate', other);
    expect(docs.preventDefault).toHaveBeenCalledOnce();
    expect(other.preventDefault).toHaveBeenCalledOnce();
    expect(openExternal.mock.calls).toEqual([['https://github.com/org/repo']]);
  });

  it('a redirect is never handed to the browser, even to an allow-listed page', () => {
    contents.emit('will-redirect', navigation('https://github.com/org/repo'));
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('a <webview> is never attached', () => {
    const e = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', e, {}, { src: 'app://workbench/' });
    expect(e.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('hardenAllWebContents', () => {
  it('applies the rules to each web contents as Electron creates it', () => {
    hardenAllWebContents();
    const contents = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.openHandler).not.toBeNull();
    expect(contents.count('will-navigate')).toBe(1);
    expect(contents.count('will-redirect')).toBe(1);
    expect(contents.count('will-attach-webview')).toBe(1);
  });
});

describe('limitPermissions', () => {
  const refused = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'midiSysex', 'unknown'];
  const allowed = ['clipboard-sanitized-write', 'fullscreen'];

  function handlers() {
    let request: ((wc: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void) | null = null;
    let check: ((wc: unknown, permission: string, origin: string) => boolean) | null = null;
    const ses = { setPermissionRequestHandler: (h: typeof request) => (request = h), setPermissionCheckHandler: (h: typeof check) => (check = h) };
    limitPermissions(ses as unknown as Session);
    const ask = (permission: string, url: string) => {
      const callback = vi.fn();
      request!({}, permission, callback, { requestingUrl: url });
      expect(callback).toHaveBeenCalledOnce();
      return callback.mock.calls[0]![0] as boolean;
    };
    return { ask, check: (permission: string, origin: string) => check!({}, permission, origin) };
  }

  it('refuses every other permission, even to the app window', () => {
    const h = handlers();
    for (const permission of refused) {
      expect(h.ask(permission, 'app://workbench/index.html'), permission).toBe(false);
      expect(h.check(permission, 'app://workbench'), permission).toBe(false);
    }
  });

  it('grants clipboard writing and full screen to the app window only', () => {
    const h = handlers();
    for (const permission of allowed) {
      expect(h.ask(permission, 'app://workbench/index.html#/dashboard'), permission).toBe(true);
      expect(h.check(permission, 'app://workbench'), permission).toBe(true);
      for (const other of ['https://evil.example', 'app://workbench.evil', 'file:///etc/passwd', 'http://127.0.0.1:8080']) {
        expect(h.ask(permission, other), `${permission} from ${other}`).toBe(false);
        expect(h.check(permission, other), `${permission} from ${other}`).toBe(false);
      }
    }
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

  it('allows no eval, no inline script and no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes|\*|https?:/);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it("allows inline styles only (AG Grid's), and shuts plugins, base, framing and forms", () => {
    const inline = [...directives].filter(([, values]) => values.includes("'unsafe-inline'")).map(([name]) => name);
    expect(inline).toEqual(['style-src']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });
});

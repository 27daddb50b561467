import { beforeEach, describe, expect, it, vi } from 'vitest';

// The one stand-in: a BrowserWindow that records what it was built with and asked to load.
const fake = vi.hoisted(() => {
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = [];
    loaded: string[] = [];
    shown = false;
    private onceListeners = new Map<string, () => void>();
    constructor(readonly options: Record<string, unknown>) {
      FakeBrowserWindow.created.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
    once(event: string, listener: () => void): this {
      this.onceListeners.set(event, listener);
      return this;
    }
    fire(event: string): void {
      this.onceListeners.get(event)?.();
    }
    show(): void {
      this.shown = true;
    }
  }
  return { FakeBrowserWindow };
});
vi.mock('electron', () => ({ BrowserWindow: fake.FakeBrowserWindow }));

const { windowOptions, createMainWindow, appIndexUrl, WINDOW_TITLE } = await import('../../../electron/main/window');

describe('windowOptions', () => {
  const prefs = windowOptions('/app/dist/electron/preload.cjs').webPreferences!;

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['spellcheck', false],
  ] as const)('sets %s to %s explicitly', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('loads the given preload and nothing else that grants power', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('session');
  });

  it('has the title and a minimum size the sheet stays usable at', () => {
    const o = windowOptions('/p.cjs');
    expect(o.title).toBe(WINDOW_TITLE);
    expect(o.minWidth).toBeGreaterThanOrEqual(800);
    expect(o.minHeight).toBeGreaterThanOrEqual(500);
    expect(o.width).toBeGreaterThanOrEqual(o.minWidth!);
    expect(o.height).toBeGreaterThanOrEqual(o.minHeight!);
  });
});

describe('createMainWindow', () => {
  beforeEach(() => {
    fake.FakeBrowserWindow.created = [];
  });

  it("builds the window from windowOptions and loads the app's own index page", () => {
    createMainWindow('/p/preload.cjs');
    const [win] = fake.FakeBrowserWindow.created;
    expect(win!.options).toEqual(windowOptions('/p/preload.cjs'));
    expect(win!.loaded).toEqual(['app://workbench/index.html']);
  });

  it('adds a route as the hash, with or without its #', () => {
    expect(appIndexUrl('/dashboard')).toBe('app://workbench/index.html#/dashboard');
    expect(appIndexUrl('#/dashboard')).toBe('app://workbench/index.html#/dashboard');
    createMainWindow('/p/preload.cjs', '/report');
    expect(fake.FakeBrowserWindow.created[0]!.loaded).toEqual(['app://workbench/index.html#/report']);
  });

  it('shows the window only once it is painted', () => {
    createMainWindow('/p/preload.cjs');
    const win = fake.FakeBrowserWindow.created[0]!;
    expect(win.shown).toBe(false);
    win.fire('ready-to-show');
    expect(win.shown).toBe(true);
  });
});

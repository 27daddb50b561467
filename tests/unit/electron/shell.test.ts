import type { MenuItemConstructorOptions } from 'electron';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../../electron/backend/dispatch';
import { useTempDir } from '../../helpers';
import { newLocation } from '../../engines';
import { addPerson } from '../../../electron/backend/team/people';
import { startTeamServer } from '../../../electron/backend/team/server';

// The one stand-in: the parts of Electron the shell wires, as small recording fakes. The backend, the workbook
// files, the protocol handler and the IPC handler behind them are the real ones.
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener): this {
      return this.on(event, listener);
    }
    emit(event: string, ...args: unknown[]): void {
      for (const l of this.listeners.get(event) ?? []) l(...args);
    }
  }
  class FakeBrowserWindow extends Emitter {
    static all: FakeBrowserWindow[] = [];
    loaded: string[] = [];
    focused = 0;
    webContents = { sent: [] as unknown[][], isDestroyed: () => false, send(...args: unknown[]) { this.sent.push(args); } };
    constructor(readonly options: { webPreferences: { preload: string } }) {
      super();
      FakeBrowserWindow.all.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    isMinimized = () => false;
    restore() {}
    focus() {
      this.focused++;
    }
    show() {}
  }
  const state = {
    order: [] as string[],
    paths: new Map<string, string>(),
    lock: true,
    ready: (): void => undefined,
    menus: [] as MenuItemConstructorOptions[][],
    ipc: new Map<string, Listener>(),
    protocolHandler: null as ((r: Request) => Promise<Response>) | null,
    permissionRequest: null as Listener | null,
  };
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    quit: vi.fn(),
    exit: vi.fn(),
    setName: (name: string) => state.order.push(`setName ${name}`),
    getPath: (name: string) => state.paths.get(name) ?? `/nowhere/${name}`,
    setPath: (name: string, path: string) => state.paths.set(name, path),
    requestSingleInstanceLock: () => {
      state.order.push('requestSingleInstanceLock');
      return state.lock;
    },
    whenReady: () => new Promise<void>((resolve) => (state.ready = resolve)),
  });
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Menu: {
      buildFromTemplate: (t: MenuItemConstructorOptions[]) => t,
      setApplicationMenu: (t: MenuItemConstructorOptions[]) => state.menus.push(t),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (state.permissionRequest = h),
        setPermissionCheckHandler: () => undefined,
      },
    },
    protocol: {
      registerSchemesAsPrivileged: () => state.order.push('registerSchemesAsPrivileged'),
      handle: (_scheme: string, h: (r: Request) => Promise<Response>) => (state.protocolHandler = h),
    },
    ipcMain: { handle: (channel: string, h: Listener) => state.ipc.set(channel, h), removeHandler: () => undefined },
    dialog: { showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })) },
    // The system keychain's cipher cannot run here; this one seals so that the file never holds the token as typed.
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(text).reverse(),
      decryptString: (b: Buffer) => Buffer.from(b).reverse().toString(),
    },
    shell: { openExternal: () => Promise.resolve() },
  };
  return { electron, state, app, FakeBrowserWindow };
});
vi.mock('electron', () => fake.electron);

const { startApp } = await import('../../../electron/main/shell');

const APP_EVENT = { senderFrame: { url: 'app://workbench/index.html' } };

describe('startApp', () => {
  const tmp = useTempDir();
  let bundleDir = '';
  let userData = '';

  beforeEach(() => {
    fake.app.listeners.clear();
    fake.FakeBrowserWindow.all = [];
    Object.assign(fake.state, { order: [], lock: true, menus: [], protocolHandler: null, permissionRequest: null });
    fake.state.ipc.clear();
    fake.app.quit.mockClear();
    fake.state.paths = new Map([
      ['appData', join(tmp(), 'appData')],
      ['documents', join(tmp(), 'Documents')],
    ]);
    userData = join(tmp(), 'appData', 'Customer Profitability Workbench');
    bundleDir = join(tmp(), 'dist', 'electron');
    mkdirSync(join(tmp(), 'dist', 'renderer'), { recursive: true });
    writeFileSync(join(tmp(), 'dist', 'renderer', 'index.html'), '<title>cpw</title>');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    // Release whatever workbook the shell's backend holds, as quitting does.
    fake.app.emit('before-quit');
    vi.restoreAllMocks();
  });

  async function started() {
    startApp({ bundleDir });
    fake.state.ready();
    await vi.waitFor(() => expect(fake.FakeBrowserWindow.all).toHaveLength(1));
    return fake.FakeBrowserWindow.all[0]!;
  }
  const rpc = (method: string, input: unknown = {}) => fake.state.ipc.get('cpw:rpc')!(APP_EVENT, method, input) as Promise<unknown>;

  it('a second instance takes no lock, so it quits before opening anything', () => {
    fake.state.lock = false;
    startApp({ bundleDir });
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.app.listeners.has('before-quit')).toBe(false);
    expect(fake.state.ipc.size).toBe(0);
    expect(existsSync(userData)).toBe(false);
  });

  it('before ready: names the user data folder after the product, registers app:// and hooks every web contents', () => {
    startApp({ bundleDir });
    expect(fake.state.paths.get('userData')).toBe(userData);
    expect(fake.state.order).toEqual([
      'setName Customer Profitability Workbench',
      'registerSchemesAsPrivileged',
      'requestSingleInstanceLock',
    ]);
    expect(fake.app.listeners.get('web-contents-created')).toHaveLength(1);
    expect(fake.state.ipc.size).toBe(0);
  });

  it('at ready: denies permissions, serves dist/renderer, opens the sample, then shows the window with the preload', async () => {
    const win = await started();
    const callback = vi.fn();
    fake.state.permissionRequest!({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    const page = await fake.state.protocolHandler!(new Request('app://workbench/index.html'));
    expect(await page.text()).toBe('<title>cpw</title>');
    expect(win.options.webPreferences.preload).toBe(join(bundleDir, 'preload.cjs'));
    expect(win.loaded).toEqual(['app://workbench/index.html']);
    expect(existsSync(join(userData, 'Sample.cpw'))).toBe(true);
    expect(await rpc('workbook.info')).toMatchObject({ ok: true, value: { path: join(userData, 'Sample.cpw') } });
  });

  it('the menu lists the recent workbooks and its Undo reaches the window', async () => {
    const win = await started();
    const menu = fake.state.menus.at(-1)!;
    const file = menu.find((m) => m.label === 'File')!.submenu as MenuItemConstructorOptions[];
    const recent = file.find((m) => m.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[];
    expect(recent[0]!.label).toBe(join(userData, 'Sample.cpw'));
    const edit = menu.find((m) => m.label === 'Edit')!.submenu as MenuItemConstructorOptions[];
    (edit.find((m) => m.label === 'Undo')!.click as unknown as () => void)();
    expect(win.webContents.sent).toContainEqual(['cpw:command', 'undo']);
    (file.find((m) => m.label === 'Import…')!.click as unknown as () => void)();
    expect(win.webContents.sent).toContainEqual(['cpw:command', 'import']);
  });

  it("the window's own opens (the welcome screen) reach the menu's recent list, and the person's profile is the user data folder", async () => {
    await started();
    // The window names a file, never a folder: it is made beside the workbook open (the sample, in user data).
    const other = join(userData, 'Other.cpw');
    const menusBefore = fake.state.menus.length;
    expect(await rpc('workbook.createNamed', { name: 'Other' })).toMatchObject({ ok: true });
    expect(fake.state.menus.length).toBe(menusBefore + 1);
    const file = fake.state.menus.at(-1)!.find((m) => m.label === 'File')!.submenu as MenuItemConstructorOptions[];
    const recent = file.find((m) => m.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[];
    expect(recent.slice(0, 2).map((m) => m.label)).toEqual([other, join(userData, 'Sample.cpw')]);
    expect(await rpc('profile.update', { theme: 'dark' })).toMatchObject({ ok: true });
    expect(JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8'))).toMatchObject({ theme: 'dark' });
    expect(await rpc('workbook.info')).toMatchObject({ ok: true });
    expect(fake.state.menus.length).toBe(menusBefore + 1); // a read changes nothing
    expect(fake.state.ipc.has('cpw:file')).toBe(true);
  });

  it('a second instance hands over its .cpw: opened here, the window told and focused', async () => {
    const win = await started();
    const other = join(tmp(), 'Documents', 'Other.cpw');
    mkdirSync(join(tmp(), 'Documents'));
    const maker = createBackend();
    await maker.call('workbook.create', { path: other });
    maker.close();
    fake.app.emit('second-instance', {}, ['/opt/cpw/cpw', '--some-switch', 'Other.cpw'], join(tmp(), 'Documents'), {});
    await vi.waitFor(async () => expect(await rpc('workbook.info')).toMatchObject({ ok: true, value: { path: other } }));
    expect(win.focused).toBeGreaterThan(0);
    expect(win.webContents.sent).toContainEqual(['cpw:command', 'workbook-changed']);
  });

  it('macOS open-file before ready is the workbook opened at start', async () => {
    const other = join(tmp(), 'Early.cpw');
    const maker = createBackend();
    await maker.call('workbook.create', { path: other });
    maker.close();
    startApp({ bundleDir });
    const event = { preventDefault: vi.fn() };
    fake.app.emit('open-file', event, other);
    expect(event.preventDefault).toHaveBeenCalled();
    fake.state.ready();
    await vi.waitFor(() => expect(fake.FakeBrowserWindow.all).toHaveLength(1));
    expect(await rpc('workbook.info')).toMatchObject({ ok: true, value: { path: other } });
    expect(existsSync(join(userData, 'Sample.cpw'))).toBe(false);
  });

  it('closing the last window quits', async () => {
    await started();
    expect(fake.app.quit).not.toHaveBeenCalled();
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalled();
  });

  it('quitting closes the backend, so the workbook lock is released at once', async () => {
    await started();
    const sample = join(userData, 'Sample.cpw');
    const other = createBackend();
    try {
      expect(await other.call('workbook.open', { path: sample })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
      fake.app.emit('before-quit');
      expect(await other.call('workbook.open', { path: sample })).toMatchObject({ ok: true });
    } finally {
      other.close();
    }
  });

  it('File > Connect to Team Workbook…: the window asks, its calls go to the server, its events come over cpw:live, and the next start joins again', async () => {
    const location = newLocation('postgres', tmp(), 'shell');
    expect((await createBackend().call('workbook.create', { path: location, sample: true })).ok).toBe(true);
    const { token } = await addPerson(location, 'Dana', 'director', 'Alice Moreau');
    const server = await startTeamServer({ location, root: join(tmp(), 'dist', 'renderer') });
    try {
      const win = await started();
      const file = fake.state.menus.at(-1)!.find((m) => m.label === 'File')!.submenu as MenuItemConstructorOptions[];
      (file.find((m) => m.label === 'Connect to Team Workbook…')!.click as unknown as () => void)();
      expect(win.webContents.sent).toContainEqual(['cpw:command', 'connect-team']);
      const team = fake.state.ipc.get('cpw:team')!;
      expect(await team({ senderFrame: { url: 'https://evil.example/' } }, { address: server.url, token })).toMatchObject({ ok: false });
      const joined = await team(APP_EVENT, { address: server.url, token });
      expect(joined).toMatchObject({ ok: true, value: { name: 'Dana', role: 'director', tokenKept: true } });
      expect(win.webContents.sent).toContainEqual(['cpw:command', 'workbook-changed']);
      // The window's calls reach the team workbook: its rows carry versions, and the sample file is closed.
      const rows = (await rpc('rows.list', { period: '2026-Q3' })) as { ok: boolean; value: { version: number }[] };
      expect(rows.ok && rows.value.every((r) => r.version >= 1)).toBe(true);
      await vi.waitFor(() => expect(win.webContents.sent.some(([channel, e]) => channel === 'cpw:live' && (e as { event: string }).event === 'hello')).toBe(true));
      const recent = (fake.state.menus.at(-1)!.find((m) => m.label === 'File')!.submenu as MenuItemConstructorOptions[]).find((m) => m.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[];
      expect(recent[0]!.label).toMatch(/^shell_[0-9a-f]+ \(team, on 127\.0\.0\.1:\d+\)$/);
      expect(readFileSync(join(userData, 'team-tokens.json'), 'utf8')).not.toContain(token);

      // Quit and start again: the team workbook is the one reopened, with the token kept.
      fake.app.emit('before-quit');
      fake.FakeBrowserWindow.all = [];
      fake.state.ipc.clear();
      const again = await started();
      await vi.waitFor(() => expect(again.webContents).toBeDefined());
      expect(await rpc('team.me')).toMatchObject({ ok: true, value: { name: 'Dana' } });
    } finally {
      fake.app.emit('before-quit');
      await server.close();
    }
  });

  it('says on the console that the Node build of better-sqlite3 is used while the Electron build is missing', async () => {
    await started();
    expect(console.warn).toHaveBeenCalledWith(expect.stringMatching(/better_sqlite3\.node is missing \(build it for Electron first\): better-sqlite3 loads its default \(Node\) build/));
  });
});

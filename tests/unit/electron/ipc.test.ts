import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/dispatch';
import { useTempDir } from '../../helpers';

// The one stand-in: ipcMain, recording the handlers registered on it. The backend behind it is the real one.
const fake = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  return {
    handlers,
    ipcMain: {
      handle: (channel: string, handler: (...args: unknown[]) => unknown) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, handler);
      },
      removeHandler: (channel: string) => handlers.delete(channel),
    },
  };
});
vi.mock('electron', () => ({ ipcMain: fake.ipcMain }));

const { REFUSED, RPC_CHANNEL, COMMAND_CHANNEL, fileDialogHandler, registerRpc, rpcHandler, sendCommand } = await import('../../../electron/main/ipc');

const from = (url: string | null): IpcMainInvokeEvent => ({ senderFrame: url === null ? null : { url } }) as unknown as IpcMainInvokeEvent;

describe('the RPC handler', () => {
  const tmp = useTempDir();
  let backend: Backend;
  beforeEach(() => {
    backend = createBackend();
  });
  afterEach(() => backend.close());

  it('is registered on cpw:rpc, once, and can be removed', () => {
    const remove = registerRpc(backend);
    expect(RPC_CHANNEL).toBe('cpw:rpc');
    expect(fake.handlers.has('cpw:rpc')).toBe(true);
    remove();
    expect(fake.handlers.has('cpw:rpc')).toBe(false);
  });

  it('passes a call from the app window to the real backend, which answers NO_WORKBOOK when none is open', async () => {
    const remove = registerRpc(backend);
    const result = await fake.handlers.get('cpw:rpc')!(from('app://workbench/index.html'), 'workbook.info', {});
    remove();
    expect(result).toMatchObject({ ok: false, error: { code: 'NO_WORKBOOK' } });
  });

  it('lets the backend do the real work for a trusted frame: a workbook is created on disk beside the open one', async () => {
    const first = join(tmp(), 'first.cpw');
    expect(await backend.call('workbook.create', { path: first })).toMatchObject({ ok: true });
    const result = await rpcHandler(backend)(from('app://workbench/index.html#/sheet'), 'workbook.createNamed', { name: 'made-over-ipc' });
    expect(result).toMatchObject({ ok: true, value: { path: join(tmp(), 'made-over-ipc.cpw'), name: 'made-over-ipc.cpw' } });
    expect(existsSync(join(tmp(), 'made-over-ipc.cpw'))).toBe(true);
  });

  it('refuses the renderer every method that names a path on disk, even from the app window (issue 17, item 8)', async () => {
    const path = join(tmp(), 'named-by-the-renderer.cpw');
    const app = from('app://workbench/index.html');
    for (const [method, input] of [
      ['workbook.create', { path, sample: false }],
      ['workbook.open', { path }],
      ['export.sheet', { out: `${path}.csv` }],
      ['import.preview', { source: { file: '/etc/passwd' }, period: 'P' }],
    ] as const) {
      expect(await rpcHandler(backend)(app, method, input), method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(existsSync(path)).toBe(false);
  });

  it("leaves input checking to the backend's zod schemas: bad input and unknown methods are error results", async () => {
    const handler = rpcHandler(backend);
    const app = from('app://workbench/index.html');
    expect(await handler(app, 'rows.list', { period: 42 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await handler(app, 'fs.readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await handler(app, { toString: () => 'workbook.info' }, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it.each([
    ['a remote page', 'https://evil.example/'],
    ['a look-alike origin', 'app://workbench.evil/index.html'],
    ['credentials in the origin', 'app://user@workbench/index.html'],
    ['a file page', 'file:///tmp/x.html'],
    ['the browser-mode host', 'http://127.0.0.1:4000/'],
    ['about:blank', 'about:blank'],
    ['a frame that is gone', null],
  ])('refuses %s without calling the backend', async (_what, url) => {
    const spy = { call: vi.fn(backend.call) };
    const path = join(tmp(), 'must-not-exist.cpw');
    const result = await rpcHandler(spy)(from(url), 'workbook.create', { path, sample: true });
    expect(result).toEqual(REFUSED);
    expect(spy.call).not.toHaveBeenCalled();
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a frame whose URL cannot be read any more', async () => {
    const spy = { call: vi.fn(backend.call) };
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    } as unknown as IpcMainInvokeEvent;
    expect(await rpcHandler(spy)(event, 'workbook.info', {})).toEqual(REFUSED);
    expect(spy.call).not.toHaveBeenCalled();
  });

  it('refuses with an error result the renderer can show, not a throw', () => {
    expect(REFUSED).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(REFUSED.ok || REFUSED.error.message).toMatch(/refused/);
  });
});

describe('the file dialog handler (the welcome screen asks main for New and Open)', () => {
  it('shows the dialog asked for, for the app window only, and ignores any other kind', async () => {
    const shown: string[] = [];
    const handle = fileDialogHandler({ newDialog: async () => void shown.push('new'), openDialog: async () => void shown.push('open') });
    await handle(from('app://workbench/index.html'), 'new');
    await handle(from('app://workbench/index.html'), 'open');
    await handle(from('app://workbench/index.html'), 'delete');
    await handle(from('app://workbench/index.html'), { kind: 'new' });
    await handle(from('https://evil.example/'), 'new');
    await handle(from(null), 'open');
    expect(shown).toEqual(['new', 'open']);
  });
});

describe('sendCommand', () => {
  it('sends the command on cpw:command, and nothing to a destroyed window', () => {
    const live = { isDestroyed: () => false, send: vi.fn() };
    const dead = { isDestroyed: () => true, send: vi.fn() };
    sendCommand(live as unknown as WebContents, 'undo');
    sendCommand(dead as unknown as WebContents, 'redo');
    expect(COMMAND_CHANNEL).toBe('cpw:command');
    expect(live.send).toHaveBeenCalledExactlyOnceWith('cpw:command', 'undo');
    expect(dead.send).not.toHaveBeenCalled();
  });
});

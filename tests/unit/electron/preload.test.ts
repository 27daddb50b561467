import { describe, expect, it, vi } from 'vitest';
import type { AppCommand, CpwBridge } from '../../../shared/ipc/bridge';

// The one stand-in: contextBridge records what is exposed; ipcRenderer is a small emitter with an invoke.
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const listeners = new Map<string, Listener[]>();
  const exposed: [string, unknown][] = [];
  return {
    exposed,
    listeners,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
    ipcRenderer: {
      invoke: vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: 'from main' })),
      on(channel: string, l: Listener) {
        listeners.set(channel, [...(listeners.get(channel) ?? []), l]);
        return this;
      },
      removeListener(channel: string, l: Listener) {
        listeners.set(channel, (listeners.get(channel) ?? []).filter((x) => x !== l));
        return this;
      },
    },
    /** What main's webContents.send would deliver: an event object, then the arguments. */
    send(channel: string, ...args: unknown[]) {
      for (const l of listeners.get(channel) ?? []) l({ sender: 'the IpcRendererEvent, which must not reach the page' }, ...args);
    },
  };
});
vi.mock('electron', () => ({ contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer }));

await import('../../../electron/preload/index');
const [[key, api]] = fake.exposed as [[string, CpwBridge]];

describe('the preload', () => {
  it('exposes one object, window.cpw, with exactly rpc, saveReport, fileDialog, onCommand, connectTeam and onLive', () => {
    expect(fake.exposed).toHaveLength(1);
    expect(key).toBe('cpw');
    expect(Object.keys(api).sort()).toEqual(['connectTeam', 'fileDialog', 'onCommand', 'onLive', 'rpc', 'saveReport']);
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
  });

  it('rpc invokes cpw:rpc with the method and input, and returns what main answered', async () => {
    await expect(api.rpc('workbook.info', { a: 1 })).resolves.toEqual({ ok: true, value: 'from main' });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('cpw:rpc', 'workbook.info', { a: 1 });
  });

  it('saveReport invokes cpw:report with the request alone, and returns what main answered', async () => {
    fake.ipcRenderer.invoke.mockClear();
    await expect(api.saveReport({ paper: 'Letter' })).resolves.toEqual({ ok: true, value: 'from main' });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('cpw:report', { paper: 'Letter' });
  });

  it('fileDialog invokes cpw:file with the kind alone', async () => {
    fake.ipcRenderer.invoke.mockClear();
    await api.fileDialog('new');
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('cpw:file', 'new');
  });

  it('onCommand delivers the known commands by name only, never the IPC event', () => {
    const got: unknown[][] = [];
    const off = api.onCommand((...args) => got.push(args));
    const commands = ['undo', 'redo', 'workbook-changed', 'import', 'connect-team', 'glossary', 'shortcuts', 'welcome', 'tour', 'settings'] satisfies AppCommand[];
    for (const c of commands) fake.send('cpw:command', c);
    off();
    expect(got).toEqual(commands.map((c) => [c]));
  });

  it('onCommand ignores unknown names, other types and inherited property names', () => {
    const got: unknown[] = [];
    const off = api.onCommand((c) => got.push(c));
    for (const c of ['delete-everything', 'UNDO', '', 'toString', '__proto__', 'constructor', 42, null, { name: 'undo' }, ['undo']]) {
      fake.send('cpw:command', c);
    }
    off();
    expect(got).toEqual([]);
  });

  it('onCommand listens on cpw:command only, and its unsubscribe really stops the delivery', () => {
    const got: unknown[] = [];
    const off = api.onCommand((c) => got.push(c));
    fake.send('cpw:other', 'undo');
    fake.send('cpw:command', 'undo');
    off();
    fake.send('cpw:command', 'redo');
    expect(got).toEqual(['undo']);
    expect(fake.listeners.get('cpw:command')).toEqual([]);
  });

  it('onCommand refuses something that is not a function', () => {
    expect(() => api.onCommand('alert(1)' as unknown as () => void)).toThrow(TypeError);
  });

  it('connectTeam invokes cpw:team with the address and token as text, nothing else of what the page passed', async () => {
    fake.ipcRenderer.invoke.mockClear();
    const hostile = { address: 'https://team.example', token: 'cpw_x', extra: 'ignored', toString: () => 'no' };
    await api.connectTeam(hostile);
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('cpw:team', { address: 'https://team.example', token: 'cpw_x' });
  });

  it('onLive asks main to say again who is signed in, delivers events by value only, and stops on unsubscribe', () => {
    fake.ipcRenderer.invoke.mockClear();
    const got: unknown[][] = [];
    const off = api.onLive((...args) => got.push(args));
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('cpw:team', { replay: true });
    fake.send('cpw:live', { event: 'presence', data: { people: ['Alice'] } });
    fake.send('cpw:live', 'not an event');
    fake.send('cpw:live', null);
    fake.send('cpw:live', { event: 42 });
    fake.send('cpw:command', { event: 'lost' });
    fake.send('cpw:live', { event: 'lost' });
    off();
    fake.send('cpw:live', { event: 'lost' });
    expect(got).toEqual([[{ event: 'presence', data: { people: ['Alice'] } }], [{ event: 'lost' }]]);
    expect(fake.listeners.get('cpw:live')).toEqual([]);
    expect(() => api.onLive(null as unknown as () => void)).toThrow(TypeError);
  });
});

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppCommand, CpwBridge, CpwChannels, FileDialog, SavedReport, TeamConnected, TeamConnectRequest } from '../../shared/ipc/bridge';
import type { DesktopLiveEvent } from '../../shared/ipc/live-events';

// Spelt through the shared types, so main and preload cannot name different channels.
const RPC_CHANNEL: CpwChannels['rpc'] = 'cpw:rpc';
const COMMAND_CHANNEL: CpwChannels['command'] = 'cpw:command';
const REPORT_CHANNEL: CpwChannels['report'] = 'cpw:report';
const FILE_CHANNEL: CpwChannels['file'] = 'cpw:file';
const TEAM_CHANNEL: CpwChannels['team'] = 'cpw:team';
const LIVE_CHANNEL: CpwChannels['live'] = 'cpw:live';

// A Record rather than a list: adding a command to AppCommand fails to compile until it is added here.
const COMMANDS: Record<AppCommand, true> = {
  undo: true,
  redo: true,
  'workbook-changed': true,
  import: true,
  glossary: true,
  shortcuts: true,
  welcome: true,
  tour: true,
  settings: true,
  'connect-team': true,
};

const isCommand = (name: unknown): name is AppCommand => typeof name === 'string' && Object.hasOwn(COMMANDS, name);

/**
 * Everything the window gets of Electron: six narrow methods. The renderer
 * never sees ipcRenderer, an event object or a channel name of its choosing;
 * main checks the sender of every call and the backend parses its input.
 */
const api = {
  rpc: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(RPC_CHANNEL, method, input),
  saveReport: (request: unknown): Promise<SavedReport> => ipcRenderer.invoke(REPORT_CHANNEL, request) as Promise<SavedReport>,
  fileDialog: (kind: FileDialog): Promise<void> => ipcRenderer.invoke(FILE_CHANNEL, kind) as Promise<void>,
  onCommand(listener: (command: AppCommand) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('onCommand needs a function');
    const forward = (_event: IpcRendererEvent, name: unknown) => {
      if (isCommand(name)) listener(name);
    };
    ipcRenderer.on(COMMAND_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(COMMAND_CHANNEL, forward);
    };
  },
  connectTeam: (request: TeamConnectRequest): Promise<TeamConnected> =>
    ipcRenderer.invoke(TEAM_CHANNEL, { address: String(request?.address ?? ''), token: String(request?.token ?? '') }) as Promise<TeamConnected>,
  onLive(listener: (event: DesktopLiveEvent) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('onLive needs a function');
    const forward = (_event: IpcRendererEvent, e: unknown) => {
      if (typeof e === 'object' && e !== null && typeof (e as { event?: unknown }).event === 'string') listener(e as DesktopLiveEvent);
    };
    ipcRenderer.on(LIVE_CHANNEL, forward);
    // Main says again who is signed in and who else is in, for this listener that came after the stream opened.
    void ipcRenderer.invoke(TEAM_CHANNEL, { replay: true });
    return () => {
      ipcRenderer.removeListener(LIVE_CHANNEL, forward);
    };
  },
} satisfies CpwBridge;

contextBridge.exposeInMainWorld('cpw', api);

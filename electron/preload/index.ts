import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppCommand, CpwBridge, CpwChannels, FileDialog, SavedReport } from '../../shared/ipc/bridge';

// Spelt through the shared types, so main and preload cannot name different channels.
const RPC_CHANNEL: CpwChannels['rpc'] = 'cpw:rpc';
const COMMAND_CHANNEL: CpwChannels['command'] = 'cpw:command';
const REPORT_CHANNEL: CpwChannels['report'] = 'cpw:report';
const FILE_CHANNEL: CpwChannels['file'] = 'cpw:file';

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
};

const isCommand = (name: unknown): name is AppCommand => typeof name === 'string' && Object.hasOwn(COMMANDS, name);

/**
 * Everything the window gets of Electron: four narrow methods. The renderer
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
} satisfies CpwBridge;

contextBridge.exposeInMainWorld('cpw', api);

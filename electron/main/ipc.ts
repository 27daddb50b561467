import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { RpcResult } from '../../shared/ipc/contract';
import type { AppCommand, CpwChannels, TeamConnected } from '../../shared/ipc/bridge';
import type { DesktopLiveEvent } from '../../shared/ipc/live-events';
import type { Backend } from '../backend/api';
import { isTrustedAppUrl } from './trusted-url';

export const RPC_CHANNEL: CpwChannels['rpc'] = 'cpw:rpc';
export const COMMAND_CHANNEL: CpwChannels['command'] = 'cpw:command';

/**
 * Refused with an error result rather than a throw: the renderer's transport
 * then reports it like any other failed call, and an untrusted frame learns
 * nothing but that it was refused.
 */
export const REFUSED: RpcResult<never> = {
  ok: false,
  error: { code: 'INVALID_INPUT', message: 'refused: the call did not come from the workbench window' },
};

/** The sending frame's URL; null when it is gone (navigated away or destroyed, when reading it may throw). */
function senderUrl(event: IpcMainInvokeEvent): string | null {
  try {
    const url = event.senderFrame?.url;
    return typeof url === 'string' ? url : null;
  } catch {
    return null;
  }
}

/** Whether an IPC call came from a frame of the app's own origin: the check every channel makes before it acts. */
export function fromWorkbench(event: IpcMainInvokeEvent): boolean {
  const url = senderUrl(event);
  return url !== null && isTrustedAppUrl(url);
}

/**
 * The RPC over IPC. Only a frame of the app's own origin may call: a page
 * that somehow got into a frame or window (the navigation rules should make
 * that impossible) must still not reach the workbook. The backend then
 * checks the method name and parses the input with the contract's zod schema.
 */
export function rpcHandler(backend: Pick<Backend, 'call'>) {
  return async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<RpcResult<unknown>> => {
    if (!fromWorkbench(event)) return REFUSED;
    // The backend answers a non-string method with UNKNOWN_METHOD itself, and refuses a window a path on disk.
    return backend.call(method as string, input, 'window');
  };
}

/** Returns the function that removes the handler (a second window or a test would register again). */
export function registerRpc(backend: Pick<Backend, 'call'>): () => void {
  ipcMain.handle(RPC_CHANNEL, rpcHandler(backend));
  return () => ipcMain.removeHandler(RPC_CHANNEL);
}

export const FILE_CHANNEL: CpwChannels['file'] = 'cpw:file';

/** The welcome screen's New and Open: main shows its own dialog and opens the choice; anything else is ignored. */
export function fileDialogHandler(dialogs: { newDialog(): Promise<void>; openDialog(): Promise<void> }) {
  return async (event: IpcMainInvokeEvent, kind: unknown): Promise<void> => {
    if (!fromWorkbench(event)) return;
    if (kind === 'new') await dialogs.newDialog();
    else if (kind === 'open') await dialogs.openDialog();
  };
}

export function sendCommand(contents: WebContents, command: AppCommand): void {
  if (!contents.isDestroyed()) contents.send(COMMAND_CHANNEL, command);
}

export const TEAM_CHANNEL: CpwChannels['team'] = 'cpw:team';
export const LIVE_CHANNEL: CpwChannels['live'] = 'cpw:live';

/** Connect to a team workbook, or say again who is signed in; from the workbench window only. */
export function teamHandler(team: { connect(request: unknown): Promise<TeamConnected>; replay(): void }) {
  return async (event: IpcMainInvokeEvent, request: unknown): Promise<TeamConnected | null> => {
    if (!fromWorkbench(event)) return REFUSED;
    if (typeof request === 'object' && request !== null && (request as { replay?: unknown }).replay === true) {
      team.replay();
      return null;
    }
    return team.connect(request);
  };
}

export function sendLive(contents: WebContents, e: DesktopLiveEvent): void {
  if (!contents.isDestroyed()) contents.send(LIVE_CHANNEL, e);
}

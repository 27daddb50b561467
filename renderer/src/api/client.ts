import { createClient, type Client } from '../../../shared/ipc/client';
import { httpTransport, tokenFromLocation } from './transports/http';
import { ipcTransport } from './transports/ipc';
import type { CpwBridge } from '../../../shared/ipc/bridge';

/** The desktop app's preload bridge; absent in browser mode. */
export function desktopBridge(): CpwBridge | undefined {
  return (window as unknown as { cpw?: CpwBridge }).cpw;
}

/** The sign-in token of browser mode (a team server's, or browser mode's own); null in the desktop app. */
export function browserToken(): string | null {
  return desktopBridge() ? null : tokenFromLocation(window.location, window.sessionStorage);
}

/** The one client of the window; it does not know whether IPC or HTTP carries its calls. */
export function makeClient(): Client {
  const bridge = desktopBridge();
  return createClient(bridge ? ipcTransport(bridge) : httpTransport(tokenFromLocation(window.location, window.sessionStorage)));
}

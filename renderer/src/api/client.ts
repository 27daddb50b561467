import { createClient, type Client } from '../../../shared/ipc/client';
import { httpTransport, tokenFromLocation } from './transports/http';
import { ipcTransport } from './transports/ipc';
import type { CpwBridge } from '../../../shared/ipc/bridge';
import { openLive, type LiveSource } from '../../../shared/ipc/live-events';

/** The desktop app's preload bridge; absent in browser mode. */
export function desktopBridge(): CpwBridge | undefined {
  return (window as unknown as { cpw?: CpwBridge }).cpw;
}

/**
 * Where the window hears a team server: in the desktop app, main's
 * connection passed on over IPC (nothing is heard while a file is open); in
 * the browser, the serving host's own stream with this page's token.
 */
export function liveSource(): LiveSource {
  const bridge = desktopBridge();
  if (bridge) {
    return ({ onEvent, onLost }) =>
      bridge.onLive((e) => {
        if (e.event === 'lost') onLost();
        else onEvent(e);
      });
  }
  const token = tokenFromLocation(window.location, window.sessionStorage);
  return (handlers) => openLive('./events', token, handlers);
}

/** The one client of the window; it does not know whether IPC or HTTP carries its calls. */
export function makeClient(): Client {
  const bridge = desktopBridge();
  return createClient(bridge ? ipcTransport(bridge) : httpTransport(tokenFromLocation(window.location, window.sessionStorage)));
}

import { createClient, type Client } from '../../../shared/ipc/client';
import { httpTransport, tokenFromLocation } from './transports/http';
import { ipcTransport, type RpcBridge } from './transports/ipc';

/** The one client of the window; it does not know whether IPC or HTTP carries its calls. */
export function makeClient(): Client {
  const bridge = (window as unknown as { cpw?: RpcBridge }).cpw;
  return createClient(bridge ? ipcTransport(bridge) : httpTransport(tokenFromLocation(window.location, window.sessionStorage)));
}

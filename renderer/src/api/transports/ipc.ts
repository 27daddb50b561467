import type { Transport } from '../../../../shared/ipc/client';
import type { RpcResult } from '../../../../shared/ipc/contract';

/** What the preload exposes as `window.cpw` in the desktop app. */
export interface RpcBridge {
  rpc(method: string, input: unknown): Promise<unknown>;
}

/** The desktop app: the RPC over Electron IPC through the preload's one narrow method. */
export function ipcTransport(bridge: RpcBridge): Transport {
  return async (method, input) => (await bridge.rpc(method, input)) as RpcResult<unknown>;
}

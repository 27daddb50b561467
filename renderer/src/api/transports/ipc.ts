import type { Transport } from '../../../../shared/ipc/client';
import type { CpwBridge } from '../../../../shared/ipc/bridge';
import type { RpcResult } from '../../../../shared/ipc/contract';


/** The desktop app: the RPC over Electron IPC through the preload's one narrow method. */
export function ipcTransport(bridge: Pick<CpwBridge, 'rpc'>): Transport {
  return async (method, input) => (await bridge.rpc(method, input)) as RpcResult<unknown>;
}

import type { Transport } from '../../../../shared/ipc/client';
import type { RpcResult } from '../../../../shared/ipc/contract';

/** Browser mode: the RPC posted as JSON to the host that served this page, with the run's token. */
export function httpTransport(token: string): Transport {
  return async (method, input) => {
    const res = await fetch('./rpc', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ method, input }),
    });
    if (res.status === 401) {
      return { ok: false, error: { code: 'DENIED', message: 'the team server did not accept your sign-in token (missing, mistyped or revoked): open the address your admin sent, with ?token=' } };
    }
    if (!res.ok) {
      return { ok: false, error: { code: 'IO_ERROR', message: `the workbench host answered ${res.status}: ${await res.text()}` } };
    }
    return (await res.json()) as RpcResult<unknown>;
  };
}

/** The token is in the address the host printed; it is kept for reloads that drop the query. */
export function tokenFromLocation(location: Location, storage: Storage): string {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) storage.setItem('cpw-token', fromUrl);
  return fromUrl ?? storage.getItem('cpw-token') ?? '';
}

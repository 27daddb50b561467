import type { RpcResult } from '../../shared/ipc/contract';
import { openLive, type DesktopLiveEvent, type LiveEvent, type TeamSignIn } from '../../shared/ipc/live-events';

/** A window's connection to a team server: its calls, as the person the token signs in, and its stream of events. */
export interface TeamLink {
  readonly address: string;
  readonly me: TeamSignIn;
  /** The last word of the stream on who is in: what a window that subscribes late is told again. */
  replay(): DesktopLiveEvent[];
  call(method: string, input: unknown): Promise<RpcResult<unknown>>;
  close(): void;
}

export interface TeamLinkOptions {
  address: string;
  token: string;
  /** Every event of the server's stream, and `lost` when it drops after being open. */
  onEvent(e: DesktopLiveEvent): void;
}

const unreachable = (address: string, why: string): RpcResult<never> => ({
  ok: false,
  error: { code: 'UNREACHABLE', message: `the team server at ${address} cannot be reached (${why}): what you see is the last data read, and nothing you type is saved until it answers again` },
});

/**
 * One call posted to the server as the RPC over HTTP, the token in the
 * Authorization header. A server out of reach, a refused token or an answer
 * that is not the RPC's is an error result in words, never a throw, so the
 * window shows it like any refusal.
 */
export async function callTeam(address: string, token: string, method: string, input: unknown): Promise<RpcResult<unknown>> {
  let res: Response;
  try {
    res = await fetch(`${address}/rpc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ method, input }),
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return unreachable(address, cause?.code ?? cause?.message ?? (e as Error).message);
  }
  if (res.status === 401) {
    return { ok: false, error: { code: 'DENIED', message: `the team server at ${address} did not accept your sign-in token (mistyped, or revoked by an admin): ask your admin for a new one (cpw users add)` } };
  }
  const text = await res.text();
  if (!res.ok) return { ok: false, error: { code: 'IO_ERROR', message: `the team server at ${address} answered ${res.status}: ${text.slice(0, 300)}` } };
  try {
    const result = JSON.parse(text) as RpcResult<unknown>;
    if (typeof result === 'object' && result !== null && typeof result.ok === 'boolean') return result;
  } catch {
    // Said below.
  }
  return { ok: false, error: { code: 'IO_ERROR', message: `${address} answered, but not as a team server does (is it the address of cpw serve?)` } };
}

/**
 * Signs in (`team.me`), then opens the server's event stream for as long as
 * the link lives, again a second after each drop. The token stays in the
 * main process: the window gets the events and the answers, never it.
 */
export async function connectTeam(o: TeamLinkOptions): Promise<RpcResult<TeamLink>> {
  const me = await callTeam(o.address, o.token, 'team.me', {});
  if (!me.ok) return me;
  const signedIn = me.value as TeamSignIn & { people?: string[] };
  let people: string[] = signedIn.people ?? [signedIn.name];
  let hello: TeamSignIn = { name: signedIn.name, role: signedIn.role, owner: signedIn.owner, workbook: signedIn.workbook };
  let lost = false;
  const close = openLive(`${o.address}/events`, o.token, {
    onEvent(e: LiveEvent) {
      if (e.event === 'hello') {
        hello = e.data;
        lost = false;
      } else if (e.event === 'presence') people = e.data.people;
      o.onEvent(e);
    },
    onLost() {
      lost = true;
      o.onEvent({ event: 'lost' });
    },
  });
  return {
    ok: true,
    value: {
      address: o.address,
      me: hello,
      replay: () => [{ event: 'hello', data: hello }, { event: 'presence', data: { people } }, ...(lost ? [{ event: 'lost' } as const] : [])],
      call: (method, input) => callTeam(o.address, o.token, method, input),
      close,
    },
  };
}

import type { TeamConnected } from '../../shared/ipc/bridge';
import type { RpcResult } from '../../shared/ipc/contract';
import type { DesktopLiveEvent } from '../../shared/ipc/live-events';
import { isTeamAddress, parseTeamAddress, teamOfRecentEntry, teamRecentEntry, type Backend, type Caller } from '../backend/api';
import { connectTeam, type TeamLink } from './team-link';
import type { TeamTokens } from './team-tokens';

export interface TeamSessionOptions {
  backend: Pick<Backend, 'call' | 'profile'>;
  tokens: TeamTokens;
  /** An event of the team server, for the window. */
  send(e: DesktopLiveEvent): void;
  /** The window's workbook is another one now (a team workbook joined or left): the menu and the window catch up. */
  changed(): void;
}

export interface TeamSession {
  /** One call of the window: to the team server while connected, else to the workbook file; opening a file leaves the team. */
  call(method: string, input: unknown, caller?: Caller): Promise<RpcResult<unknown>>;
  /** File > Connect to Team Workbook…, with what the person typed (the page's values, checked here). */
  connect(request: unknown): Promise<TeamConnected>;
  /** A team workbook of the recent list (its entry), joined with the token kept for it, or why not. */
  openEntry(entry: string): Promise<RpcResult<unknown>>;
  /** At start, when the last workbook was a team one whose token is kept: connected again, or why not. */
  resume(): Promise<RpcResult<unknown> | null>;
  /** Says again to the window who is signed in and who else is in. */
  replay(): void;
  current(): TeamLink | null;
  close(): void;
}

/** These open a file of the person's own: the window leaves the team workbook for it. Settings and the recent list are the person's wherever the workbook is. */
const LOCAL = /^(workbook\.(open|create|openSample|createNamed|openRecent)|profile\.[a-zA-Z]+)$/;
const LEAVES = /^workbook\.(open|create|openSample|createNamed|openRecent)$/;

const refused = (code: 'INVALID_INPUT' | 'DENIED', message: string): RpcResult<never> => ({ ok: false, error: { code, message } });

/**
 * The desktop window's one door to its workbook, a file or a team server.
 * The window keeps calling over IPC as always; main holds the token and the
 * connection, so the renderer still never reaches the network or the disk.
 */
export function teamSession(o: TeamSessionOptions): TeamSession {
  let link: TeamLink | null = null;

  function leave(): void {
    link?.close();
    link = null;
  }

  async function join(address: string, token: string, fromStore: boolean): Promise<TeamConnected> {
    const r = await connectTeam({ address, token, onEvent: (e) => { if (link?.address === address) o.send(e); } });
    if (!r.ok) {
      // A kept token the server no longer takes is forgotten, so the next try asks for a new one.
      if (fromStore && r.error.code === 'DENIED') o.tokens.forget(address);
      return r;
    }
    leave();
    // One window, one workbook: the file is closed, so its lock is free for the command line or another window.
    await o.backend.call('workbook.close', {}, 'local');
    link = r.value;
    const tokenKept = o.tokens.keep(address, token);
    o.backend.profile?.recent.remember(teamRecentEntry(address, link.me.workbook));
    o.changed();
    return { ok: true, value: { ...link.me, address, tokenKept } };
  }

  async function joinKept(entry: string): Promise<RpcResult<unknown>> {
    const { address } = teamOfRecentEntry(entry);
    const token = o.tokens.tokenFor(address);
    if (token === null) return refused('DENIED', `sign in to the team workbook at ${address} again: File > Connect to Team Workbook…, with the token your admin sent`);
    return join(address, token, true);
  }

  return {
    async call(method, input, caller) {
      if (method === 'workbook.openRecent' && typeof input === 'object' && input !== null) {
        const index = (input as { index?: unknown }).index;
        const entry = typeof index === 'number' ? o.backend.profile?.recent.list()[index] : undefined;
        if (entry !== undefined && isTeamAddress(entry)) return joinKept(entry);
      }
      if (!link || LOCAL.test(method)) {
        const r = await o.backend.call(method, input, caller);
        if (link && r.ok && LEAVES.test(method)) {
          leave();
          o.changed();
        }
        return r;
      }
      return link.call(method, input);
    },
    async connect(request) {
      const { address: typed, token: given } = (typeof request === 'object' && request !== null ? request : {}) as { address?: unknown; token?: unknown };
      if (typeof typed !== 'string' || typed.trim() === '' || typed.length > 2000) return refused('INVALID_INPUT', "type the team server's address, e.g. https://cpw.example.com:8787");
      if (typeof given !== 'string' || given.length > 2000) return refused('INVALID_INPUT', 'the sign-in token is text, as your admin sent it');
      let parsed;
      try {
        parsed = parseTeamAddress(typed);
      } catch (e) {
        return refused('INVALID_INPUT', (e as Error).message);
      }
      const typedToken = given.trim() || parsed.token;
      const token = typedToken ?? o.tokens.tokenFor(parsed.address);
      if (token === null) return refused('INVALID_INPUT', 'paste the sign-in token your admin sent you (it begins cpw_)');
      return join(parsed.address, token, typedToken === null);
    },
    openEntry: joinKept,
    async resume() {
      const last = o.backend.profile?.recent.list()[0];
      return last !== undefined && isTeamAddress(last) ? joinKept(last) : null;
    },
    replay() {
      for (const e of link?.replay() ?? []) o.send(e);
    },
    current: () => link,
    close: leave,
  };
}

/**
 * What a team server's stream says (electron/backend/team/server.ts), read
 * the same way by the browser window and by the desktop app's main process,
 * which passes it on to its window over IPC.
 */
export type LiveEvent =
  | { event: 'hello'; data: TeamSignIn }
  | { event: 'presence'; data: { people: string[] } }
  | { event: 'change'; data: { kind: 'rows'; by: string; period: string; accounts: string[] } | { kind: 'workbook'; by: string } };

/** Who a sign-in token is, on which workbook: the server's first word on a stream, and its answer to `team.me`. */
export interface TeamSignIn {
  name: string;
  role: string;
  owner: string | null;
  workbook: string;
}

/** What the desktop app's main process passes on to its window: the server's events, and `lost` when the stream drops. */
export type DesktopLiveEvent = LiveEvent | { event: 'lost' };

const NAMES: ReadonlySet<string> = new Set(['hello', 'presence', 'change']);

/** The whole events in a stream's text so far (`event:` and `data:` lines, a blank line after each), and what is left to come. */
export function readEvents(text: string): { events: LiveEvent[]; rest: string } {
  const events: LiveEvent[] = [];
  let cut: number;
  while ((cut = text.indexOf('\n\n')) >= 0) {
    const block = text.slice(0, cut);
    text = text.slice(cut + 2);
    const event = /^event: (.*)$/m.exec(block)?.[1];
    const data = /^data: (.*)$/m.exec(block)?.[1];
    // Comments (the server's heartbeat) and events of a newer server are skipped, not guessed at.
    if (event && data && NAMES.has(event)) events.push({ event, data: JSON.parse(data) } as LiveEvent);
  }
  return { events, rest: text };
}

export interface StreamReader {
  read(): Promise<{ value?: Uint8Array; done: boolean }>;
}

/** Hands each event of an open stream to `onEvent` until the stream ends. */
export async function pumpEvents(reader: StreamReader, onEvent: (e: LiveEvent) => void): Promise<void> {
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    text += decoder.decode(value, { stream: true });
    const { events, rest } = readEvents(text);
    text = rest;
    for (const e of events) onEvent(e);
  }
}

export interface LiveHandlers {
  onEvent(e: LiveEvent): void;
  /** The stream ended or could not be opened, after it had been open: the server is out of reach. */
  onLost(): void;
}

/**
 * A team server's server-sent events, read with fetch so the sign-in token
 * travels in the Authorization header (EventSource cannot send one), opened
 * again a second after it drops. A host that is not a team server (browser
 * mode on one's own file) answers 404 and the stream is never retried. The
 * browser window reads `./events`; the desktop app's main process the
 * address it connected to, and passes the events on over IPC.
 */
/** Where a window hears a team server: the stream opened with these handlers, and the function that closes it. */
export type LiveSource = (handlers: LiveHandlers) => () => void;

export function openLive(url: string, token: string, handlers: LiveHandlers): () => void {
  let stopped = false;
  let abort = new AbortController();
  let everOpen = false;
  const run = async (): Promise<void> => {
    while (!stopped) {
      abort = new AbortController();
      try {
        const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, signal: abort.signal });
        if (res.status === 404) return;
        if (!res.ok || !res.body) throw new Error(`events answered ${res.status}`);
        everOpen = true;
        await pumpEvents(res.body.getReader(), handlers.onEvent);
      } catch {
        // Out of reach: said below, tried again.
      }
      if (stopped) return;
      if (everOpen) handlers.onLost();
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
  void run();
  return () => {
    stopped = true;
    abort.abort();
  };
}

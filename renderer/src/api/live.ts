/** What a team server's stream says (electron/backend/team/server.ts). */
export type LiveEvent =
  | { event: 'hello'; data: { name: string; role: string; owner: string | null; workbook: string } }
  | { event: 'presence'; data: { people: string[] } }
  | { event: 'change'; data: { kind: 'rows'; by: string; period: string; accounts: string[] } | { kind: 'workbook'; by: string } };

/** The whole events in a stream's text so far (`event:` and `data:` lines, a blank line after each), and what is left to come. */
export function readEvents(text: string): { events: { event: string; data: unknown }[]; rest: string } {
  const events: { event: string; data: unknown }[] = [];
  let cut: number;
  while ((cut = text.indexOf('\n\n')) >= 0) {
    const block = text.slice(0, cut);
    text = text.slice(cut + 2);
    const event = /^event: (.*)$/m.exec(block)?.[1];
    const data = /^data: (.*)$/m.exec(block)?.[1];
    if (event && data) events.push({ event, data: JSON.parse(data) });
  }
  return { events, rest: text };
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
 * mode on one's own file) answers 404 and the stream is never retried.
 */
export function openLive(token: string, handlers: LiveHandlers): () => void {
  let stopped = false;
  let abort = new AbortController();
  let everOpen = false;
  const run = async (): Promise<void> => {
    while (!stopped) {
      abort = new AbortController();
      try {
        const res = await fetch('./events', { headers: { Authorization: `Bearer ${token}` }, signal: abort.signal });
        if (res.status === 404) return;
        if (!res.ok || !res.body) throw new Error(`events answered ${res.status}`);
        everOpen = true;
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        let text = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
          const { events, rest } = readEvents(text);
          text = rest;
          for (const e of events) handlers.onEvent(e as LiveEvent);
        }
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

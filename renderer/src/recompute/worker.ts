// The recompute worker: full recomputes of a large period run here, off the window's thread (off-thread.ts).
import { createRecomputer, transferablesOf, type ToWorker } from './protocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
};
const recompute = createRecomputer();

scope.onmessage = (e) => {
  try {
    const reply = recompute(e.data);
    if (reply) scope.postMessage(reply, 'parts' in reply ? transferablesOf(reply.parts) : []);
  } catch (error) {
    scope.postMessage({ request: (e.data as { request?: number }).request ?? -1, error: String(error) }, []);
  }
};

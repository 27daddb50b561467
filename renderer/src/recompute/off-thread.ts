import type { SheetColumns } from '../../../shared/engine/columns';
import type { ResultParts } from '../../../shared/engine/sheet';
import type { Assumptions } from '../../../shared/schemas/assumptions';
import { computeMessage, shapeMessage, type FromWorker } from './protocol';

/**
 * From this many accounts a full recompute goes to the worker: at 20,000
 * one takes about a frame (16 ms) on a modest laptop, and the window should
 * not stop answering while it runs. Below it the window computes at once.
 */
export const OFF_THREAD_FROM = 20_000;

/**
 * Full recomputes of a period in a Web Worker. The numbers are copied to it
 * with each request, so an edit made while it works does not reach that
 * request: the caller compares and asks again. One worker, started on the
 * first request.
 */
export class OffThreadRecompute {
  private worker: Worker | null = null;
  private readonly shapes = new WeakMap<SheetColumns, number>();
  private sentShape = 0;
  private nextShape = 1;
  private nextRequest = 1;
  private readonly waiting = new Map<number, { resolve: (parts: ResultParts) => void; reject: (e: Error) => void }>();

  constructor(private readonly start: () => Worker = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })) {}

  private port(): Worker {
    if (this.worker) return this.worker;
    const worker = this.start();
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const waiter = this.waiting.get(e.data.request);
      this.waiting.delete(e.data.request);
      if (!waiter) return;
      if ('error' in e.data) waiter.reject(new Error(`The recompute failed: ${e.data.error}`));
      else waiter.resolve(e.data.parts);
    };
    worker.onerror = (e) => {
      // A worker that cannot run (a script refused, say) fails every request; the next one starts a new worker.
      for (const w of this.waiting.values()) w.reject(new Error(`The recompute worker stopped: ${e.message || 'it could not run'}`));
      this.waiting.clear();
      worker.terminate();
      this.worker = null;
      this.sentShape = 0;
    };
    this.worker = worker;
    return worker;
  }

  /** The parts of the period's result under `a`, from its columns as they are at the call. */
  compute(columns: SheetColumns, a: Assumptions): Promise<ResultParts> {
    const worker = this.port();
    let shape = this.shapes.get(columns);
    if (shape === undefined) this.shapes.set(columns, (shape = this.nextShape++));
    if (shape !== this.sentShape) {
      worker.postMessage(shapeMessage(shape, columns));
      this.sentShape = shape;
    }
    const request = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.waiting.set(request, { resolve, reject });
      worker.postMessage(computeMessage(request, shape, columns, a));
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}

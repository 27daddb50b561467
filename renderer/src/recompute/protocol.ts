import { FLOAT_FIELDS, type FloatField, type SheetColumns } from '../../../shared/engine/columns';
import { computeColumns, resultParts, type ResultParts } from '../../../shared/engine/sheet';
import type { Assumptions } from '../../../shared/schemas/assumptions';

/**
 * The messages between the window and the recompute worker. A period's
 * names, owners and pinned segments change only when the sheet is rebuilt,
 * so they cross once per build ("shape"); its numbers cross with each
 * recompute ("compute"), copied, and the result comes back as typed arrays
 * whose memory is handed over rather than copied.
 */
export interface ShapeMessage {
  kind: 'shape';
  shape: number;
  n: number;
  account: readonly string[];
  accountKey: readonly string[];
  owners: readonly string[];
  ownerIds: Int32Array;
  segmentOverride: Int8Array;
}

export interface ComputeMessage {
  kind: 'compute';
  request: number;
  shape: number;
  assumptions: Assumptions;
  status: Uint8Array;
  floats: Record<FloatField, Float64Array>;
}

export type ToWorker = ShapeMessage | ComputeMessage;

export type FromWorker = { request: number; parts: ResultParts } | { request: number; error: string };

export function shapeMessage(shape: number, c: SheetColumns): ShapeMessage {
  return { kind: 'shape', shape, n: c.n, account: c.account, accountKey: c.accountKey, owners: c.owners, ownerIds: c.ownerIds, segmentOverride: c.segmentOverride };
}

export function computeMessage(request: number, shape: number, c: SheetColumns, assumptions: Assumptions): ComputeMessage {
  const floats = Object.fromEntries(FLOAT_FIELDS.map((f) => [f, c[f]])) as Record<FloatField, Float64Array>;
  return { kind: 'compute', request, shape, assumptions, status: c.status, floats };
}

/** The worker's side: it keeps the latest shape and computes each request against it. */
export function createRecomputer() {
  let shape: ShapeMessage | null = null;
  return (message: ToWorker): FromWorker | null => {
    if (message.kind === 'shape') {
      shape = message;
      return null;
    }
    if (!shape || shape.shape !== message.shape) return { request: message.request, error: 'the sheet changed shape before this recompute arrived' };
    const { n, account, accountKey, owners, ownerIds, segmentOverride } = shape;
    // The window groups by dimensions with its own columns: the worker computes the figures only.
    const columns: SheetColumns = { n, account, accountKey, owners, ownerIds, segmentOverride, status: message.status, dimensions: [], ...message.floats };
    return { request: message.request, parts: resultParts(computeColumns(columns, message.assumptions)) };
  };
}

/** The memory of a result's arrays, handed to the window with the message. */
export function transferablesOf(parts: ResultParts): ArrayBuffer[] {
  const arrays = [...Object.values(parts.metrics), parts.tally, parts.owners, parts.order, parts.cum] as ArrayBufferView[];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

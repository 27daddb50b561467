import { describe, expect, it } from 'vitest';
import { createRecomputer, computeMessage, shapeMessage, transferablesOf, type FromWorker } from '../../../renderer/src/recompute/protocol';
import { toColumns } from '../../../shared/engine/columns';
import { computeColumns, editAccount, resultFromParts } from '../../../shared/engine/sheet';
import { accountResults, toPortfolio } from '../../../shared/engine/results';
import { DEFAULT_ASSUMPTIONS } from '../../../shared/schemas/assumptions';
import { generatePortfolio } from '../../bench/portfolio';

// The worker's side of a full recompute, run here on the real engine; the messages go through
// structuredClone with their transfer lists, as postMessage sends them.
const post = <T>(message: T, transfer: ArrayBuffer[] = []): T => structuredClone(message, { transfer });

describe('the recompute worker protocol', () => {
  const columns = toColumns(generatePortfolio(3_000, 7));
  const a = { ...DEFAULT_ASSUMPTIONS, dailyRate: 1_500, marginSplit: 0.2 };

  it('gives back the parts of the period under the new assumptions, from which the window makes the same result', () => {
    const worker = createRecomputer();
    expect(worker(post(shapeMessage(1, columns)))).toBeNull();
    const reply = worker(post(computeMessage(7, 1, columns, a))) as Extract<FromWorker, { parts: unknown }>;
    expect(reply.request).toBe(7);
    const received = post(reply, transferablesOf(reply.parts));
    expect(reply.parts.cum.byteLength).toBe(0); // handed over, not copied: the worker keeps nothing of it
    const result = resultFromParts(columns, a, received.parts);
    const expected = computeColumns(columns, a);
    expect(accountResults(result)).toEqual(accountResults(expected));
    expect(toPortfolio(result)).toEqual(toPortfolio(expected));
    // The result made from parts is followed by edits like any other.
    const edited = editAccount(result, 5, () => void (columns.service[5] = columns.service[5]! + 10_000));
    expect(toPortfolio(edited)).toEqual(toPortfolio(computeColumns(columns, a)));
  });

  it('computes from the numbers sent with the request, and refuses a request for a sheet whose shape it does not hold', () => {
    const worker = createRecomputer();
    worker(post(shapeMessage(1, columns)));
    const copy = { ...columns, revenue: Float64Array.from(columns.revenue, (v) => v * 2) };
    const reply = worker(post(computeMessage(8, 1, copy, a))) as Extract<FromWorker, { parts: unknown }>;
    expect(resultFromParts(copy, a, reply.parts).figures.revenue).toBe(computeColumns(copy, a).figures.revenue);
    expect(worker(post(computeMessage(9, 2, columns, a)))).toEqual({ request: 9, error: 'the sheet changed shape before this recompute arrived' });
  });
});

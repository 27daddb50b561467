import type { Assumptions } from '../schemas/assumptions';
import { ACCOUNT_CELLS, toPortfolio } from './results';
import type { SheetResult } from './sheet';
import type { PlanFigures } from '../schemas/report';
import type { PlanVariance } from '../schemas/plan';

/**
 * The report of a computed period as JSON text, in pieces: byte for byte
 * `JSON.stringify(report, null, 2)` of DOMAIN.md's report, written from the
 * engine's typed arrays. At 100,000 accounts the objects and the one 107 MB
 * string that stringify needs were most of `cpw report --json`'s wait and
 * memory; this holds one piece at a time.
 */

/** A value as JSON.stringify writes it at the top of its line: a number not finite is null. */
function scalar(v: string | number | null | Readonly<Record<string, string | null>>): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (v !== null && typeof v === 'object') return nested(v, 3);
  return v === null ? 'null' : JSON.stringify(v);
}

/** JSON.stringify(v, null, 2) for a value nested `depth` levels in. */
const nested = (v: unknown, depth: number) => JSON.stringify(v, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);

const ACCOUNT_KEYS = ACCOUNT_CELLS.map(([key], k) => `${k === 0 ? '' : ','}\n      ${JSON.stringify(key)}: `);

/** Pieces are this many characters or a little more: few enough writes, little held. */
const PIECE = 1 << 20;

/** A marker stringify leaves where the whale curve's points go. */
const WHALE_MARK = '\u0000whale-curve\u0000';

export interface ReportHead {
  period: string;
  currency: string;
  assumptions: Assumptions;
}

/** The period's plan and its variance (DOMAIN.md, "Plan, dimensions"): written after the portfolio when the period has a plan. */
export interface ReportPlan {
  plan: PlanFigures;
  variance: PlanVariance;
}

export function* reportJson(head: ReportHead, r: SheetResult, planned?: ReportPlan): Generator<string> {
  const end = planned === undefined ? '\n}' : `,\n  "plan": ${nested(planned.plan, 1)},\n  "variance": ${nested(planned.variance, 1)}\n}`;
  const n = r.columns.n;
  let out = `{\n  "period": ${JSON.stringify(head.period)},\n  "currency": ${JSON.stringify(head.currency)},\n  "assumptions": ${nested(head.assumptions, 1)},\n  "accounts": [`;
  for (let i = 0; i < n; i++) {
    out += i === 0 ? '\n    {' : ',\n    {';
    for (let k = 0; k < ACCOUNT_CELLS.length; k++) out += ACCOUNT_KEYS[k]! + scalar(ACCOUNT_CELLS[k]![1](r, i));
    out += '\n    }';
    if (out.length >= PIECE) {
      yield out;
      out = '';
    }
  }
  out += n === 0 ? '],\n  "portfolio": ' : '\n  ],\n  "portfolio": ';
  const whale = r.whale;
  const text = nested(toPortfolio(r, whale === null ? null : (WHALE_MARK as unknown as [])), 1);
  if (whale === null) {
    yield `${out}${text}${end}`;
    return;
  }
  const [before, after] = text.split(JSON.stringify(WHALE_MARK)) as [string, string];
  out += before + (whale.length === 0 ? '[]' : '[');
  for (let k = 0; k < whale.length; k++) {
    out += `${k === 0 ? '' : ','}\n      {\n        "x": ${scalar((k + 1) / n)},\n        "y": ${scalar(whale[k]!)}\n      }`;
    if (out.length >= PIECE) {
      yield out;
      out = '';
    }
  }
  yield `${out}${whale.length === 0 ? '' : '\n    ]'}${after}${end}`;
}

import { preCall } from '../../../../shared/engine/interactions';
import type { Assumptions } from '../../../../shared/schemas/assumptions';
import type { Interaction, PreCallResult } from '../../../../shared/schemas/interaction';
import { parseNumber } from '../../../../shared/text/numbers';

export type Logged = Interaction & { id: number };
/** A logged interaction with what DOMAIN.md computes of it, as the log grid shows it. */
export type LogRow = Logged & PreCallResult;

export function withFigures(log: readonly Logged[], a: Assumptions): LogRow[] {
  return log.map((it) => ({ ...it, ...preCall(it, a) }));
}

/**
 * A win probability typed as a percentage ("40" or "40%" is 0.4), the way the
 * form and the grid ask for it; null for what is not a number.
 */
export function readPercent(text: string): number | null {
  const n = parseNumber(text);
  if (!n.ok || n.value === null) return null;
  return n.percent ? n.value : n.value / 100;
}

/** A plain amount or count typed in a form field; blank is `blank`, junk is null. */
export function readAmount(text: string, blank = 0): number | null {
  const n = parseNumber(text);
  if (!n.ok) return null;
  return n.value ?? blank;
}

const today = () => new Date().toISOString().slice(0, 10);
export { today };

import { z } from 'zod';
import * as assumptions from '../../shared/schemas/assumptions';
import * as interaction from '../../shared/schemas/interaction';
import * as pools from '../../shared/schemas/pools';
import * as report from '../../shared/schemas/report';
import * as row from '../../shared/schemas/row';
import * as scenario from '../../shared/schemas/scenario';
import * as settings from '../../shared/schemas/settings';
import * as trends from '../../shared/schemas/trends';
import { FIELDS, METRICS } from '../../shared/catalogue';

/** Every key of a zod schema, through objects, arrays, unions and optionals. */
function keysOf(schema: unknown, into: Set<string>, seen = new Set<unknown>()): void {
  if (!(schema instanceof z.ZodType) || seen.has(schema)) return;
  seen.add(schema);
  const def = (schema as unknown as { def: Record<string, unknown> }).def;
  if (schema instanceof z.ZodObject) {
    for (const [k, v] of Object.entries(schema.shape as Record<string, unknown>)) {
      into.add(k);
      keysOf(v, into, seen);
    }
  }
  for (const part of [def.innerType, def.element, def.in, def.out, def.valueType, ...((def.options as unknown[]) ?? [])]) keysOf(part, into, seen);
}

/**
 * The names of the code a person must never read on a screen: the field,
 * metric and setting ids written in camelCase (winProbability, dailyRate,
 * costToRevenue), and the lowercase ones that are not words (roi, nps).
 */
export function fieldIds(): string[] {
  const all = new Set<string>([...FIELDS.map((f) => f.name), ...METRICS.map((m) => m.name)]);
  for (const mod of [assumptions, interaction, pools, report, row, scenario, settings, trends]) for (const v of Object.values(mod)) keysOf(v, all);
  return [...all].filter((k) => /[a-z][A-Z]/.test(k) || ['roi', 'nps', 'csat', 'clv'].includes(k)).sort();
}

/** The ids found as whole words in a screen's visible text. */
export function leakedIds(text: string, ids: readonly string[]): string[] {
  return ids.filter((id) => new RegExp(`(^|[^A-Za-z0-9_])${id}([^A-Za-z0-9_]|$)`).test(text));
}

import { ASSUMPTION_KEYS, type AssumptionsPatch } from '../../../shared/schemas/assumptions';
import { parseNumber } from '../../../shared/text/numbers';
import { UsageError, flag, pair, type Command } from '../args';
import { table } from '../print';
import { openWorkbookFor } from '../open';

function value(key: string, raw: string): string | number | null {
  if (key === 'currency') return raw;
  if ((key === 'revenueSplit' || key === 'marginSplit') && /^(auto|none|)$/i.test(raw)) return null;
  const n = parseNumber(raw);
  if (!n.ok) throw new UsageError(`${key}=${raw}: ${key} ${n.rule}`);
  if (n.value === null) throw new UsageError(`${key}=${raw}: ${key} must be a number`);
  if (n.percent && key !== 'marginSplit') throw new UsageError(`${key}=${raw}: ${key} is not a percentage`);
  return n.value;
}

export const assumeCommand: Command = {
  summary: 'show or set the assumptions (dailyRate=1200 ...)',
  usage: `cpw assume FILE [key=value...] [--json]

Without pairs, print the assumptions. With pairs, set them, all or none:
${ASSUMPTION_KEYS.join(', ')}.
revenueSplit=auto and marginSplit=auto go back to the period's median revenue
and portfolio margin.`,
  options: { json: { type: 'boolean' } },
  positionals: [1, Infinity],
  async run(args, client, io) {
    const [file, ...pairs] = args.positionals as [string, ...string[]];
    const patch: Record<string, unknown> = {};
    for (const p of pairs) {
      const [key, raw] = pair(p, 'an assumption');
      if (!(ASSUMPTION_KEYS as string[]).includes(key)) {
        throw new UsageError(`"${key}" is not an assumption (they are: ${ASSUMPTION_KEYS.join(', ')})`);
      }
      patch[key] = value(key, raw);
    }
    await openWorkbookFor(client, io, file, pairs.length === 0);
    const a = pairs.length
      ? await client.call('assumptions.set', { patch: patch as AssumptionsPatch })
      : await client.call('assumptions.get');
    if (flag(args, 'json')) io.out(JSON.stringify(a, null, 2));
    else io.out(table(['Assumption', 'Value'], Object.entries(a).map(([k, v]) => [k, v === null ? 'auto' : String(v)]), ['left', 'right']));
    return 0;
  },
};

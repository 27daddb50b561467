import { formatMoney, formatMultiple } from '../../../shared/format';
import { UsageError, flag, numberOption, required, type Command } from '../args';
import { openWorkbookFor } from '../open';

export const precallCommand: Command = {
  summary: 'the pre-call check: cost, expected return and verdict of a planned interaction',
  usage: `cpw precall FILE --account NAME --hours H [--prep H] [--attendees N] [--travel X]
           --projected X --probability P [--json]

Price an interaction before it happens: cost = (hours + prep) x attendees x
dailyRate / hoursPerDay + travel; expected return = projected revenue x win
probability; verdict Invest at investThreshold (3x) and above, Review from
reviewThreshold (1x), Skip below. --probability is a fraction (0.3) or a
percentage (30%).`,
  options: {
    account: { type: 'string' },
    hours: { type: 'string' },
    prep: { type: 'string' },
    attendees: { type: 'string' },
    travel: { type: 'string' },
    projected: { type: 'string' },
    probability: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: [1, 1],
  async run(args, client, io) {
    const file = args.positionals[0]!;
    const account = required(args, 'account');
    required(args, 'hours');
    required(args, 'projected');
    required(args, 'probability');
    const probability = numberOption(args, 'probability', true)!;
    if (probability < 0 || probability > 1) {
      throw new UsageError(`--probability must be a fraction from 0 to 1, or a percentage like 30% (got "${args.values.probability}")`);
    }
    const plan = {
      hours: numberOption(args, 'hours')!,
      prepHours: numberOption(args, 'prep') ?? 0,
      attendees: numberOption(args, 'attendees') ?? 1,
      travel: numberOption(args, 'travel') ?? 0,
      projectedRevenue: numberOption(args, 'projected')!,
      winProbability: probability,
    };
    const info = await openWorkbookFor(client, io, file, true);
    const r = await client.call('precall.check', { account, plan });
    if (flag(args, 'json')) {
      io.out(JSON.stringify(r, null, 2));
      return 0;
    }
    const money = (v: number) => formatMoney(v, info.currency);
    io.out(
      `Pre-call check for ${r.account}: cost ${money(r.cost)}, expected return ${money(r.expectedReturn)}, ` +
        `return multiple ${formatMultiple(r.returnMultiple)} -> ${r.verdict}`,
    );
    return 0;
  },
};

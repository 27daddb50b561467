import { UsageError, flag, required, type Command } from '../args';
import { openWorkbookFor } from '../open';
import { fillWords } from '../../backend/handlers/plan';

export const planCommand: Command = {
  summary: "make a period's plan from its actuals, or clear it",
  usage: `cpw plan FILE --period LABEL (--from-actuals [--empty-only] | --clear) [--json]

A period may hold a plan beside its actuals (DOMAIN.md, "Plan, dimensions"):
import one with cpw import FILE SHEET --period LABEL --plan, or make one here.
--from-actuals copies the period's actuals into its plan, replacing any plan
it had; with --empty-only it fills the plan's empty cells only: accounts the
plan lacks are added as copies, optional fields left blank take the actuals'
value, and nothing already in the plan is overwritten. --clear removes the
plan. Each is one step of the history (the window's Undo takes it back).
cpw report then carries "plan" and "variance" (actual minus plan).`,
  options: { period: { type: 'string' }, 'from-actuals': { type: 'boolean' }, 'empty-only': { type: 'boolean' }, clear: { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: [1, 1],
  async run(args, client, io) {
    const file = args.positionals[0]!;
    const period = required(args, 'period');
    const [copy, clear] = [flag(args, 'from-actuals'), flag(args, 'clear')];
    if (copy === clear) throw new UsageError('say what to do: --from-actuals or --clear');
    if (flag(args, 'empty-only') && !copy) throw new UsageError('--empty-only goes with --from-actuals');
    await openWorkbookFor(client, io, file, false);
    if (clear) {
      const done = await client.call('plan.clear', { period });
      if (flag(args, 'json')) io.out(JSON.stringify(done, null, 2));
      else io.out(done.removed === 0 ? `Period ${done.period} has no plan: nothing to clear.` : `Cleared the plan of period ${done.period} (${done.removed} rows).`);
      return 0;
    }
    const emptyOnly = flag(args, 'empty-only');
    const done = await client.call('plan.copy', { period, emptyOnly });
    if (flag(args, 'json')) io.out(JSON.stringify(done, null, 2));
    else if (emptyOnly) io.out(`Filled the plan of period ${done.period} from its actuals, empty cells only: ${fillWords(done)}. The plan has ${done.planRows} rows.`);
    else io.out(`Copied the actuals of period ${done.period} into its plan (${done.planRows} rows).`);
    return 0;
  },
};

export const fillCommand: Command = {
  summary: 'fill a period from another, empty cells only',
  usage: `cpw fill FILE --period LABEL --from SOURCE [--json]

Fill the existing period LABEL from the period SOURCE without overwriting
anything: accounts LABEL lacks are added as copies of their SOURCE rows;
optional fields (CSAT, NPS, upsell, cross-sell, referrals, value delivered,
average order value, purchases per year, lifespan) left blank in LABEL take
SOURCE's value; every value already there stays. An upsell or cross-sell
that would take the two above the row's revenue stays blank. One
transaction, one step of the history; it says how many accounts and cells
it filled.`,
  options: { period: { type: 'string' }, from: { type: 'string' }, json: { type: 'boolean' } },
  positionals: [1, 1],
  async run(args, client, io) {
    const file = args.positionals[0]!;
    const label = required(args, 'period');
    const from = required(args, 'from');
    await openWorkbookFor(client, io, file, false);
    const done = await client.call('periods.fill', { label, from });
    if (flag(args, 'json')) io.out(JSON.stringify(done, null, 2));
    else io.out(`Filled period ${done.period} from ${done.from}, empty cells only: ${fillWords(done)}.`);
    return 0;
  },
};

import { flag, type Command } from '../args';

export const copyCommand: Command = {
  summary: 'copy a whole workbook between a file and PostgreSQL (or file to file)',
  usage: `cpw copy FROM TO [--replace] [--json]

Copy the whole workbook FROM (every period, account, history step,
interaction, scenario, cost pool, assumption and remembered import mapping)
to TO. Either may be a file or a PostgreSQL address,
postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE?workbook=NAME:
  cpw copy plan.cpw postgresql://ann@db.example.com/sales?workbook=plan
publishes a file to the team; the other way takes a copy offline. The copy
is made in one transaction: it appears whole or not at all. An existing TO
is refused unless --replace (a file that is not a workbook never is).`,
  options: { replace: { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: [2, 2],
  async run(args, client, io) {
    const [from, to] = args.positionals as [string, string];
    const done = await client.call('workbook.copy', { from, to, replace: flag(args, 'replace') });
    if (flag(args, 'json')) {
      io.out(JSON.stringify(done, null, 2));
      return 0;
    }
    const c = done.copied;
    io.out(
      `Copied ${done.from} to ${done.to}: ${c.periods ?? 0} periods, ${c.accounts ?? 0} accounts, ${c.period_rows ?? 0} rows, ` +
        `${c.history ?? 0} history steps, ${c.interactions ?? 0} interactions, ${c.scenarios ?? 0} scenarios, ${c.cost_pools ?? 0} cost pools.`,
    );
    return 0;
  },
};

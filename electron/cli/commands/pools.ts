import { overCapacity } from '../../../shared/engine/allocation';
import { formatMoney, formatNumber, formatRate } from '../../../shared/format';
import { UsageError, flag, required, str, type Command } from '../args';
import { openWorkbookFor } from '../open';

export const poolsCommand: Command = {
  summary: 'load cost pools, activities and driver counts for time-driven allocation',
  usage: `cpw pools FILE --period LABEL [--pools pools.csv] [--activities activities.csv]
          [--drivers drivers.csv] [--lines lines.csv --activity NAME [--account-column H] [--sum-column H]]

Load a period's time-driven costing from CSV or XLSX files, all or nothing:
  pools.csv        pool,cost,capacityMinutes,bucket (presale, production,
                   distribution, service or labour)
  activities.csv   pool,activity,minutesPerUnit
  drivers.csv      account, then one column per activity holding counts
  lines.csv        transaction lines (one row per order, ticket or visit, as
                   an ERP or CRM exports them), counted per account as the
                   driver of --activity, or summed over --sum-column
Each file given replaces that part; a problem in any of them writes nothing
and names the file, row and column. \`cpw allocate\` shows the result.`,
  options: {
    period: { type: 'string' },
    pools: { type: 'string' },
    activities: { type: 'string' },
    drivers: { type: 'string' },
    lines: { type: 'string' },
    activity: { type: 'string' },
    'account-column': { type: 'string' },
    'sum-column': { type: 'string' },
  },
  positionals: [1, 1],
  async run(args, client, io) {
    const file = args.positionals[0]!;
    const period = required(args, 'period');
    const source = (name: string) => (str(args, name) === undefined ? undefined : { file: str(args, name)! });
    const linesFile = str(args, 'lines');
    if ((linesFile === undefined) !== (str(args, 'activity') === undefined)) throw new UsageError('--lines and --activity go together: the lines are counted as that activity');
    if (!['pools', 'activities', 'drivers', 'lines'].some((n) => str(args, n) !== undefined)) throw new UsageError('give at least one of --pools, --activities, --drivers or --lines');
    await openWorkbookFor(client, io, file, false);
    const accountColumn = str(args, 'account-column');
    const sumColumn = str(args, 'sum-column');
    const done = await client.call('pools.import', {
      period,
      pools: source('pools'),
      activities: source('activities'),
      drivers: source('drivers'),
      lines:
        linesFile === undefined
          ? undefined
          : { source: { file: linesFile }, activity: str(args, 'activity')!, ...(accountColumn ? { accountColumn } : {}), ...(sumColumn ? { sumColumn } : {}) },
    });
    const read = done.lines ? `, ${formatNumber(done.lines)} transaction lines counted` : '';
    io.out(`Period ${period}: ${done.pools} pools, ${done.activities} activities, ${formatNumber(done.drivers)} driver counts${read}`);
    return 0;
  },
};

export const allocateCommand: Command = {
  summary: 'what the cost pools allocate to each account, and the unused capacity',
  usage: `cpw allocate FILE [--period LABEL] [--json]

Allocate the period's cost pools (the latest period by default): rate = cost /
capacityMinutes, each account's share = count x minutesPerUnit x rate into the
pool's bucket, unused capacity = cost - allocated, never spread over accounts.
--json prints { pools: [{ pool, cost, capacityMinutes, rate, usedMinutes,
allocated, unused }], allocations: [{ account, pool, activity, bucket, amount }] }.`,
  options: { period: { type: 'string' }, json: { type: 'boolean' } },
  positionals: [1, 1],
  async run(args, client, io) {
    const file = args.positionals[0]!;
    const period = str(args, 'period');
    await openWorkbookFor(client, io, file, true);
    const { period: label, pools, allocations } = await client.call('pools.allocate', period === undefined ? {} : { period });
    for (const p of pools.filter(overCapacity)) {
      io.err(`warning: pool "${p.pool}" uses ${formatNumber(p.usedMinutes)} minutes of a ${formatNumber(p.capacityMinutes)}-minute capacity: its drivers or minutes are too high, or its capacity too low`);
    }
    if (flag(args, 'json')) {
      io.out(JSON.stringify({ pools, allocations }, null, 2));
      return 0;
    }
    const currency = (await client.call('assumptions.get', {})).currency;
    const m = (v: number) => formatMoney(v, currency);
    if (pools.length === 0) {
      io.out(`Period ${label} has no cost pools: load them with cpw pools ${file} --period ${label} --pools pools.csv ...`);
      return 0;
    }
    io.out(`Cost pools of ${label}`);
    for (const p of pools) {
      io.out(`  ${p.pool}: ${m(p.cost)} over ${formatNumber(p.capacityMinutes)} min = ${formatRate(p.rate, currency)}/min; used ${formatNumber(p.usedMinutes)} min, allocated ${m(p.allocated)}, unused ${m(p.unused)}`);
    }
    const byAccount = new Map<string, number>();
    for (const a of allocations) byAccount.set(a.account, (byAccount.get(a.account) ?? 0) + a.amount);
    io.out(`Allocated to ${byAccount.size} accounts; the largest:`);
    for (const [account, amount] of [...byAccount].sort((x, y) => y[1] - x[1]).slice(0, 10)) io.out(`  ${account}: ${m(amount)}`);
    return 0;
  },
};

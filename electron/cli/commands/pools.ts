import { overCapacity } from '../../../shared/engine/allocation';
import { formatCount, formatMoney, formatNumber, formatRate } from '../../../shared/format';
import { UsageError, flag, required, str, type Command } from '../args';
import { openWorkbookFor } from '../open';
import { printBalance, printTrace } from './balance';

export const poolsCommand: Command = {
  summary: 'load cost pools, activities and driver counts for time-driven allocation',
  usage: `cpw pools FILE --period LABEL [--pools pools.csv] [--activities activities.csv]
          [--drivers drivers.csv] [--equations equations.csv] [--feeds feeds.csv]
          [--lines lines.csv --activity NAME [--account-column H] [--sum-column H]]

Load a period's time-driven costing from CSV or XLSX files, all or nothing:
  pools.csv        pool,cost,capacityMinutes,bucket (presale, production,
                   distribution, service or labour)
  activities.csv   pool,activity,minutesPerUnit, or costPerUnit for an
                   activity costed per unit of its driver ($40 an order);
                   optional level: order, delivery, customer-sustaining,
                   channel (the customer cost hierarchy)
  drivers.csv      account, then one column per activity holding counts
  equations.csv    pool,activity,minutes,attribute,equals: a time equation,
                   a row per term. No attribute: the base minutes of a line;
                   an attribute alone: minutes per unit of that number of
                   the line; with equals: minutes added when the line's
                   attribute holds that text (5 + 3 x lines + 15 if
                   newCustomer = yes)
  feeds.csv        pool,to,basis,share: a pool passing its whole cost to
                   other pools before activities reach accounts. basis split
                   (shares as 60% or 0.6, adding to 100%), driver (each
                   receiver's quantity, e.g. headcount) or minutes (their
                   share of the minutes used; share empty)
  lines.csv        transaction lines (one row per order, ticket or visit, as
                   an ERP or CRM exports them), counted per account as the
                   driver of --activity, or summed over --sum-column; when
                   the activity has a time equation, each line's minutes
                   follow it, and the columns it names are kept in total
Each file given replaces that part (equations before lines, so one command
can change an equation and load the lines it reads); a problem in any of
them writes nothing and names the file, row and column. \`cpw allocate\`
shows the result.`,
  options: {
    period: { type: 'string' },
    pools: { type: 'string' },
    activities: { type: 'string' },
    drivers: { type: 'string' },
    equations: { type: 'string' },
    feeds: { type: 'string' },
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
    if (!['pools', 'activities', 'drivers', 'equations', 'feeds', 'lines'].some((n) => str(args, n) !== undefined)) {
      throw new UsageError('give at least one of --pools, --activities, --drivers, --equations, --feeds or --lines');
    }
    await openWorkbookFor(client, io, file, false);
    const accountColumn = str(args, 'account-column');
    const sumColumn = str(args, 'sum-column');
    const done = await client.call('pools.import', {
      period,
      pools: source('pools'),
      activities: source('activities'),
      drivers: source('drivers'),
      equations: source('equations'),
      feeds: source('feeds'),
      lines:
        linesFile === undefined
          ? undefined
          : { source: { file: linesFile }, activity: str(args, 'activity')!, ...(accountColumn ? { accountColumn } : {}), ...(sumColumn ? { sumColumn } : {}) },
    });
    const read = done.lines ? `, ${formatNumber(done.lines)} transaction lines counted` : '';
    const more = [done.equations ? `${formatCount(done.equations, 'time equation')}` : '', done.feeds ? `${formatCount(done.feeds, 'feed')} between pools` : ''].filter(Boolean);
    io.out(`Period ${period}: ${done.pools} pools, ${done.activities} activities, ${formatNumber(done.drivers)} driver counts${read}${more.length ? `; ${more.join(', ')}` : ''}`);
    return 0;
  },
};

export const allocateCommand: Command = {
  summary: 'what the cost pools allocate to each account, and the unused capacity',
  usage: `cpw allocate FILE [--period LABEL] [--json] [--balance | --trace ACCOUNT]

Allocate the period's cost pools (the latest period by default), stage by
stage: a pool that feeds others passes its cost to them first; then rate =
(cost + received) / capacityMinutes, exact, and each account's share =
minutes x rate (minutes = count x minutesPerUnit, or the time equation over
its lines), or count x costPerUnit for a rate-based activity, into the
pool's bucket; unused capacity stays with the pool, never spread over
accounts.
--json prints { pools: [{ pool, cost, capacityMinutes, rate, usedMinutes,
allocated, unused, stage, received, passed }], allocations: [{ account, pool,
activity, bucket, amount, kind, level, count, minutes, rate }] }.
--balance prints the tie-out: per pool and stage, cost + received = to
accounts + to pools + unused - over capacity, to the cent, and per bucket
the sum before and after; with --json { pools: [{ pool, stage, cost,
received, toAccounts, toPools, unused, overCapacity, balanced }], buckets:
[{ bucket, mode, before, allocated, after, balanced }], total }. Exits 1
when something does not tie out.
--trace ACCOUNT prints each contribution to the account's allocated cost:
the pool and stage, the activity and how it was costed (minutes, equation
or rate), the count, the minutes, the rate and the pools the money came from.`,
  options: { period: { type: 'string' }, json: { type: 'boolean' }, balance: { type: 'boolean' }, trace: { type: 'string' } },
  positionals: [1, 1],
  async run(args, client, io) {
    const file = args.positionals[0]!;
    const period = str(args, 'period');
    if (flag(args, 'balance') && str(args, 'trace') !== undefined) throw new UsageError('--balance and --trace are two views: give one');
    await openWorkbookFor(client, io, file, true);
    if (flag(args, 'balance')) return printBalance(await client.call('pools.balance', period === undefined ? {} : { period }), flag(args, 'json'), client, io);
    const account = str(args, 'trace');
    if (account !== undefined) return printTrace(await client.call('pools.trace', { ...(period === undefined ? {} : { period }), account }), flag(args, 'json'), client, io);
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

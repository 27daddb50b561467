import { flag, str, type Command } from '../args';
import { formatReport } from '../print';

export const reportCommand: Command = {
  summary: 'profit, ROI, segments and portfolio KPIs of a period',
  usage: `cpw report FILE [--period LABEL] [--json]

Compute every metric of the period (the latest when none is named). --json
prints { period, currency, assumptions, accounts, portfolio } with the
DOMAIN.md names; money in the workbook currency, ratios as fractions.`,
  options: { period: { type: 'string' }, json: { type: 'boolean' } },
  positionals: [1, 1],
  async run(args, client, io) {
    const file = args.positionals[0]!;
    const period = str(args, 'period');
    await client.call('workbook.open', { path: file, readOnly: true });
    const report = await client.call('report.get', period === undefined ? {} : { period });
    io.out(flag(args, 'json') ? JSON.stringify(report, null, 2) : formatReport(report, file));
    return 0;
  },
};

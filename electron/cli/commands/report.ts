import { UsageError, flag, str, strs, type Command } from '../args';
import { formatReport, SHOWN_EACH_END } from '../print';
import { openWorkbookFor } from '../open';
import { reportJsonOf } from '../../backend/handlers/report';

export const reportCommand: Command = {
  summary: 'profit, ROI, segments and portfolio KPIs of a period',
  usage: `cpw report FILE [--period LABEL] [--json | --all] [--pdf OUT.pdf [--paper A4|Letter] [--scenario NAME]...]

Compute every metric of the period (the latest when none is named). Printed
for people, a portfolio of more than 50 accounts shows its 25 most and 25
least profitable; --all shows every account. --json
prints { period, currency, assumptions, accounts, portfolio } with the
DOMAIN.md names; money in the workbook currency, ratios as fractions.
--pdf writes the workshop report (cover, key figures, whale curve, matrix,
cost buckets, segments, owners, top loss makers, saved scenarios against the
baseline, assumptions and every formula in words), printed by Chromium.
--scenario NAME (repeatable) shows only the saved scenarios named; without
it the report shows every saved scenario.`,
  options: { period: { type: 'string' }, json: { type: 'boolean' }, all: { type: 'boolean' }, pdf: { type: 'string' }, paper: { type: 'string' }, scenario: { type: 'string', multiple: true } },
  positionals: [1, 1],
  async run(args, client, io, backend) {
    const file = args.positionals[0]!;
    const period = str(args, 'period');
    await openWorkbookFor(client, io, file, true);
    const out = str(args, 'pdf');
    if (out !== undefined) {
      const paper = str(args, 'paper') ?? 'A4';
      if (paper !== 'A4' && paper !== 'Letter') throw new UsageError(`--paper is A4 or Letter (got "${paper}")`);
      const scenarios = strs(args, 'scenario');
      const done = await client.call('report.pdf', { out, paper, ...(period === undefined ? {} : { period }), ...(scenarios.length ? { scenarios } : {}) });
      io.out(`Wrote the workshop report of period ${done.period} to ${done.path} (${Math.round(done.bytes / 1024)} KiB)`);
      return 0;
    }
    if (strs(args, 'scenario').length) throw new UsageError('--scenario chooses what the PDF report shows: use it with --pdf');
    const json = flag(args, 'json');
    if (json && flag(args, 'all')) throw new UsageError('--all chooses the rows printed for people: --json always holds every account');
    if (json) {
      // Streamed from the engine's columns: the same bytes as JSON.stringify(report, null, 2), without the 100 MB string.
      const pieces = await backend.read('report.get', (tx) => reportJsonOf(tx, period));
      if (io.write) {
        for (const piece of pieces) io.write(piece);
        io.write('\n');
      } else io.out([...pieces].join(''));
      return 0;
    }
    const report = await client.call('report.get', { ...(period === undefined ? {} : { period }), ...(flag(args, 'all') ? {} : { ends: SHOWN_EACH_END }) });
    io.out(formatReport(report, file));
    return 0;
  },
};

import { flag, required, str, type Command } from '../args';
import { openWorkbookFor } from '../open';

export const exportCommand: Command = {
  summary: "export a period's inputs and metrics as CSV or XLSX, or a template",
  usage: `cpw export FILE [--period LABEL] --out PATH.csv|PATH.xlsx
cpw export FILE --template --out PATH.xlsx|PATH.csv

Write the period (the latest when none is named): every input under its
DOMAIN.md name, so the file imports back as is, then every computed metric.
XLSX has currency and percent formats, a frozen header, an autofilter and a
second sheet with the assumptions. Text a spreadsheet would run as a formula
is never written as one. --template writes the input headers and one example
row, for people who start their sheet in Excel.`,
  options: { period: { type: 'string' }, out: { type: 'string' }, template: { type: 'boolean' } },
  positionals: [1, 1],
  async run(args, client, io) {
    const file = args.positionals[0]!;
    const out = required(args, 'out');
    const period = str(args, 'period');
    await openWorkbookFor(client, io, file, true);
    if (flag(args, 'template')) {
      const done = await client.call('export.template', { out });
      io.out(`Wrote a template sheet to ${done.path}`);
      return 0;
    }
    const done = await client.call('export.sheet', period === undefined ? { out } : { out, period });
    io.out(`Exported ${done.rows} accounts of period ${done.period} to ${done.path}`);
    return 0;
  },
};

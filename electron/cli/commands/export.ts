import { required, str, type Command } from '../args';

export const exportCommand: Command = {
  summary: "export a period's inputs and metrics as CSV",
  usage: `cpw export FILE [--period LABEL] --out PATH.csv

Write the period (the latest when none is named) as CSV: every input under its
DOMAIN.md name, so the file imports back as is, then every computed metric.
Text a spreadsheet would run as a formula is escaped.`,
  options: { period: { type: 'string' }, out: { type: 'string' } },
  positionals: [1, 1],
  async run(args, client, io) {
    const file = args.positionals[0]!;
    const out = required(args, 'out');
    const period = str(args, 'period');
    await client.call('workbook.open', { path: file, readOnly: true });
    const done = await client.call('export.sheet', period === undefined ? { out } : { out, period });
    io.out(`Exported ${done.rows} accounts of period ${done.period} to ${done.path}`);
    return 0;
  },
};

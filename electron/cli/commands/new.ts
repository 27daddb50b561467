import type { Command } from '../args';
import { flag } from '../args';

export const newCommand: Command = {
  summary: 'create a new workbook (--sample fills a demo portfolio)',
  usage: `cpw new FILE [--sample]

Create a new, empty workbook FILE. With --sample it holds a demo portfolio:
44 accounts over four quarters, five owners, an interactions log.`,
  options: { sample: { type: 'boolean' } },
  positionals: [1, 1],
  async run(args, client, io) {
    const file = args.positionals[0]!;
    const info = await client.call('workbook.create', { path: file, sample: flag(args, 'sample') });
    const what = info.periods.length ? `with periods ${info.periods.join(', ')}` : 'empty: import a sheet with `cpw import`';
    io.out(`Created ${file} (${what})`);
    return 0;
  },
};

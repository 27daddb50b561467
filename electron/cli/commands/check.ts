import { flag, type Command } from '../args';

export const checkCommand: Command = {
  summary: 'integrity and schema check of a workbook (non-zero when something is wrong)',
  usage: `cpw check FILE [--repair] [--json]

Check that FILE is a workbook this version can open, that SQLite finds it
intact, and that every stored row follows the rules. It changes nothing but
this: a save that was interrupted (a crash, a kill) is rolled back, as any
open would, which loses nothing that was committed. Exit 0 when all is well,
1 when a problem is found.

--repair   when FILE is damaged, put the newest good copy in its place (copies
           are kept beside it in .FILE.backups, taken the first time it is
           opened each day and before an upgrade) and say what that copy
           lacks; the damaged file is kept as FILE.damaged-DATE. Refused
           while another process has FILE open for editing.`,
  options: { json: { type: 'boolean' }, repair: { type: 'boolean' } },
  positionals: [1, 1],
  async run(args, client, io) {
    const file = args.positionals[0]!;
    const r = await client.call('workbook.check', { path: file, repair: flag(args, 'repair') });
    if (flag(args, 'json')) io.out(JSON.stringify(r, null, 2));
    else if (r.ok) {
      for (const note of r.notes) io.out(`${file}: ${note}`);
      if (r.restoredFrom) io.out(`${file}: restored from ${r.restoredFrom}; the damaged file is kept as ${r.damagedKeptAs}`);
      const rows = r.periods.reduce((n, p) => n + p.rows, 0);
      io.out(`${file}: ok (schema ${r.schemaVersion}): ${r.periods.length} period${r.periods.length === 1 ? '' : 's'}, ${rows} row${rows === 1 ? '' : 's'}`);
    } else {
      io.err(`${file}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}`);
      for (const p of r.problems) io.err(`  ${p}`);
    }
    return r.ok ? 0 : 1;
  },
};

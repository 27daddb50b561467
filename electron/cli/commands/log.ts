import { fieldLabel, isInputField } from '../../../shared/catalogue';
import { flag, str, type Command } from '../args';
import { openWorkbookFor } from '../open';

export const logCommand: Command = {
  summary: 'the audit log: who changed which field of which account, when, from what to what',
  usage: `cpw log LOCATION [--account NAME] [--since DATE] [--json]

Print the workbook's audit log, oldest first: one line per field changed,
with the person, the time, the period, and the value before and after.
--account keeps one account's (its name in any case); --since DATE
(YYYY-MM-DD, a time may follow) keeps what came on or after it.`,
  options: { account: { type: 'string' }, since: { type: 'string' }, json: { type: 'boolean' } },
  positionals: [1, 1],
  async run(args, client, io) {
    await openWorkbookFor(client, io, args.positionals[0]!, true);
    const entries = await client.call('audit.list', { account: str(args, 'account'), since: str(args, 'since') });
    if (flag(args, 'json')) {
      io.out(JSON.stringify(entries, null, 2));
      return 0;
    }
    if (entries.length === 0) io.out('Nothing in the log yet.');
    const shown = (v: string | null) => (v === null ? '(empty)' : v);
    const label = (field: string) => (isInputField(field) ? fieldLabel(field) : field);
    for (const e of entries) {
      const what = e.account === '' ? `${e.field}: ${e.before === null ? shown(e.after) : `${shown(e.before)} -> ${shown(e.after)}`}` : e.field === 'account' && (e.before === null || e.after === null) ? `${e.before === null ? 'added' : 'removed'} ${e.account}` : `${e.account}, ${label(e.field)}: ${shown(e.before)} -> ${shown(e.after)}`;
      io.out(`${e.at}  ${e.person}  ${e.period ?? ''}  ${what}`);
    }
    return 0;
  },
};

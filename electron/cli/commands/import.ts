import { describeProblem } from '../../../shared/ipc/errors';
import { ambiguityInWords, headerRuleInWords } from '../../../shared/text/header-rule';
import { INPUT_FIELDS, ZERO_WHEN_ABSENT, type InputField } from '../../../shared/schemas/fields';
import { UsageError, flag, pair, required, str, strs, type Command } from '../args';
import { openWorkbookFor } from '../open';

export const importCommand: Command = {
  summary: 'import a CSV or XLSX sheet into a period (all or nothing)',
  usage: `cpw import FILE SHEET.csv|SHEET.xlsx --period LABEL [--sheet NAME] [--map field=Header]... [--dimension name=Header]... [--merge] [--plan] [--dry-run] [--json]
cpw import FILE LOG.csv|LOG.xlsx --interactions [--sheet NAME]

Import a Customer Profitability Sheet (CSV, or a sheet of an XLSX workbook:
the first, or the one --sheet names) into the period LABEL (created when new).
A title block above the header row and a totals line under the accounts are
skipped. The mapping used is remembered in the workbook for the next import.
With --interactions, SHEET is an interactions log instead (account, date,
kind, hours, prepHours, attendees, travel, projectedRevenue, winProbability,
valued): every row is checked, accounts must exist, all or nothing.
Headers are matched to fields by name and common synonyms, in English,
German, French, Spanish, Italian and Dutch, or by one such word in a longer
header ("Revenue 2026 (EUR)") when it names one field only; --map names the
header for a field (repeat it). Every row is checked first: any problem stops
the import, lists every problem by row and column, and changes nothing.
--dimension keeps a column no field reads as a dimension of the accounts
(region, industry, channel, tier: any name; repeat it): its values are
written to the accounts the sheet names, and reports group by it
(byDimension in cpw report --json; cpw scenario --where region=EMEA).
By default the sheet replaces the period's rows; --merge updates the accounts
it names and adds new ones. --dry-run checks and previews without writing.
With --plan the sheet is the period's plan, beside its actuals (cpw report
then shows plan and variance): the same checks and mapping, all or nothing;
the plan's owner and segment columns do not change an account's owner or
pinned segment, which belong to the account in every period.
Fields: ${INPUT_FIELDS.join(', ')}`,
  options: {
    period: { type: 'string' },
    map: { type: 'string', multiple: true },
    sheet: { type: 'string' },
    merge: { type: 'boolean' },
    plan: { type: 'boolean' },
    dimension: { type: 'string', multiple: true },
    interactions: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: [2, 2],
  async run(args, client, io) {
    const [file, sheet] = args.positionals as [string, string];
    const map: Partial<Record<InputField, string>> = {};
    for (const m of strs(args, 'map')) {
      const [field, header] = pair(m, '--map');
      if (!(INPUT_FIELDS as readonly string[]).includes(field)) {
        throw new UsageError(`--map ${m}: "${field}" is not a field (fields: ${INPUT_FIELDS.join(', ')})`);
      }
      map[field as InputField] = header;
    }
    if (flag(args, 'interactions')) {
      await openWorkbookFor(client, io, file, false);
      const sheetOption = str(args, 'sheet');
      const done = await client.call('interactions.import', { source: sheetOption === undefined ? { file: sheet } : { file: sheet, sheet: sheetOption } });
      io.out(`Imported ${done.rows} interactions from ${done.file} into ${file}.`);
      return 0;
    }
    const dryRun = flag(args, 'dry-run');
    await openWorkbookFor(client, io, file, dryRun);
    const sheetName = str(args, 'sheet');
    const source = sheetName === undefined ? { file: sheet } : { file: sheet, sheet: sheetName };
    const plan = flag(args, 'plan');
    const dimensions = strs(args, 'dimension').map((d) => {
      const [name, header] = pair(d, '--dimension');
      return { name, header };
    });
    const request = { source, period: required(args, 'period'), map, merge: flag(args, 'merge'), plan, dimensions };
    const s = await client.call(dryRun ? 'import.preview' : 'import.commit', request);
    if (flag(args, 'json')) {
      io.out(JSON.stringify(s, null, 2));
      return s.problemCount > 0 ? 1 : 0;
    }
    if (s.problemCount > 0) {
      io.err(`${s.file}: ${s.problemCount} problem${s.problemCount === 1 ? '' : 's'}, nothing would be imported`);
      for (const p of s.problems) io.err(describeProblem(p));
      return 1;
    }
    const verb = dryRun ? 'Would import' : 'Imported';
    io.out(`${verb} ${s.rows} rows into ${plan ? 'the plan of ' : ''}period ${s.period} of ${file}: ${s.added} added, ${s.updated} updated, ${s.removed} removed.`);
    if (s.accountColumnsKept?.length) io.out(`The plan's ${s.accountColumnsKept.join(' and ')} column${s.accountColumnsKept.length === 1 ? ' was' : 's were'} not written to the accounts: an account's owner and pinned segment are the account's, in the actuals of every period.`);
    const zeroed = s.absentColumns.filter((f) => (ZERO_WHEN_ABSENT as readonly string[]).includes(f));
    if (zeroed.length) io.out(`Columns the sheet lacks, counted as 0: ${zeroed.join(', ')}.`);
    for (const d of s.dimensions) io.out(`Column "${d.header}" kept as dimension ${d.name}: ${d.accounts} account${d.accounts === 1 ? '' : 's'} with a value${d.values.length ? ` (${d.values.slice(0, 5).join(', ')}${d.values.length > 5 ? ', ...' : ''})` : ''}.`);
    if (s.unmappedColumns.length) io.out(`Columns not imported (no matching field; use --map, or --dimension name=Header to keep one): ${s.unmappedColumns.join(', ')}.`);
    // Only what a name or synonym alone would not have matched is told: files headed by names read as they always have.
    for (const [field, rule] of Object.entries(s.matchedBy) as [InputField, (typeof s.matchedBy)[InputField]][]) {
      if (rule?.kind === 'word') io.out(`Column "${s.mapping[field]}" read as ${field}: ${headerRuleInWords(rule, field)}.`);
    }
    for (const a of s.ambiguous) io.out(`Not imported: ${ambiguityInWords(a)}; choose with --map FIELD=HEADER.`);
    if (s.encoding !== null && s.encoding !== 'UTF-8') io.out(`Read as ${s.encoding} text (the file is not UTF-8).`);
    if (s.decimalComma) io.out('Numbers read with decimal commas (1.234,56), as European spreadsheets write them.');
    for (const k of s.skipped) io.out(`Skipped ${k.count === 1 ? `row ${k.row}` : `rows ${k.row} to ${k.row + k.count - 1}`}: ${k.reason}.`);
    for (const w of s.warnings) io.out(`Note: ${describeProblem(w)}.`);
    return 0;
  },
};

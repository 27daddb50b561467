import { INPUT_FIELDS, type InputField } from '../../../shared/schemas/fields';
import { UsageError, flag, pair, required, str, strs, type Command } from '../args';

export const importCommand: Command = {
  summary: 'import a CSV sheet into a period (all or nothing)',
  usage: `cpw import FILE SHEET.csv --period LABEL [--map field=Header]... [--merge] [--dry-run] [--json]

Import a Customer Profitability Sheet into the period LABEL (created when new).
Headers are matched to fields by name and common synonyms; --map names the
header for a field (repeat it). Every row is checked first: any problem stops
the import, lists every problem by row and column, and changes nothing.
By default the sheet replaces the period's rows; --merge updates the accounts
it names and adds new ones. --dry-run checks and previews without writing.
Fields: ${INPUT_FIELDS.join(', ')}`,
  options: {
    period: { type: 'string' },
    map: { type: 'string', multiple: true },
    sheet: { type: 'string' },
    merge: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: [2, 2],
  async run(args, client, io) {
    const [file, sheet] = args.positionals as [string, string];
    if (str(args, 'sheet') !== undefined) throw new UsageError('--sheet picks a sheet of an XLSX file; this version imports CSV only');
    const map: Partial<Record<InputField, string>> = {};
    for (const m of strs(args, 'map')) {
      const [field, header] = pair(m, '--map');
      if (!(INPUT_FIELDS as readonly string[]).includes(field)) {
        throw new UsageError(`--map ${m}: "${field}" is not a field (fields: ${INPUT_FIELDS.join(', ')})`);
      }
      map[field as InputField] = header;
    }
    const dryRun = flag(args, 'dry-run');
    await client.call('workbook.open', { path: file, readOnly: dryRun });
    const request = { file: sheet, period: required(args, 'period'), map, merge: flag(args, 'merge') };
    const s = await client.call(dryRun ? 'import.preview' : 'import.commit', request);
    if (flag(args, 'json')) {
      io.out(JSON.stringify(s, null, 2));
      return 0;
    }
    const verb = dryRun ? 'Would import' : 'Imported';
    io.out(`${verb} ${s.rows} rows into period ${s.period} of ${file}: ${s.added} added, ${s.updated} updated, ${s.removed} removed.`);
    const zeroed = s.absentColumns.filter((f) => ['presale', 'production', 'distribution', 'service', 'labour', 'meetings', 'calls'].includes(f));
    if (zeroed.length) io.out(`Columns the sheet lacks, counted as 0: ${zeroed.join(', ')}.`);
    if (s.unmappedColumns.length) io.out(`Columns not imported (no matching field; use --map): ${s.unmappedColumns.join(', ')}.`);
    return 0;
  },
};

import { SCALABLE_FIELDS, SEGMENTS, type ScalableField } from '../../../shared/schemas/fields';
import type { Adjustment, Where } from '../../../shared/schemas/scenario';
import { parseNumber } from '../../../shared/text/numbers';
import { UsageError, flag, pair, str, type Command, type Parsed } from '../args';
import { table } from '../print';
import { openWorkbookFor } from '../open';
import { compareFigures } from '../../../shared/catalogue/format';
import { SCENARIO_FIGURES } from '../../../shared/catalogue/figures';

function addSelector(where: Where, text: string): Where {
  const [key, value] = pair(text, 'a selector');
  if (key === 'segment') {
    const seg = SEGMENTS.find((s) => s.toLowerCase() === value.toLowerCase());
    if (!seg) throw new UsageError(`segment=${value}: segments are ${SEGMENTS.join(', ')}`);
    return { ...where, segment: seg };
  }
  if (key === 'owner') return { ...where, owner: value };
  if (key === 'account') return { ...where, accounts: [...(where.accounts ?? []), value] };
  // Any other name is a dimension of the workbook (region=EMEA); the backend refuses one it does not have.
  if (key === '__proto__') throw new UsageError(`"${text}": a dimension cannot be called __proto__`);
  if (key !== '' && value !== '') return { ...where, dimensions: { ...where.dimensions, [key]: value } };
  throw new UsageError(`"${text}": select with segment=S, owner=O, account=A or a dimension (region=EMEA)`);
}

/** --scale, --where and --drop in the order given: a --where narrows the --scale before it. */
export function adjustmentsFrom(args: Parsed): Adjustment[] {
  const steps: Adjustment[] = [];
  for (const { name, value } of args.order) {
    if (name === 'scale') {
      const [field, raw] = pair(value!, '--scale');
      if (!(SCALABLE_FIELDS as readonly string[]).includes(field)) {
        throw new UsageError(`--scale ${value}: "${field}" cannot be scaled (fields: ${SCALABLE_FIELDS.join(', ')})`);
      }
      const n = parseNumber(raw.replace(/%$/, ''));
      if (!n.ok || n.value === null) throw new UsageError(`--scale ${value}: the change must be a percentage like -30 or 10%`);
      steps.push({ kind: 'scale', field: field as ScalableField, pct: n.value, where: {} });
    } else if (name === 'where') {
      const last = steps[steps.length - 1];
      if (!last || last.kind !== 'scale') throw new UsageError('--where narrows the --scale before it: put it after one');
      last.where = addSelector(last.where, value!);
    } else if (name === 'drop') {
      steps.push({ kind: 'drop', where: addSelector({}, value!) });
    }
  }
  return steps;
}

export const scenarioCommand: Command = {
  summary: 'a what-if on a copy of a period: scale fields, drop accounts',
  usage: `cpw scenario FILE [--period LABEL] --scale FIELD=PCT [--where segment=S|owner=O|account=A|DIMENSION=V]...
             [--drop segment=S|owner=O|account=A|DIMENSION=V]... [--name NAME [--save]] [--json]
cpw scenario FILE [--period LABEL] --name NAME [--json]

Apply the changes, in order, to a copy of the period's rows (the workbook is
not changed) and compare the portfolio with the baseline. --scale service=-30
cuts post-sale service by 30%; a --where after it narrows it to a segment, an
owner, accounts or a value of one of the workbook's dimensions (region=EMEA)
(segments as they are today). Fields: ${SCALABLE_FIELDS.join(', ')}.
--name NAME alone runs the scenario saved under that name; with changes and
--save it saves them under the name first (the rows are still not changed).
--json prints { baseline, scenario, difference }.`,
  options: {
    period: { type: 'string' },
    scale: { type: 'string', multiple: true },
    where: { type: 'string', multiple: true },
    drop: { type: 'string', multiple: true },
    name: { type: 'string' },
    save: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: [1, 1],
  async run(args, client, io) {
    const file = args.positionals[0]!;
    const adjustments = adjustmentsFrom(args);
    const period = str(args, 'period');
    const name = str(args, 'name');
    const save = flag(args, 'save');
    if (adjustments.length === 0 && name === undefined) throw new UsageError('give at least one --scale or --drop, or the --name of a saved scenario');
    if (save && (name === undefined || adjustments.length === 0)) throw new UsageError('--save needs a --name and at least one --scale or --drop');
    const info = await openWorkbookFor(client, io, file, !save);
    if (save) await client.call('scenarios.save', { scenario: { name: name!, adjustments } });
    // Adjustments given run as they are; a name alone runs the scenario saved under it.
    const r = await client.call('scenarios.run', {
      ...(adjustments.length ? { adjustments } : {}),
      ...(period === undefined ? {} : { period }),
      ...(name === undefined ? {} : { name }),
    });
    if (flag(args, 'json')) {
      io.out(JSON.stringify(r, null, 2));
      return 0;
    }
    io.out(`Scenario${name ? ` "${name}"` : ''} on period ${r.period} of ${file}`);
    io.out(
      table(
        ['Metric', 'Baseline', 'Scenario', 'Difference'],
        compareFigures(SCENARIO_FIGURES, r.baseline, r.scenario, r.difference, info.currency).map((f) => [f.label, f.baseline, f.scenario, f.difference.text]),
        ['left', 'right', 'right', 'right'],
      ),
    );
    return 0;
  },
};

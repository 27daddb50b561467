import type { Problem } from '../../../shared/ipc/errors';
import { FEED_BASES, type EquationTerm, type FeedBasis, type PoolFeed } from '../../../shared/schemas/pools';
import { parseNumber } from '../../../shared/text/numbers';
import type { Synonyms } from './mapping';
import { blank, header, number, refuse, rows } from './pools';
import type { Table } from './table';

// The files of issue 23's costing beside pools.ts's: time equations and what pools pass to each other.

const EQUATION_SYNONYMS: Synonyms<'pool' | 'activity' | 'minutes' | 'attribute' | 'equals'> = {
  pool: ['Cost pool', 'Pool name'],
  activity: ['Activity name', 'Process'],
  minutes: ['Minutes per unit', 'Time'],
  attribute: ['Attribute name', 'Variable', 'Column'],
  equals: ['Value', 'When', 'Equal to', 'Is'],
};
const FEED_SYNONYMS: Synonyms<'pool' | 'to' | 'basis' | 'share'> = {
  pool: ['From', 'From pool', 'Resource', 'Cost pool'],
  to: ['To pool', 'Receiving pool', 'Feeds'],
  basis: ['By', 'Driver', 'Feed by'],
  share: ['Split', 'Amount', 'Quantity', 'Percent'],
};
/**
 * equations.csv: `pool,activity,minutes,attribute,equals`, a row per term: no
 * attribute, the base time of a line; an attribute without equals, minutes
 * per unit of that number; with equals, minutes added when the line's
 * attribute holds that text. Returns each activity's terms, in file order.
 */
export function readEquations(file: string, table: Table, activities: readonly { pool: string; name: string; rated: boolean }[]): Map<string, EquationTerm[]> {
  const at = header(file, table, EQUATION_SYNONYMS, ['activity', 'minutes']);
  const style = { decimalComma: table.decimalComma };
  const known = new Map(activities.map((a) => [a.name.toLowerCase(), a]));
  const problems: Problem[] = [];
  const out = new Map<string, EquationTerm[]>();
  for (const { r, row } of rows(table)) {
    const name = (r[at.activity!] ?? '').trim();
    const activity = known.get(name.toLowerCase());
    if (!activity) {
      problems.push({ row, column: 'activity', value: name, rule: `no activity "${name}" (the activities are ${activities.map((a) => a.name).join(', ') || 'none yet'})` });
      continue;
    }
    const poolText = at.pool === undefined ? '' : (r[at.pool] ?? '').trim();
    if (poolText && poolText.toLowerCase() !== activity.pool.toLowerCase()) problems.push({ row, column: 'pool', value: poolText, rule: `activity "${activity.name}" belongs to pool "${activity.pool}"` });
    if (activity.rated) problems.push({ row, column: 'activity', value: name, rule: `"${activity.name}" is costed by a cost per unit: a time equation is for an activity costed by minutes` });
    const minutes = number(r[at.minutes!], row, 'minutes', problems, style);
    const attribute = at.attribute === undefined ? '' : (r[at.attribute] ?? '').trim();
    const equals = at.equals === undefined ? '' : (r[at.equals] ?? '').trim();
    if (equals && !attribute) problems.push({ row, column: 'equals', value: equals, rule: 'a term with equals needs the attribute it compares' });
    const term: EquationTerm = { minutes, ...(attribute ? { attribute } : {}), ...(equals ? { equals } : {}) };
    const terms = out.get(activity.name.toLowerCase()) ?? [];
    terms.push(term);
    out.set(activity.name.toLowerCase(), terms);
  }
  if (problems.length) refuse(file, problems);
  return out;
}

/**
 * feeds.csv: `pool,to,basis,share`, a row per pool a pool passes its cost
 * to. basis is split (share a percentage, "60%", or a fraction, 0.6; a
 * pool's shares add to 100%), driver (share the receiver's quantity of it,
 * e.g. headcount) or minutes (the receivers' share of the minutes their
 * activities use; share left empty). Returns each passing pool's feeds.
 */
export function readFeeds(file: string, table: Table, pools: readonly string[]): Map<string, { feedBy: FeedBasis; feeds: PoolFeed[] }> {
  const at = header(file, table, FEED_SYNONYMS, ['pool', 'to']);
  const style = { decimalComma: table.decimalComma };
  const known = new Map(pools.map((p) => [p.toLowerCase(), p]));
  const problems: Problem[] = [];
  const out = new Map<string, { feedBy: FeedBasis; feeds: PoolFeed[] }>();
  for (const { r, row } of rows(table)) {
    const from = (r[at.pool!] ?? '').trim();
    const to = (r[at.to!] ?? '').trim();
    for (const [name, column] of [[from, 'pool'], [to, 'to']] as const) {
      if (!known.has(name.toLowerCase())) problems.push({ row, column, value: name, rule: `no pool "${name}" (the pools are ${pools.join(', ') || 'none yet'})` });
    }
    const basisText = at.basis === undefined ? 'split' : (r[at.basis] ?? '').trim().toLowerCase() || 'split';
    const basis = FEED_BASES.find((b) => b === basisText);
    if (!basis) problems.push({ row, column: 'basis', value: basisText, rule: `must be one of ${FEED_BASES.join(', ')}` });
    const raw = at.share === undefined ? '' : (r[at.share] ?? '');
    let share = 0;
    if (basis === 'split') {
      const n = parseNumber(raw, style);
      if (!n.ok || n.value === null || n.value < 0 || (!n.percent && n.value > 1)) {
        problems.push({ row, column: 'share', value: raw, rule: 'a split is a percentage like 60% or a fraction like 0.6' });
      } else share = n.value;
    } else if (basis === 'driver') share = number(raw, row, 'share', problems, style);
    else if (basis === 'minutes' && !blank(raw)) problems.push({ row, column: 'share', value: raw, rule: 'a feed by minutes takes the receivers\' minutes: leave the share empty' });
    const pool = known.get(from.toLowerCase());
    if (!pool || !basis) continue;
    const entry = out.get(pool.toLowerCase()) ?? { feedBy: basis, feeds: [] };
    if (entry.feedBy !== basis) problems.push({ row, column: 'basis', value: basis, rule: `pool "${pool}" passes its cost by ${entry.feedBy} on an earlier row: one pool, one basis` });
    entry.feeds.push({ pool: known.get(to.toLowerCase()) ?? to, share });
    out.set(pool.toLowerCase(), entry);
  }
  if (problems.length) refuse(file, problems);
  return out;
}


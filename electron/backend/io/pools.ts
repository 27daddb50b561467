import { CpwError, describeProblem, type Problem } from '../../../shared/ipc/errors';
import { BUCKETS } from '../../../shared/schemas/fields';
import { equationAttributes, foldValue } from '../../../shared/engine/equations';
import { ACTIVITY_LEVELS, type ActivityLevel, type DriverCount, type EquationTerm } from '../../../shared/schemas/pools';
import { parseNumber, type NumberStyle } from '../../../shared/text/numbers';
import { matchHeaders, type Synonyms } from './mapping';
import type { Table } from './table';
import { nfc } from '../../../shared/schemas/row';

/** Headers people use for pools, activities, drivers and transaction lines, as ERP and CRM exports name them. */
const POOL_SYNONYMS: Synonyms<'pool' | 'cost' | 'capacityMinutes' | 'bucket'> = {
  pool: ['Cost pool', 'Pool name', 'Department', 'Team', 'Resource'],
  cost: ['Pool cost', 'Cost for the period', 'Total cost', 'Expense'],
  capacityMinutes: ['Capacity', 'Capacity minutes', 'Practical capacity', 'Minutes'],
  bucket: ['Cost bucket', 'Feeds', 'Category'],
};
const ACTIVITY_SYNONYMS: Synonyms<'pool' | 'activity' | 'minutesPerUnit' | 'costPerUnit' | 'level'> = {
  pool: ['Cost pool', 'Pool name', 'Department', 'Team'],
  activity: ['Activity name', 'Task', 'Driver'],
  minutesPerUnit: ['Minutes', 'Minutes per unit', 'Unit time', 'Time per unit', 'Minutes each'],
  costPerUnit: ['Cost per unit', 'Rate per unit', 'Unit cost', 'Cost each', 'Rate'],
  level: ['Hierarchy level', 'Cost level', 'Cost hierarchy'],
};
const ACCOUNT_SYNONYMS: Synonyms<'account'> = { account: ['Customer', 'Client', 'Account name', 'Company', 'Customer name', 'Sold-to'] };

export interface PoolRow {
  name: string;
  cost: number;
  capacityMinutes: number;
  bucket: (typeof BUCKETS)[number];
}

/** Refuse a file with every problem found in it, each with its row and column: nothing is written. */
export function refuse(file: string, problems: Problem[]): never {
  const shown = problems.slice(0, 20).map(describeProblem).join('; ');
  const more = problems.length > 20 ? ` (and ${problems.length - 20} more)` : '';
  throw new CpwError('IMPORT_INVALID', `${file}: nothing was imported: ${shown}${more}`, { file, problems });
}

export function header<F extends string>(file: string, table: Table, synonyms: Synonyms<F>, required: readonly NoInfer<F>[]): Partial<Record<F, number>> {
  const headers = table.records[0];
  if (!headers) refuse(file, [{ row: 1, rule: 'the file has no header row' }]);
  const match = matchHeaders<F>(headers, {}, 1, synonyms);
  const missing = required.filter((f) => match.columns[f] === undefined);
  const problems = [...match.problems, ...missing.map((f) => ({ row: 1, field: f, rule: `no column for ${f} (the header row has ${headers.join(', ')})` }))];
  if (problems.length) refuse(file, problems);
  return match.columns;
}

export function number(raw: string | undefined, row: number, column: string, problems: Problem[], style: NumberStyle, positive = false): number {
  const n = parseNumber(raw ?? '', style);
  if (!n.ok || n.value === null || n.value < 0 || (positive && n.value === 0) || !Number.isFinite(n.value)) {
    problems.push({ row, column, value: raw ?? '', rule: positive ? 'must be a number more than 0' : 'must be a number, 0 or more' });
    return 0;
  }
  return n.value;
}

export const rows = (table: Table) => table.records.slice(1).map((r, k) => ({ r, row: k + 2 })).filter(({ r }) => r.some((c) => c.trim() !== ''));

/** pools.csv: `pool,cost,capacityMinutes,bucket`, one row per pool. */
export function readPools(file: string, table: Table): PoolRow[] {
  const at = header(file, table, POOL_SYNONYMS, ['pool', 'cost', 'capacityMinutes', 'bucket']);
  const style = { decimalComma: table.decimalComma };
  const problems: Problem[] = [];
  const out = rows(table).map(({ r, row }) => {
    const name = (r[at.pool!] ?? '').trim();
    if (!name) problems.push({ row, column: 'pool', rule: 'a pool needs a name' });
    const bucketText = (r[at.bucket!] ?? '').trim().toLowerCase().replace(/^post-?sale\s+/, '');
    const bucket = BUCKETS.find((b) => b === bucketText);
    if (!bucket) problems.push({ row, column: 'bucket', value: r[at.bucket!] ?? '', rule: `must be one of ${BUCKETS.join(', ')}` });
    return {
      name,
      cost: number(r[at.cost!], row, 'cost', problems, style),
      capacityMinutes: number(r[at.capacityMinutes!], row, 'capacityMinutes', problems, style, true),
      bucket: bucket ?? 'service',
    };
  });
  if (problems.length) refuse(file, problems);
  return out;
}

/** An activity as activities.csv gives it: time-based (minutesPerUnit) or rate-based (costPerUnit), and its level in the cost hierarchy. */
export interface ActivityRow {
  pool: string;
  name: string;
  minutesPerUnit: number;
  costPerUnit?: number;
  level?: ActivityLevel;
}

export const blank = (raw: string | undefined) => (raw ?? '').trim() === '';

/** activities.csv: `pool,activity,minutesPerUnit` (or `costPerUnit` for a rate-based one), and `level` when given: one row per activity. */
export function readActivities(file: string, table: Table, pools: readonly string[]): ActivityRow[] {
  const at = header(file, table, ACTIVITY_SYNONYMS, ['pool', 'activity']);
  if (at.minutesPerUnit === undefined && at.costPerUnit === undefined) refuse(file, [{ row: 1, rule: `no column for minutesPerUnit or costPerUnit (the header row has ${(table.records[0] ?? []).join(', ')})` }]);
  const style = { decimalComma: table.decimalComma };
  const known = new Map(pools.map((p) => [p.toLowerCase(), p]));
  const problems: Problem[] = [];
  const out = rows(table).map(({ r, row }) => {
    const poolText = (r[at.pool!] ?? '').trim();
    const pool = known.get(poolText.toLowerCase());
    if (!pool) problems.push({ row, column: 'pool', value: poolText, rule: `no pool "${poolText}" (the pools are ${pools.join(', ') || 'none yet'})` });
    const name = (r[at.activity!] ?? '').trim();
    if (!name) problems.push({ row, column: 'activity', rule: 'an activity needs a name' });
    const minutes = at.minutesPerUnit === undefined ? undefined : r[at.minutesPerUnit];
    const cost = at.costPerUnit === undefined ? undefined : r[at.costPerUnit];
    const activity: ActivityRow = { pool: pool ?? poolText, name, minutesPerUnit: 0 };
    if (!blank(cost)) {
      if (!blank(minutes)) problems.push({ row, column: 'costPerUnit', value: cost ?? '', rule: 'an activity is costed by minutes or by a cost per unit, not both: leave one of them empty' });
      activity.costPerUnit = number(cost, row, 'costPerUnit', problems, style);
    } else activity.minutesPerUnit = number(minutes, row, 'minutesPerUnit', problems, style);
    const levelText = at.level === undefined ? '' : (r[at.level] ?? '').trim().toLowerCase().replace(/\s+/g, '-');
    if (levelText) {
      const level = ACTIVITY_LEVELS.find((l) => l === levelText);
      if (level) activity.level = level;
      else problems.push({ row, column: 'level', value: r[at.level!] ?? '', rule: `must be one of ${ACTIVITY_LEVELS.join(', ')}` });
    }
    return activity;
  });
  if (problems.length) refuse(file, problems);
  return out;
}

/** drivers.csv: `account`, then one column per activity holding each account's count. */
export function readDrivers(file: string, table: Table, activities: readonly string[]): DriverCount[] {
  const headers = table.records[0] ?? [];
  const at = header(file, table, ACCOUNT_SYNONYMS, ['account']);
  const known = new Map(activities.map((a) => [a.toLowerCase(), a]));
  const problems: Problem[] = [];
  const columns = headers.flatMap((h, k) => {
    if (k === at.account || h.trim() === '') return [];
    const activity = known.get(h.trim().toLowerCase());
    if (!activity) problems.push({ row: 1, column: h, rule: `no activity "${h.trim()}" (the activities are ${activities.join(', ') || 'none yet'})` });
    return activity ? [{ k, activity }] : [];
  });
  const style = { decimalComma: table.decimalComma };
  const out: DriverCount[] = [];
  for (const { r, row } of rows(table)) {
    const account = nfc((r[at.account!] ?? '').trim());
    if (!account) problems.push({ row, column: headers[at.account!] ?? 'account', rule: 'a driver row needs its account' });
    for (const { k, activity } of columns) {
      const raw = r[k] ?? '';
      out.push({ account, activity, count: raw.trim() === '' ? 0 : number(raw, row, headers[k]!, problems, style) });
    }
  }
  if (problems.length) refuse(file, problems);
  return out;
}

export interface LinesOptions {
  activity: string;
  /** The header of the account column; found by name and synonyms when not given. */
  accountColumn?: string;
  /** Sum this column (quantities, hours) instead of counting the lines. */
  sumColumn?: string;
  /** The activity's time equation: each line's attributes it names are read and checked, and kept in total per account. */
  equation?: readonly EquationTerm[];
}

/** Transaction lines read and checked, one entry per line, as columns: what the database counts or sums per account. */
export interface Lines {
  /** The account as the line names it (NFC). */
  accounts: string[];
  /** What lines of one account share: its name with case folded, as every account lookup of an import folds it. */
  keys: string[];
  /** 1 for each line when counting, else the summed column's value. */
  amounts: number[];
  /** Per account key, what its lines hold for the equation: attribute, value ('' for a number's sum) and amount. */
  totals: Map<string, Map<string, { attribute: string; value: string; amount: number }>>;
}

/**
 * Transaction lines (one row per order, ticket or visit, as ERP and CRM
 * exports give them), each checked (its account, its number): the database
 * then turns them into one activity's count per account (repos/lines.ts),
 * the number of lines or the sum of a column.
 */
export function readLines(file: string, table: Table, o: LinesOptions): Lines {
  const headers = table.records[0] ?? [];
  const find = (name: string) => {
    const k = headers.findIndex((h) => h.trim().toLowerCase() === name.trim().toLowerCase());
    if (k < 0) refuse(file, [{ row: 1, value: name, rule: `no column "${name}" in the header row (it has ${headers.join(', ')})` }]);
    return k;
  };
  const accountAt = o.accountColumn !== undefined ? find(o.accountColumn) : header(file, table, ACCOUNT_SYNONYMS, ['account']).account!;
  const sumAt = o.sumColumn !== undefined ? find(o.sumColumn) : null;
  const style = { decimalComma: table.decimalComma };
  const problems: Problem[] = [];
  const { numeric, text } = equationAttributes(o.equation ?? []);
  const named = (attribute: string) => {
    const k = headers.findIndex((h) => h.trim().toLowerCase() === attribute.toLowerCase());
    if (k < 0) problems.push({ row: 1, value: attribute, rule: `no column "${attribute}" in the header row, which the equation of "${o.activity}" names (it has ${headers.join(', ')})` });
    return { attribute, k };
  };
  const numbers = numeric.map(named);
  const texts = text.map(named);
  if (problems.length) refuse(file, problems);
  const out: Lines = { accounts: [], keys: [], amounts: [], totals: new Map() };
  for (const { r, row } of rows(table)) {
    const account = nfc((r[accountAt] ?? '').trim());
    if (!account) {
      problems.push({ row, column: headers[accountAt], rule: 'a line needs its account' });
      continue;
    }
    out.accounts.push(account);
    const key = account.toLowerCase();
    out.keys.push(key);
    out.amounts.push(sumAt === null ? 1 : number(r[sumAt], row, headers[sumAt]!, problems, style));
    if (!numbers.length && !texts.length) continue;
    let totals = out.totals.get(key);
    if (!totals) out.totals.set(key, (totals = new Map()));
    const add = (attribute: string, value: string, amount: number) => {
      const k = `${attribute}\u0000${value}`;
      const t = totals.get(k);
      if (t) t.amount += amount;
      else totals.set(k, { attribute, value, amount });
    };
    for (const { attribute, k } of numbers) add(attribute, '', number(r[k], row, headers[k]!, problems, style));
    for (const { attribute, k } of texts) {
      const raw = r[k] ?? '';
      if (blank(raw)) problems.push({ row, column: headers[k], rule: `is empty: the equation of "${o.activity}" compares ${attribute} with a value, so every line needs one` });
      else add(attribute, foldValue(raw), 1);
    }
  }
  if (problems.length) refuse(file, problems);
  return out;
}

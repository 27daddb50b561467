import { OPTIONAL_NUMBER_FIELDS } from '../../../../shared/schemas/fields';
import { COLUMN, ROW_COLUMNS_SQL, ROW_FIELDS } from '../columns';
import type { Sql } from '../sql';
import type { RowTable } from './bulk-rows';
import { nextPosition, touchRow } from './rows';

/**
 * "Empty cells only": one period's rows (actuals or plan) filled from
 * another's without overwriting anything. An account the target lacks is
 * added as a copy of the source's row; an optional field the target left
 * blank (null) takes the source's value; every value already there stays.
 */

/** Where rows are read from or written to: a period's actuals or its plan. */
export interface RowSide {
  periodId: number;
  table: RowTable;
}

/** What a fill did, or would do. */
export interface FillCounts {
  /** Accounts added as copies of the source's rows. */
  accounts: number;
  /** Blank cells of the target's rows that took the source's value. */
  cells: number;
  /** Blank upsell or cross-sell cells left blank: the source's value would take upsell + cross-sell above the target's revenue. */
  kept: number;
}

/** The fill worked out from what both sides hold, before anything is written. */
export interface FillPlan extends FillCounts {
  /** Ids of the accounts added, each with the source's stored values in ROW_FIELDS' order. */
  adds: { accountId: number; values: unknown[] }[];
  /** Ids of the accounts whose blank cells are filled: column to value. */
  updates: { accountId: number; set: Map<string, unknown> }[];
}

const OPTIONAL_AT = OPTIONAL_NUMBER_FIELDS.map((f) => ROW_FIELDS.indexOf(f as (typeof ROW_FIELDS)[number]));
const AT = (f: string) => ROW_FIELDS.indexOf(f as (typeof ROW_FIELDS)[number]);
const [REVENUE, UPSELL, CROSS_SELL] = [AT('revenue'), AT('upsell'), AT('crossSell')];

async function stored(tx: Sql, side: RowSide): Promise<[number, unknown[]][]> {
  const rows = await tx.rows(`SELECT account_id, ${ROW_COLUMNS_SQL} FROM ${side.table} WHERE period_id = ? ORDER BY position, account_id`, [side.periodId]);
  return rows.map((r) => [r[0] as number, r.slice(1)]);
}

/** What filling `to` from `from` would do; nothing is written. */
export async function planFill(tx: Sql, from: RowSide, to: RowSide): Promise<FillPlan> {
  const target = new Map(await stored(tx, to));
  const plan: FillPlan = { accounts: 0, cells: 0, kept: 0, adds: [], updates: [] };
  for (const [accountId, source] of await stored(tx, from)) {
    const have = target.get(accountId);
    if (!have) {
      plan.adds.push({ accountId, values: source });
      plan.accounts++;
      continue;
    }
    const set = new Map<string, unknown>();
    for (const at of OPTIONAL_AT) if (have[at] === null && source[at] !== null) set.set(ROW_FIELDS[at]!, source[at]);
    // The rule that joins two fields: upsell + cross-sell within revenue (the table's CHECK). A value that would break it stays blank.
    const up = (set.get('upsell') ?? have[UPSELL] ?? 0) as number;
    const cross = (set.get('crossSell') ?? have[CROSS_SELL] ?? 0) as number;
    if (up + cross > (have[REVENUE] as number) * (1 + 1e-12) + 1e-9) {
      for (const f of ['upsell', 'crossSell']) if (set.delete(f)) plan.kept++;
    }
    if (set.size === 0) continue;
    plan.updates.push({ accountId, set });
    plan.cells += set.size;
  }
  return plan;
}

/** The ids of every account a fill writes: what its history step keeps before and after. */
export const filledAccounts = (plan: FillPlan): number[] => [...plan.adds.map((a) => a.accountId), ...plan.updates.map((u) => u.accountId)];

/** Write a fill worked out by planFill; the caller holds the transaction (and records the history). */
export async function applyFill(tx: Sql, to: RowSide, plan: FillPlan, by: string, at: string): Promise<FillCounts> {
  let position = await nextPosition(tx, to.periodId, to.table);
  const insert = `INSERT INTO ${to.table} (period_id, account_id, position, ${ROW_COLUMNS_SQL}) VALUES (?, ?, ?, ${ROW_FIELDS.map(() => '?').join(', ')})`;
  for (const add of plan.adds) await tx.run(insert, [to.periodId, add.accountId, position++, ...add.values]);
  for (const u of plan.updates) {
    const fields = [...u.set.keys()];
    await tx.run(`UPDATE ${to.table} SET ${fields.map((f) => `${COLUMN[f as (typeof ROW_FIELDS)[number]]} = ?`).join(', ')} WHERE period_id = ? AND account_id = ?`, [
      ...fields.map((f) => u.set.get(f)),
      to.periodId,
      u.accountId,
    ]);
  }
  // The actuals say who changed a row last; the plan keeps no versions.
  if (to.table === 'period_rows') for (const id of filledAccounts(plan)) await touchRow(tx, to.periodId, id, by, at);
  return { accounts: plan.accounts, cells: plan.cells, kept: plan.kept };
}

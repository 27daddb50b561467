import { toRowColumns } from '../../../shared/engine/columns';
import { actorName } from '../actor';
import { auditWorkbook } from '../db/repos/audit';
import { applyFill, filledAccounts, planFill, type FillCounts } from '../db/repos/fill';
import { recorded, recordedPlan } from '../db/repos/history';
import { listColumns } from '../db/repos/period-rows';
import { getPeriod } from '../db/repos/periods';
import { clearPlan, copyActualsToPlan, planRowCount } from '../db/repos/plan';
import type { Sql } from '../db/sql';
import { defineHandlers } from './types';

/** Fill one period's actuals from another's, empty cells only, as one undoable step. */
export async function fillPeriod(tx: Sql, label: string, from: string) {
  const target = await getPeriod(tx, label);
  const source = await getPeriod(tx, from);
  const to = { periodId: target.id, table: 'period_rows' as const };
  const plan = await planFill(tx, { periodId: source.id, table: 'period_rows' }, to);
  const ids = filledAccounts(plan);
  const write = () => applyFill(tx, to, plan, actorName(), new Date().toISOString());
  // Nothing to fill is no step of the history: an Undo that changes nothing would only confuse.
  const done = ids.length === 0 ? await write() : await recorded(tx, `fill ${target.label} from ${source.label}`, target.id, ids, write);
  if (done.accounts + done.cells > 0) await auditWorkbook(tx, target.label, 'period', null, `${target.label} filled from ${source.label}: ${fillWords(done)}`);
  return { period: target.label, from: source.label, ...done };
}

/** What a fill did, in words. */
export function fillWords(c: FillCounts): string {
  const n = (k: number, one: string, many: string) => `${k.toLocaleString('en-US')} ${k === 1 ? one : many}`;
  const kept = c.kept > 0 ? `; ${n(c.kept, 'upsell or cross-sell cell', 'upsell or cross-sell cells')} left blank (the value would pass the row's revenue)` : '';
  return `${n(c.accounts, 'account', 'accounts')} added, ${n(c.cells, 'empty cell', 'empty cells')} filled${kept}`;
}

export const planHandlers = defineHandlers({
  'plan.columns': ({ period }, { session }) =>
    session.read(async (tx) => {
      const cols = await listColumns(tx, (await getPeriod(tx, period)).id, undefined, 'plan_rows');
      return toRowColumns(cols, new Array<number>(cols.n).fill(1));
    }),
  'plan.copy': ({ period, emptyOnly }, { session }) =>
    session.write(async (tx) => {
      const p = await getPeriod(tx, period);
      let counts: FillCounts = { accounts: 0, cells: 0, kept: 0 };
      const label = emptyOnly ? `fill the plan of ${p.label} from its actuals` : `copy the actuals of ${p.label} into its plan`;
      await recordedPlan(tx, label, p.id, async () => {
        if (emptyOnly) {
          const to = { periodId: p.id, table: 'plan_rows' as const };
          counts = await applyFill(tx, to, await planFill(tx, { periodId: p.id, table: 'period_rows' }, to), actorName(), new Date().toISOString());
        } else counts = { accounts: await copyActualsToPlan(tx, p.id), cells: 0, kept: 0 };
      });
      await auditWorkbook(tx, p.label, 'plan', null, emptyOnly ? `plan filled from the actuals: ${fillWords(counts)}` : `plan copied from the actuals (${counts.accounts} rows)`);
      return { period: p.label, from: `${p.label} actuals`, emptyOnly, ...counts, planRows: await planRowCount(tx, p.id) };
    }),
  'plan.clear': ({ period }, { session }) =>
    session.write(async (tx) => {
      const p = await getPeriod(tx, period);
      let removed = 0;
      await recordedPlan(tx, `clear the plan of ${p.label}`, p.id, async () => {
        removed = await clearPlan(tx, p.id);
      });
      if (removed > 0) await auditWorkbook(tx, p.label, 'plan', null, `plan cleared (${removed} rows)`);
      return { period: p.label, removed };
    }),
});

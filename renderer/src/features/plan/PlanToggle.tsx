import { useState } from 'react';
import './plan.css';
import type { Workbook } from '../../state/useWorkbook';
import { HOW_TO_PLAN } from './usePlan';

/**
 * The sheet toolbar's "Plan vs actual": a toggle of the variance columns when
 * the period has a plan; without one, what a plan is and how to make one,
 * with the copy of the actuals one click away.
 */
export function PlanToggle({ wb, has, on, toggle }: { wb: Workbook; has: boolean; on: boolean; toggle: () => void }) {
  const [open, setOpen] = useState(false);
  if (has) {
    return (
      <button type="button" aria-pressed={on} onClick={toggle} title="Show or hide the variance columns: actual − plan, and as a % of plan, for revenue, total cost and profit">
        Plan vs actual
      </button>
    );
  }
  const copy = async () => {
    try {
      const done = await wb.client.call('plan.copy', { period: wb.period! });
      setOpen(false);
      await wb.reload(done.period);
      wb.setNotice({ kind: 'info', text: `Copied the actuals of ${done.period} into its plan (${done.planRows.toLocaleString()} rows; Ctrl+Z undoes it).` });
    } catch (e) {
      wb.setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <span className="plan-toggle">
      <button type="button" aria-expanded={open} onClick={() => setOpen((v) => !v)} title={`${wb.period ?? 'This period'} has no plan yet`}>
        Plan vs actual…
      </button>
      {open ? (
        <span className="plan-explain" role="note">
          <b>{wb.period} has no plan yet.</b> {HOW_TO_PLAN.before} <code>{HOW_TO_PLAN.command}</code> {HOW_TO_PLAN.after}{' '}
          <button type="button" onClick={() => void copy()} disabled={Boolean(wb.info?.readOnly)}>
            Copy the actuals into the plan
          </button>
        </span>
      ) : null}
    </span>
  );
}

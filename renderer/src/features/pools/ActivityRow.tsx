import { useState } from 'react';
import { currentNumberLocale } from '../../../../shared/format';
import { ACTIVITY_LEVELS, type Activity, type ActivityLevel } from '../../../../shared/schemas/pools';
import { EquationEditor } from './EquationEditor';
import { readNumber } from './numbers';

type Costing = 'minutes' | 'equation' | 'rate';
const COSTINGS: { value: Costing; label: string }[] = [
  { value: 'minutes', label: 'Minutes per unit' },
  { value: 'equation', label: 'Time equation' },
  { value: 'rate', label: 'Cost per unit' },
];
/** The customer cost hierarchy (DOMAIN.md, "Cost pools") as people read it. */
export const LEVEL_LABELS: Record<ActivityLevel, string> = { order: 'Order', delivery: 'Delivery', 'customer-sustaining': 'Customer-sustaining', channel: 'Channel' };
export const ACTIVITY_COLUMNS = 5;

/** The activity without one of its optional parts (its cost per unit, its level). */
function without<K extends 'costPerUnit' | 'level'>(a: Activity, key: K): Omit<Activity, K> {
  const copy = { ...a };
  delete copy[key];
  return copy;
}
const costingOf = (a: Activity): Costing => (a.costPerUnit !== undefined ? 'rate' : a.equation.length ? 'equation' : 'minutes');
const currencySymbol = (currency: string) =>
  new Intl.NumberFormat(currentNumberLocale(), { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;

/**
 * One activity of a pool: its name, how it is costed (minutes per unit of its
 * driver, a time equation over its transaction lines, or a cost per unit in
 * the workbook currency), its level in the customer cost hierarchy; the
 * equation's terms in a row of their own below it.
 */
export function ActivityRow({ pool, activity: a, currency, rename, change, remove }: {
  pool: string;
  activity: Activity;
  currency: string;
  rename: (name: string) => void;
  change: (next: Activity) => void;
  remove: () => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const costing = costingOf(a);
  const timed = without(a, 'costPerUnit');
  const choose = (c: Costing) => {
    setProblem(null);
    if (c === 'minutes') change({ ...timed, equation: [] });
    // The base term takes the minutes per unit, so the figures stay as they were until terms are added.
    if (c === 'equation') change({ ...timed, equation: [{ minutes: a.minutesPerUnit }] });
    if (c === 'rate') change({ ...a, equation: [], costPerUnit: 0 });
  };
  const amount = (label: string, value: number, read: (v: number) => void) => (
    <input
      aria-label={`${label === 'Minutes per unit' ? 'Minutes' : 'Cost'} per ${a.name}`}
      aria-invalid={problem ? true : undefined}
      key={`${label}-${value}`}
      defaultValue={String(value)}
      inputMode="decimal"
      size={8}
      onBlur={(e) => {
        const v = readNumber(e.currentTarget.value);
        const text = e.currentTarget.value.trim();
        if (v === null) return setProblem(`${label} of ${a.name} must be a number (${text ? `"${text}"` : 'it is empty'}): nothing was saved.`);
        if (v < 0) return setProblem(`${label} of ${a.name} must be 0 or more: nothing was saved.`);
        setProblem(null);
        if (v !== value) read(v);
      }}
      onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
    />
  );

  return (
    <>
      <tr>
        <th scope="row">
          <input
            aria-label={`Activity ${a.name} of ${pool}`}
            defaultValue={a.name}
            onBlur={(e) => {
              const name = e.currentTarget.value.trim();
              if (name && name !== a.name) rename(name);
            }}
            onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          />
        </th>
        <td>
          <select aria-label={`How ${a.name} is costed`} value={costing} onChange={(e) => choose(e.target.value as Costing)}>
            {COSTINGS.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </td>
        <td className="activity-amount">
          {costing === 'minutes' ? (
            <span className="with-unit">
              {amount('Minutes per unit', a.minutesPerUnit, (v) => change({ ...a, minutesPerUnit: v }))}
              <span>min a unit</span>
            </span>
          ) : costing === 'rate' ? (
            <span className="with-unit">
              <span aria-hidden="true">{currencySymbol(currency)}</span>
              {amount('Cost per unit', a.costPerUnit ?? 0, (v) => change({ ...a, costPerUnit: v }))}
              <span>a unit</span>
            </span>
          ) : (
            <span className="hint">per transaction line, below</span>
          )}
        </td>
        <td>
          <select
            aria-label={`Level of ${a.name}`}
            value={a.level ?? ''}
            onChange={(e) => {
              change(e.target.value ? { ...a, level: e.target.value as ActivityLevel } : without(a, 'level'));
            }}
          >
            <option value="">None</option>
            {ACTIVITY_LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
        </td>
        <td>
          <button type="button" aria-label={`Delete activity ${a.name}`} onClick={remove}>
            ×
          </button>
        </td>
      </tr>
      {problem ? (
        <tr className="activity-note">
          <td colSpan={ACTIVITY_COLUMNS}>
            <p className="field-error" role="alert">
              {problem}
            </p>
          </td>
        </tr>
      ) : null}
      {costing === 'equation' ? (
        <tr className="equation-row">
          <td colSpan={ACTIVITY_COLUMNS}>
            <EquationEditor activity={a.name} pool={pool} terms={a.equation} commit={(equation) => change({ ...a, equation })} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

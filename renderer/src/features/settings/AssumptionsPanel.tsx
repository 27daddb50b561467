import { useState } from 'react';
import type { Assumptions, AssumptionsPatch } from '../../../../shared/schemas/assumptions';
import { parseNumber } from '../../../../shared/text/numbers';

const FIELDS: { key: keyof Assumptions; label: string; help: string }[] = [
  { key: 'currency', label: 'Currency', help: 'ISO code for display, e.g. USD, EUR, GBP.' },
  { key: 'dailyRate', label: 'Daily rate', help: "The value of a rep's day." },
  { key: 'hoursPerDay', label: 'Hours per day', help: 'Working hours in that day.' },
  { key: 'meetingHours', label: 'Meeting hours', help: 'Rep hours one meeting takes (1.6 makes a meeting cost 200 at 1,000 a day).' },
  { key: 'callHours', label: 'Call hours', help: 'Rep hours one call takes (0.4 makes a call cost 50).' },
  { key: 'revenueSplit', label: 'Revenue split', help: "Where the matrix splits big from small accounts. Empty: the period's median revenue." },
  { key: 'marginSplit', label: 'Margin split', help: "Where the matrix splits good from thin margins, e.g. 20%. Empty: the portfolio's margin." },
  { key: 'investThreshold', label: 'Invest threshold (×)', help: 'The pre-call check says Invest when the expected return is at least this many times the cost.' },
  { key: 'reviewThreshold', label: 'Review threshold (×)', help: 'Review from this multiple up to the Invest threshold; Skip below it.' },
  { key: 'defaultLifespanYears', label: 'Default lifespan (years)', help: 'CLV of an account that gives no lifespan.' },
];

function toPatch(key: keyof Assumptions, text: string): AssumptionsPatch | string {
  if (key === 'currency') return { currency: text };
  if ((key === 'revenueSplit' || key === 'marginSplit') && text.trim() === '') return { [key]: null };
  const n = parseNumber(text);
  if (!n.ok || n.value === null) return `${text} is not a number`;
  return { [key]: n.value };
}

function shown(key: keyof Assumptions, a: Assumptions): string {
  const v = a[key];
  if (v === null) return '';
  if (key === 'marginSplit' && typeof v === 'number') return `${+(v * 100).toFixed(4)}%`;
  return String(v);
}

/** The workbook's own settings, one field at a time; each change recomputes the sheet at once. */
export function AssumptionFields({ assumptions, onChange }: { assumptions: Assumptions; onChange: (patch: AssumptionsPatch) => Promise<string | null> }) {
  const [errors, setErrors] = useState<Partial<Record<keyof Assumptions, string>>>({});
  const commit = async (key: keyof Assumptions, text: string) => {
    if (text === shown(key, assumptions)) return;
    const patch = toPatch(key, text);
    const problem = typeof patch === 'string' ? patch : await onChange(patch);
    setErrors((e) => ({ ...e, [key]: problem ?? undefined }));
  };
  return (
    <>
      {FIELDS.map((f) => (
        <label key={f.key} className="assumption">
          <span>{f.label}</span>
          <input
            name={f.key}
            defaultValue={shown(f.key, assumptions)}
            key={`${f.key}-${shown(f.key, assumptions)}`}
            aria-invalid={errors[f.key] ? true : undefined}
            onBlur={(e) => void commit(f.key, e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void commit(f.key, e.currentTarget.value);
            }}
          />
          <small className={errors[f.key] ? 'field-error' : undefined}>{errors[f.key] ?? f.help}</small>
        </label>
      ))}
    </>
  );
}

/** The assumptions beside the sheet, to change while watching the numbers move. */
export function AssumptionsPanel({ assumptions, onChange, onClose }: {
  assumptions: Assumptions;
  onChange: (patch: AssumptionsPatch) => Promise<string | null>;
  onClose: () => void;
}) {
  return (
    <aside className="assumptions" aria-label="Assumptions">
      <header>
        <h2>Assumptions</h2>
        <button type="button" onClick={onClose} aria-label="Close assumptions">
          ×
        </button>
      </header>
      <AssumptionFields assumptions={assumptions} onChange={onChange} />
    </aside>
  );
}

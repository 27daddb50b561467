import { useState } from 'react';
import type { Assumptions, AssumptionsPatch } from '../../../../shared/schemas/assumptions';
import { parseNumber } from '../../../../shared/text/numbers';
import { ASSUMPTIONS } from '../../../../shared/catalogue/assumptions';

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
      {ASSUMPTIONS.map((f) => (
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

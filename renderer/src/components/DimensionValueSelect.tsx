import type { ReactNode } from 'react';

export interface DimensionValue {
  name: string;
  value: string;
}

/** A select's value for one dimension's value: both parts, so a value that is also another dimension's stays apart. */
const encode = (d: DimensionValue) => JSON.stringify([d.name, d.value]);

/**
 * "All accounts / region: EMEA / ...": one value of any of the workbook's
 * dimensions, grouped by dimension. The dashboard's filter and the trends'
 * choice of accounts are this one control.
 */
export function DimensionValueSelect({
  label,
  ariaLabel,
  dimensions,
  value,
  onChange,
  between,
  children,
}: {
  label: string;
  ariaLabel: string;
  dimensions: readonly { name: string; values: readonly string[] }[];
  value: DimensionValue | null;
  onChange: (picked: DimensionValue | null) => void;
  /** What stands between a dimension's name and its value in an option (": " or " = "). */
  between: string;
  children?: ReactNode;
}) {
  if (!dimensions.length) return null;
  return (
    <label>
      {label}{' '}
      <select
        aria-label={ariaLabel}
        value={value ? encode(value) : ''}
        onChange={(e) => {
          const picked = e.target.value ? (JSON.parse(e.target.value) as [string, string]) : null;
          onChange(picked ? { name: picked[0], value: picked[1] } : null);
        }}
      >
        <option value="">All accounts</option>
        {dimensions.map((d) => (
          <optgroup key={d.name} label={d.name}>
            {[...d.values].sort((a, b) => a.localeCompare(b)).map((v) => (
              <option key={v} value={encode({ name: d.name, value: v })}>
                {d.name}
                {between}
                {v}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {children}
    </label>
  );
}

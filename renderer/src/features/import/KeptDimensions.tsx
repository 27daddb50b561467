import { useRef, useState } from 'react';
import type { ImportSummary } from '../../../../shared/ipc/contract';
import { formatCount } from '../../../../shared/format';
import './kept-dimensions.css';

/** A column of the file no field reads, kept (or not) as a dimension of the accounts under a name. */
interface Choice {
  keep: boolean;
  name: string;
}

/** A header's default name: the header itself, as short as a dimension's name may be. */
const defaultName = (header: string) => header.trim().replace(/\s+/g, ' ').slice(0, 40);

/**
 * The wizard's "Keep as a dimension" (DOMAIN.md, "Plan, dimensions"): the
 * choices by header, kept in a ref too, so a check started in the same
 * event as a change already sends it. `request` is what import.preview and
 * import.commit take: the kept columns no field reads now.
 */
export function useKeptDimensions() {
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const ref = useRef(choices);
  const set = (next: Record<string, Choice>) => {
    ref.current = next;
    setChoices(next);
  };
  const request = (mapped: Partial<Record<string, string>>) => {
    const read = new Set(Object.values(mapped).map((h) => (h ?? '').toLowerCase()));
    return Object.entries(ref.current)
      .filter(([header, c]) => c.keep && c.name.trim() !== '' && !read.has(header.toLowerCase()))
      .map(([header, c]) => ({ name: c.name.trim(), header }));
  };
  return { choices, set, request, reset: () => set({}) };
}

export type KeptDimensionsState = ReturnType<typeof useKeptDimensions>;

/** What the summary says of a kept column: "Region kept as dimension region: 38 accounts, 4 values (Americas, APAC, EMEA, ...)". */
export function keptInWords(d: ImportSummary['dimensions'][number]): string {
  const many = d.values.length >= 20 ? '20 or more values' : formatCount(d.values.length, 'value');
  const some = d.values.slice(0, 3).join(', ') + (d.values.length > 3 ? ', ...' : '');
  return `${d.header} kept as dimension ${d.name}: ${formatCount(d.accounts, 'account')}, ${many}${d.values.length ? ` (${some})` : ''}`;
}

/**
 * Each column of the file that no field reads, with "Keep as a dimension"
 * and the dimension's name (the header by default): a change checks the
 * file again, so what the import would keep is said before it is done.
 */
export function KeptDimensions({ kept, summary, disabled, onChange }: { kept: KeptDimensionsState; summary: ImportSummary; disabled: boolean; onChange: () => void }) {
  const keptHeaders = summary.dimensions.map((d) => d.header);
  const headers = [...summary.unmappedColumns, ...keptHeaders.filter((h) => !summary.unmappedColumns.includes(h))].filter((h) => h.trim() !== '');
  if (headers.length === 0) return null;
  const choiceOf = (h: string): Choice => kept.choices[h] ?? { keep: false, name: defaultName(h) };
  const update = (h: string, next: Partial<Choice>, check: boolean) => {
    kept.set({ ...kept.choices, [h]: { ...choiceOf(h), ...next } });
    if (check) onChange();
  };
  return (
    <fieldset className="kept-dimensions" data-testid="import-dimensions">
      <legend>Columns no field reads</legend>
      <p className="hint">Not imported unless you keep one as a dimension of the accounts (region, industry, channel…): a column of the sheet you can group and filter by.</p>
      <ul>
        {headers.map((h, k) => {
          const c = choiceOf(h);
          const said = summary.dimensions.find((d) => d.header.toLowerCase() === h.toLowerCase());
          return (
            <li key={h}>
              <label>
                <input type="checkbox" checked={c.keep} disabled={disabled} onChange={(e) => update(h, { keep: e.target.checked }, true)} /> Keep <b>{h}</b> as a dimension
              </label>
              {c.keep ? (
                <>
                  {' '}
                  <label htmlFor={`kept-dimension-${k}`}>named</label>{' '}
                  <input
                    id={`kept-dimension-${k}`}
                    aria-label={`Name of the dimension kept from ${h}`}
                    value={c.name}
                    maxLength={40}
                    disabled={disabled}
                    onChange={(e) => update(h, { name: e.target.value }, false)}
                    onBlur={() => said?.name !== c.name.trim() && onChange()}
                    onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), onChange())}
                  />
                  {said ? (
                    <span className="kept-said" role="status">
                      {keptInWords(said)}.
                    </span>
                  ) : null}
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

import { fieldLabel } from '../../../../shared/catalogue';
import type { AmbiguousColumns, HeaderRule } from '../../../../shared/ipc/contract';
import { ambiguityInWords, headerRuleInWords } from '../../../../shared/text/header-rule';
import { INPUT_FIELDS, type InputField } from '../../../../shared/schemas/fields';

/**
 * Which column of the file fills each field, by the field's label, and how
 * that column was matched (its name, a synonym and its language, a word of
 * its header, or the person's choice); any of them can be changed or left out.
 * Columns whose header names more than one field are listed for the person to map.
 */
export function ColumnMapping({
  map,
  headers,
  matchedBy,
  ambiguous,
  disabled,
  onChange,
}: {
  map: Partial<Record<InputField, string>>;
  headers: string[];
  matchedBy: Partial<Record<InputField, HeaderRule>>;
  ambiguous: readonly AmbiguousColumns[];
  disabled: boolean;
  onChange: (field: InputField, header: string) => void;
}) {
  return (
    <>
      {ambiguous.length ? (
        <ul className="hint import-ambiguous" data-testid="import-ambiguous">
          {ambiguous.map((a, k) => (
            <li key={k}>{ambiguityInWords(a)}: not imported until you pick it below, under the field it gives.</li>
          ))}
        </ul>
      ) : null}
      <table className="data-table mapping">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Column of the file</th>
            <th scope="col">Matched by</th>
          </tr>
        </thead>
        <tbody>
          {INPUT_FIELDS.map((f) => {
            const rule = map[f] !== undefined ? matchedBy[f] : undefined;
            return (
              <tr key={f}>
                <th scope="row">{fieldLabel(f)}</th>
                <td>
                  <select aria-label={`Column for ${fieldLabel(f)}`} value={map[f] ?? ''} onChange={(e) => onChange(f, e.target.value)} disabled={disabled}>
                    <option value="">— not in this file —</option>
                    {headers.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="match-rule" data-testid={`match-rule-${f}`}>
                  {rule ? headerRuleInWords(rule, f) : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

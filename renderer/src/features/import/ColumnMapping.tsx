import { fieldLabel } from '../../../../shared/catalogue';
import { INPUT_FIELDS, type InputField } from '../../../../shared/schemas/fields';

/** Which column of the file fills each field, by the field's label; any of them can be changed or left out. */
export function ColumnMapping({ map, headers, disabled, onChange }: { map: Partial<Record<InputField, string>>; headers: string[]; disabled: boolean; onChange: (field: InputField, header: string) => void }) {
  return (
    <table className="data-table mapping">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Column of the file</th>
        </tr>
      </thead>
      <tbody>
        {INPUT_FIELDS.map((f) => (
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
          </tr>
        ))}
      </tbody>
    </table>
  );
}

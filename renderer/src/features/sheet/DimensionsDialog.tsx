import { useEffect, useState } from 'react';
import type { DimensionList } from '../../../../shared/schemas/dimensions';
import { Modal } from '../../components/Modal';
import type { Workbook } from '../../state/useWorkbook';
import { DIMENSION_TIP } from './dimensionColumns';
import './dimensions.css';

const accountsWord = (n: number) => `${n.toLocaleString()} account${n === 1 ? '' : 's'}`;

/**
 * The workbook's dimensions (DOMAIN.md, "Plan, dimensions"): add one (a new
 * column of the sheet, empty until values are typed or imported), rename one
 * in place, remove one after a confirmation saying how many accounts lose
 * their value. The sheet's columns follow each change.
 */
export function DimensionsDialog({ wb, onClose }: { wb: Workbook; onClose: () => void }) {
  const [list, setList] = useState<DimensionList | null>(null);
  const [name, setName] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const readOnly = Boolean(wb.info?.readOnly) || Boolean(wb.team?.offline);

  useEffect(() => {
    wb.client.call('dimensions.list').then(setList, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [wb.client]);

  /** One change: the list as the backend returns it, then the period's columns read again. */
  const change = async (call: () => Promise<DimensionList>, done: string) => {
    setError(null);
    try {
      setList(await call());
      await wb.refreshRows();
      wb.setNotice({ kind: 'info', text: done });
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    }
  };
  const rename = (from: string, text: string) => {
    const to = text.trim();
    if (to && to !== from) void change(() => wb.client.call('dimensions.rename', { name: from, newName: to }), `Renamed dimension ${from} to ${to}.`);
  };

  return (
    <Modal label="Dimensions" className="dimensions-dialog" onClose={onClose} initialFocus="#new-dimension">
      <header>
        <h2>Dimensions</h2>
        <button type="button" aria-label="Close dimensions" onClick={onClose}>
          ×
        </button>
      </header>
      <p className="hint">
        {DIMENSION_TIP} Each is a column of the sheet after Account: type or paste its values there, or keep a column as a dimension when you import a
        sheet.
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {list === null ? (
        <p role="status">Reading the dimensions…</p>
      ) : list.length === 0 ? (
        <p>No dimensions yet.</p>
      ) : (
        <table className="periods-table dimensions-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="num">
                Accounts with a value
              </th>
              <th scope="col">Values</th>
              <th scope="col" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr key={d.name}>
                <td>
                  <input
                    aria-label={`Name of dimension ${d.name}`}
                    defaultValue={d.name}
                    maxLength={40}
                    disabled={readOnly}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') rename(d.name, e.currentTarget.value);
                      if (e.key === 'Escape') e.currentTarget.value = d.name;
                    }}
                    onBlur={(e) => rename(d.name, e.currentTarget.value)}
                  />
                </td>
                <td className="num">{d.accounts.toLocaleString()}</td>
                <td className="dimension-values">{d.values.length ? `${d.values.slice(0, 4).join(', ')}${d.values.length > 4 ? ` and ${d.values.length - 4} more` : ''}` : '—'}</td>
                <td className="actions">
                  {confirming === d.name ? (
                    <span className="confirm" role="alert">
                      Remove {d.name}? {d.accounts ? `${accountsWord(d.accounts)} ${d.accounts === 1 ? 'loses its' : 'lose their'} value; ` : ''}this cannot be undone.{' '}
                      <button
                        type="button"
                        className="danger"
                        onClick={() => {
                          setConfirming(null);
                          void change(() => wb.client.call('dimensions.remove', { name: d.name }), `Removed dimension ${d.name}${d.accounts ? ` and the values of ${accountsWord(d.accounts)}` : ''}.`);
                        }}
                      >
                        Remove
                      </button>
                      <button type="button" onClick={() => setConfirming(null)}>
                        Keep
                      </button>
                    </span>
                  ) : (
                    <button type="button" aria-label={`Remove dimension ${d.name}`} disabled={readOnly} onClick={() => setConfirming(d.name)}>
                      Remove…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="add-dimension"
        onSubmit={(e) => {
          e.preventDefault();
          const wanted = name.trim();
          if (!wanted) return;
          void change(() => wb.client.call('dimensions.add', { name: wanted }), `Added dimension ${wanted}: a column of the sheet after Account.`).then((ok) => ok && setName(''));
        }}
      >
        <label htmlFor="new-dimension">New dimension</label>{' '}
        <input id="new-dimension" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Region or Industry" maxLength={40} disabled={readOnly} />{' '}
        <button type="submit" disabled={readOnly || name.trim() === ''}>
          Add dimension
        </button>
      </form>
    </Modal>
  );
}

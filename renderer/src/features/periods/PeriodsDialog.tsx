import { useState } from 'react';
import { Modal } from '../../components/Modal';
import type { Workbook } from '../../state/useWorkbook';

/**
 * The workbook's periods: rename one in place, move it earlier or later,
 * delete it after a confirmation that says what goes with it. Every action is
 * one step of the history, so Ctrl+Z brings a deleted period back.
 */
export function PeriodsDialog({ wb, onClose }: { wb: Workbook; onClose: () => void }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [start, setStart] = useState<string>(wb.period ?? '');

  const labels = wb.periods.map((p) => p.label);
  const move = (from: number, to: number) => {
    const next = [...labels];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    void wb.reorderPeriods(next);
  };
  const rename = (label: string, text: string) => {
    const newLabel = text.trim();
    if (newLabel && newLabel !== label) void wb.renamePeriod(label, newLabel);
  };

  return (
    <Modal label="Periods" className="periods-dialog" onClose={onClose}>
      <header>
        <h2>Periods</h2>
        <button type="button" aria-label="Close periods" onClick={onClose}>
          ×
        </button>
      </header>
      <p className="hint">
        Oldest first: trends read them in this order. Rename a period by editing its label (Enter saves); Ctrl+Z undoes any change here, a deletion too.
      </p>
      {wb.periods.length === 0 ? (
        <p>No periods yet: import a sheet, or add one with + Period.</p>
      ) : (
        <table className="periods-table">
          <thead>
            <tr>
              <th>Label</th>
              <th className="num">Accounts</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {wb.periods.map((p, k) => (
              <tr key={`${p.id}-${p.label}`}>
                <td>
                  <input
                    aria-label={`Label of ${p.label}`}
                    defaultValue={p.label}
                    maxLength={40}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') rename(p.label, e.currentTarget.value);
                      if (e.key === 'Escape') e.currentTarget.value = p.label;
                    }}
                    onBlur={(e) => rename(p.label, e.currentTarget.value)}
                  />
                </td>
                <td className="num">{p.rows.toLocaleString()}</td>
                <td className="actions">
                  <button type="button" aria-label={`Move ${p.label} earlier`} disabled={k === 0} onClick={() => move(k, k - 1)}>
                    ↑
                  </button>
                  <button type="button" aria-label={`Move ${p.label} later`} disabled={k === wb.periods.length - 1} onClick={() => move(k, k + 1)}>
                    ↓
                  </button>
                  {confirming === p.label ? (
                    <span className="confirm" role="alert">
                      Delete {p.label} and its {p.rows.toLocaleString()} row{p.rows === 1 ? '' : 's'}?{' '}
                      <button
                        type="button"
                        className="danger"
                        onClick={() => {
                          setConfirming(null);
                          void wb.deletePeriod(p.label);
                        }}
                      >
                        Delete
                      </button>
                      <button type="button" onClick={() => setConfirming(null)}>
                        Keep
                      </button>
                    </span>
                  ) : (
                    <button type="button" aria-label={`Delete ${p.label}`} onClick={() => setConfirming(p.label)}>
                      Delete…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="add-period"
        onSubmit={(e) => {
          e.preventDefault();
          if (!label.trim()) return;
          void wb.addPeriod(label.trim(), start || undefined);
          setLabel('');
        }}
      >
        <label>
          New period <input aria-label="New period" value={label} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. 2026-Q4" maxLength={40} />
        </label>
        <label>
          starts{' '}
          <select aria-label="New period starts" value={start} onChange={(e) => setStart(e.target.value)}>
            {wb.periods.map((p) => (
              <option key={p.id} value={p.label}>
                as a copy of {p.label} (rows and cost pools)
              </option>
            ))}
            <option value="">empty</option>
          </select>
        </label>
        <button type="submit">Add</button>
      </form>
    </Modal>
  );
}

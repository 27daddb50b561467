import { useEffect, useState } from 'react';
import type { SavedReport } from '../../../../shared/ipc/bridge';
import { describeAdjustment, type Scenario } from '../../../../shared/schemas/scenario';
import { desktopBridge } from '../../api/client';
import { downloadBase64 } from '../../components/download';
import { EmptyState } from '../../components/EmptyState';
import type { Workbook } from '../../state/useWorkbook';

const SECTIONS = [
  'A cover with the workbook, the period and the date',
  'The key figures: revenue, cost, profit, ROI, margin, loss makers, whale peak, churn, NPS and CSAT',
  'The whale curve: how much of the profit the best accounts earn and the tail gives back',
  'The profitability matrix and the suggested focus of each segment',
  'The five cost buckets of the largest accounts',
  'Segment and owner tables, and the top loss makers',
  'The scenarios chosen above, each against the baseline',
  'The assumptions, and every formula in plain words',
];

/**
 * The workshop report: a PDF of one period to leave behind. In the desktop
 * app Electron prints it and a save dialog asks where; in browser mode the
 * backend prints it with the installed Chromium and the browser saves it.
 */
export function ReportView({ wb }: { wb: Workbook }) {
  const [period, setPeriod] = useState(wb.period ?? '');
  const [paper, setPaper] = useState<'A4' | 'Letter'>('A4');
  const [saved, setSaved] = useState<Scenario[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [printing, setPrinting] = useState(false);

  useEffect(() => setPeriod((p) => p || wb.period || ''), [wb.period]);
  useEffect(() => {
    void wb.client.call('scenarios.list').then((list) => {
      setSaved(list);
      setChosen(new Set(list.map((s) => s.name)));
    });
  }, [wb.client]);

  if (!wb.periods.length) return <EmptyState title="Nothing to report yet">Import a sheet or add a period first; the report is made of one period.</EmptyState>;

  const save = async () => {
    setPrinting(true);
    const request = { period, paper, scenarios: saved.filter((s) => chosen.has(s.name)).map((s) => s.name) };
    try {
      const bridge = desktopBridge();
      if (bridge) {
        const r: SavedReport = await bridge.saveReport(request);
        if (r.saved) wb.setNotice({ kind: 'info', text: `Saved the report of ${r.period} to ${r.path} (${Math.round(r.bytes / 1024)} KiB).` });
        else if (!r.cancelled) wb.setNotice({ kind: 'error', text: r.message ?? 'The report could not be saved.' });
      } else {
        const file = await wb.client.call('report.download', request);
        downloadBase64(file.content, file.fileName, 'application/pdf');
        wb.setNotice({ kind: 'info', text: `The report of ${file.period} is in your downloads as ${file.fileName}.` });
      }
    } catch (e) {
      wb.setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setPrinting(false);
    }
  };

  return (
    <div className="report-view">
      <h1>Workshop report</h1>
      <p className="hint">A PDF of one period to leave behind after a workshop or a review.</p>
      <div className="report-options">
        <label>
          Period{' '}
          <select aria-label="Report period" value={period} onChange={(e) => setPeriod(e.target.value)}>
            {wb.periods.map((p) => (
              <option key={p.id}>{p.label}</option>
            ))}
          </select>
        </label>
        <label>
          Paper{' '}
          <select aria-label="Paper" value={paper} onChange={(e) => setPaper(e.target.value as 'A4' | 'Letter')}>
            <option>A4</option>
            <option>Letter</option>
          </select>
        </label>
      </div>
      <fieldset className="report-scenarios">
        <legend>Scenarios against the baseline</legend>
        {saved.length === 0 ? (
          <p className="hint">
            No scenarios saved yet. Build one in <a href="#/scenarios">Scenarios</a> and save it to show it here.
          </p>
        ) : (
          saved.map((s) => (
            <label key={s.name}>
              <input
                type="checkbox"
                checked={chosen.has(s.name)}
                onChange={(e) => setChosen((c) => {
                  const next = new Set(c);
                  if (e.target.checked) next.add(s.name);
                  else next.delete(s.name);
                  return next;
                })}
              />{' '}
              <b>{s.name}</b>: {s.adjustments.map(describeAdjustment).join('; ') || 'no changes'}
            </label>
          ))
        )}
      </fieldset>
      <h2>What it holds</h2>
      <ol className="report-sections">
        {SECTIONS.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      <div className="report-actions">
        <button type="button" className="primary" onClick={() => void save()} disabled={printing || !period}>
          Save PDF…
        </button>
        {printing ? (
          <span className="progress" role="status">
            <progress aria-label="Printing the report" /> Printing the report of {period}…
          </span>
        ) : null}
      </div>
    </div>
  );
}

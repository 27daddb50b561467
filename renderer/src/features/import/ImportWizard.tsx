import { useEffect, useRef, useState } from 'react';
import type { ImportSummary } from '../../../../shared/ipc/contract';
import { CpwError } from '../../../../shared/ipc/errors';
import { problemInWords } from './problemWords';
import { formatCount, formatMoney, formatNumber } from '../../../../shared/format';
import { fieldLabel } from '../../../../shared/catalogue';
import { ZERO_WHEN_ABSENT, type InputField } from '../../../../shared/schemas/fields';
import { downloadBlob } from '../../components/download';
import type { Workbook } from '../../state/useWorkbook';
import { DataTable } from '../dashboard/DashboardView';
import { problemsCsv, toBase64 } from './encode';
import { ColumnMapping } from './ColumnMapping';
import { ImportNotes } from './ImportNotes';
import { KeptDimensions, useKeptDimensions } from './KeptDimensions';

/** The file the user picked: its bytes until the backend has them, then the id it keeps them under. */
type Picked = { name: string; content: string } | { name: string; staged: string };

function sourceOf(p: Picked, sheet: string | undefined) {
  const file = 'staged' in p ? { staged: p.staged } : { content: p.content, fileName: p.name };
  return { ...file, ...(sheet ? { sheet } : {}) };
}

type Phase = { kind: 'choose' } | { kind: 'reading'; done: number } | { kind: 'checking' } | { kind: 'review' } | { kind: 'importing' };

function readFile(file: File, onProgress: (fraction: number) => void): Promise<Uint8Array> {
  return new Promise((done, fail) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onload = () => done(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => fail(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * Import a sheet the user already has: pick or drop a CSV or XLSX file, see
 * how its columns map to fields and correct them, see every problem (and save
 * them as CSV), then replace or merge the period's rows in one transaction.
 */
export function ImportWizard({ wb, initialFile, onClose }: { wb: Workbook; initialFile: File | null; onClose: () => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const [picked, setPicked] = useState<Picked | null>(null);
  const [period, setPeriod] = useState(wb.period ?? '');
  const [merge, setMerge] = useState(false);
  // A replace that removes accounts is asked about once more, naming how many.
  const [confirming, setConfirming] = useState(false);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [map, setMap] = useState<Partial<Record<InputField, string>>>({});
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const live = useRef(0);
  const kept = useKeptDimensions();

  const check = async (p: Picked, m: Partial<Record<InputField, string>>, s: string | undefined, label: string, mergeRows: boolean) => {
    const ticket = ++live.current;
    setPhase({ kind: 'checking' });
    setError(null);
    try {
      const result = await wb.client.call('import.preview', {
        source: sourceOf(p, s),
        period: label || 'Imported',
        map: m,
        merge: mergeRows,
        dimensions: kept.request(m),
      });
      if (ticket !== live.current) return; // cancelled or superseded
      if (result.staged !== undefined) setPicked({ name: p.name, staged: result.staged });
      setSummary(result);
      setMap(result.mapping);
      setPhase({ kind: 'review' });
    } catch (e) {
      if (ticket !== live.current) return;
      setSummary(null);
      setError(e instanceof Error ? e.message : String(e));
      setPhase({ kind: 'choose' });
    }
  };

  const choose = async (file: File) => {
    const ticket = ++live.current;
    setPhase({ kind: 'reading', done: 0 });
    try {
      const bytes = await readFile(file, (done) => ticket === live.current && setPhase({ kind: 'reading', done }));
      if (ticket !== live.current) return;
      const p = { name: file.name, content: toBase64(bytes) };
      setPicked(p);
      setMap({});
      setSheet(undefined);
      kept.reset();
      await check(p, {}, undefined, period, merge);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setPhase({ kind: 'choose' });
    }
  };

  // A file dropped on the window is taken once, as the wizard opens.
  useEffect(() => {
    if (initialFile) void choose(initialFile);
  }, []);

  const remap = (field: InputField, header: string) => {
    const next = { ...map };
    if (header === '') delete next[field];
    else next[field] = header;
    setMap(next);
    if (picked) void check(picked, next, sheet, period, merge);
  };

  const commit = async () => {
    if (!picked || !summary) return;
    setPhase({ kind: 'importing' });
    try {
      const done = await wb.client.call('import.commit', {
        source: sourceOf(picked, sheet),
        period,
        map,
        merge,
        dimensions: kept.request(map),
      });
      await wb.reload(done.period);
      wb.setNotice({ kind: 'info', text: `Imported ${done.rows} accounts into ${done.period}: ${done.added} added, ${done.updated} updated, ${done.removed} removed.` });
      onClose();
    } catch (e) {
      setError(e instanceof CpwError ? e.message : String(e));
      setPhase({ kind: 'review' });
    }
  };

  const cancel = () => {
    live.current++; // a reply still under way is dropped
    onClose();
  };

  const busy = phase.kind === 'reading' || phase.kind === 'checking' || phase.kind === 'importing';
  const problems = summary?.problems ?? [];
  const removes = !merge && summary && problems.length === 0 ? summary.removed : 0;
  const zeroed = (summary?.absentColumns ?? []).filter((f) => (ZERO_WHEN_ABSENT as readonly string[]).includes(f));
  return (
    <div className="modal-backdrop" role="presentation">
      <section className="modal import-wizard" role="dialog" aria-modal="true" aria-label="Import a sheet">
        <header>
          <h2>Import a sheet</h2>
          <button
            type="button"
            onClick={cancel}
            aria-label="Cancel the import"
            disabled={phase.kind === 'importing'}
            title={phase.kind === 'importing' ? 'The rows are being written in one transaction: all of them or none, in a moment' : undefined}
          >
            Cancel
          </button>
        </header>
        <div className="wizard-row">
          <label>
            File (CSV or XLSX){' '}
            <input type="file" accept=".csv,.xlsx,.tsv,.txt" aria-label="Sheet file" onChange={(e) => e.currentTarget.files?.[0] && void choose(e.currentTarget.files[0])} />
          </label>
          <label>
            Into period{' '}
            <input
              aria-label="Import into period"
              value={period}
              list="import-periods"
              onChange={(e) => setPeriod(e.target.value)}
              // Counts of new and updated accounts depend on the period: check again only when it changed.
              onBlur={() => picked && summary?.period !== period && void check(picked, map, sheet, period, merge)}
            />
            <datalist id="import-periods">
              {wb.periods.map((p) => (
                <option key={p.id} value={p.label} />
              ))}
            </datalist>
          </label>
          <fieldset className="import-mode">
            <legend>Into a period that has accounts</legend>
            {[
              { value: false, text: "Replace its rows: the period holds exactly the file's accounts" },
              { value: true, text: 'Merge: update the accounts the file names, keep the others' },
            ].map((o) => (
              <label key={String(o.value)}>
                <input
                  type="radio"
                  name="import-mode"
                  checked={merge === o.value}
                  onChange={() => {
                    setMerge(o.value);
                    setConfirming(false);
                    if (picked) void check(picked, map, sheet, period, o.value);
                  }}
                />{' '}
                {o.text}
              </label>
            ))}
          </fieldset>
          {summary && summary.sheets.length > 1 ? (
            <label>
              Sheet{' '}
              <select
                aria-label="Sheet of the workbook"
                value={summary.sheet ?? ''}
                onChange={(e) => {
                  setSheet(e.target.value);
                  if (picked) void check(picked, map, e.target.value, period, merge);
                }}
              >
                {summary.sheets.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
        {busy ? (
          <div className="progress" role="status">
            {phase.kind === 'reading' ? (
              <progress max={1} value={phase.done} aria-label="Reading the file" />
            ) : (
              <progress aria-label={phase.kind === 'importing' ? 'Importing' : 'Checking every row'} />
            )}{' '}
            {phase.kind === 'reading' ? 'Reading the file…' : phase.kind === 'checking' ? 'Checking every row…' : `Importing ${summary?.rows ?? ''} rows in one transaction…`}
          </div>
        ) : null}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        {phase.kind === 'choose' && !picked ? <p className="hint">Pick a file, or drop one on the window. Nothing is written until you press Import.</p> : null}
        {summary ? (
          <>
            {problems.length ? (
              <>
                <h3 className="field-error">
                  {summary.problemCount} problem{summary.problemCount === 1 ? '' : 's'}: nothing will be imported until they are fixed
                </h3>
                <button type="button" onClick={() => downloadBlob(problemsCsv(problems), 'import-problems.csv', 'text/csv')}>
                  Save the problems as CSV
                </button>
                <ul className="problems" data-testid="import-problems">
                  {problems.slice(0, 200).map((p, k) => (
                    <li key={k}>{problemInWords(p)}</li>
                  ))}
                </ul>
              </>
            ) : (
              <>
                <p data-testid="import-counts">
                  {formatCount(summary.rows, 'account')}: {formatNumber(summary.added)} new, {formatNumber(summary.updated)} updated
                  {merge ? '' : `, ${formatNumber(summary.removed)} removed from ${summary.period}`}.
                  {zeroed.length ? ` Counted as 0 (not in the file): ${zeroed.map((f) => fieldLabel(f as InputField)).join(', ')}.` : ''}
                </p>
                <ImportNotes summary={summary} />
                <DataTable
                  caption="The first rows as they will be stored"
                  head={(['account', 'owner', 'revenue', 'presale', 'production', 'distribution', 'service', 'labour'] as const).map((f) => fieldLabel(f))}
                  rows={summary.preview.map((r) => [r.account, r.owner ?? '', ...(['revenue', 'presale', 'production', 'distribution', 'service', 'labour'] as const).map((f) => formatMoney(r[f], wb.info?.currency ?? 'USD'))])}
                />
              </>
            )}
            <h3>Columns</h3>
            <ColumnMapping map={map} headers={summary.headers} matchedBy={summary.matchedBy} ambiguous={summary.ambiguous} disabled={busy} onChange={remap} />
            <KeptDimensions kept={kept} summary={summary} disabled={busy} onChange={() => picked && void check(picked, map, sheet, period, merge)} />
          </>
        ) : null}
        <footer>
          {confirming && summary ? (
            <p className="confirm" role="alert">
              Replacing removes the {formatCount(summary.removed, 'account')} of {summary.period} that this file does not hold.{' '}
              <button type="button" className="danger" disabled={busy} onClick={() => void commit()}>
                Replace and remove {formatNumber(summary.removed)}
              </button>
              <button
                type="button"
                onClick={() => {
                  setMerge(true);
                  setConfirming(false);
                  if (picked) void check(picked, map, sheet, period, true);
                }}
              >
                Merge instead
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Go back
              </button>
            </p>
          ) : (
            <button type="button" className="primary" disabled={busy || !summary || problems.length > 0 || period.trim() === ''} onClick={() => (removes > 0 ? setConfirming(true) : void commit())}>
              {removes > 0 ? `Replace ${formatCount(removes, 'row')}…` : 'Import'}
            </button>
          )}
        </footer>
      </section>
    </div>
  );
}

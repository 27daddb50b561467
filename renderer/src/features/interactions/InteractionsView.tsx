import { useCallback, useEffect, useMemo, useState } from 'react';
import { countInteractions, recognisedShare, summariseInteractions } from '../../../../shared/engine/interactions';
import { inRange, periodDates, type DateRange } from '../../../../shared/engine/period-dates';
import { formatCount, formatMoney, formatNumber, formatPercent } from '../../../../shared/format';
import type { InteractionInput } from '../../../../shared/schemas/interaction';
import type { SheetRowPatch } from '../../../../shared/schemas/row';
import { EmptyState } from '../../components/EmptyState';
import { HelpButton } from '../../components/HelpButton';
import type { Workbook } from '../../state/useWorkbook';
import { fileSource } from '../pools/files';
import { LogGrid } from './LogGrid';
import { PreCallPanel } from './PreCallPanel';
import { withFigures, type Logged } from './log';

/**
 * The interactions log of the workbook: the pre-call check, every logged or
 * planned interaction with its cost and verdict, and per account what the
 * interactions cost and what share of it the customer valued. Shown for the
 * current period's dates, or the whole log.
 */
export function InteractionsView({ wb }: { wb: Workbook }) {
  const [log, setLog] = useState<Logged[] | null>(null);
  const [whole, setWhole] = useState(false);
  const [dates, setDates] = useState<DateRange | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const currency = wb.info?.currency ?? 'USD';
  const a = wb.assumptions;

  const { client, setNotice } = wb;
  const reload = useCallback(
    () => client.call('interactions.list').then(setLog, (e: unknown) => setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) })),
    [client, setNotice],
  );
  useEffect(() => void reload(), [reload]);
  useEffect(() => setDates(wb.period ? periodDates(wb.period) : null), [wb.period]);

  const range = whole ? null : dates;
  const shown = useMemo(() => (log ?? []).filter((it) => inRange(it.date, range)), [log, range]);
  // Newest first, as a log is read: what was just logged or planned is at the top.
  const rows = useMemo(() => (a ? withFigures(shown, a).reverse() : []), [shown, a]);
  const summary = useMemo(() => (a ? summariseInteractions(shown, a).sort((x, y) => y.cost - x.cost) : []), [shown, a]);
  const accounts = useMemo(() => (wb.model?.rows ?? []).map((r) => r.account), [wb.model]);

  if (!a) return <EmptyState title="Opening the workbook…">The log is read with the workbook's assumptions.</EmptyState>;
  const money = (v: number | null) => formatMoney(v, currency);
  const held = shown.filter((it) => !it.planned);
  const heldCost = summary.reduce((s, x) => s + x.cost, 0);
  const share = recognisedShare(shown, a);
  const planned = rows.filter((r) => r.planned);

  const save = async (it: InteractionInput) => {
    try {
      const saved = await wb.client.call('interactions.add', { interaction: it });
      await reload();
      const check = withFigures([{ ...saved, id: saved.id ?? 0 }], a)[0]!;
      wb.setNotice({ kind: 'info', text: `${it.planned ? 'Planned' : 'Logged'} a ${it.kind} with ${saved.account} on ${saved.date}: ${money(check.cost)}, ${check.verdict}.` });
      return true;
    } catch (e) {
      wb.setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
      return false;
    }
  };
  const change = async (id: number, patch: Partial<InteractionInput>) => {
    try {
      await wb.client.call('interactions.update', { id, patch });
      return true;
    } catch (e) {
      wb.setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
      return false;
    } finally {
      await reload();
    }
  };
  const remove = async () => {
    setConfirmDelete(false);
    for (const id of selected) await wb.client.call('interactions.delete', { id });
    wb.setNotice({ kind: 'info', text: `Deleted ${selected.length} interaction${selected.length === 1 ? '' : 's'}.` });
    setSelected([]);
    await reload();
  };

  const importLog = async (file: File | undefined) => {
    if (!file) return;
    try {
      const done = await wb.client.call('interactions.import', { source: await fileSource(file) });
      await reload();
      wb.setNotice({ kind: 'info', text: `Imported ${formatCount(done.rows, 'interaction')} from ${file.name}.` });
    } catch (e) {
      wb.setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };
  const importButton = (
    <label className="button">
      Import a log…
      <input
        type="file"
        accept=".csv,.xlsx"
        hidden
        aria-label="Import a log"
        onChange={(e) => {
          void importLog(e.currentTarget.files?.[0]);
          e.currentTarget.value = '';
        }}
      />
    </label>
  );

  // The sheet's meetings and calls of each account with held interactions in the dates; other accounts keep theirs.
  const fill = async () => {
    if (!wb.model || !range) return;
    const counts = countInteractions(log ?? [], (it) => inRange(it.date, range));
    const patches: { index: number; account: string; patch: SheetRowPatch }[] = [];
    wb.model.rows.forEach((r, index) => {
      const c = counts.get(r.account.toLowerCase());
      if (c && (c.meetings !== r.meetings || c.calls !== r.calls)) patches.push({ index, account: r.account, patch: { meetings: c.meetings, calls: c.calls } });
    });
    const outside = [...counts.keys()].filter((k) => !wb.model!.rows.some((r) => r.account.toLowerCase() === k)).length;
    if (patches.length === 0) {
      wb.setNotice({ kind: 'info', text: `The sheet's meetings and calls already match the log${outside ? ` (${outside} logged account${outside === 1 ? ' is' : 's are'} not in ${wb.period})` : ''}.` });
      return;
    }
    await wb.saveBlock(patches);
    wb.setNotice({
      kind: 'info',
      text: `Filled meetings and calls of ${patches.length} account${patches.length === 1 ? '' : 's'} in ${wb.period} from the log (Ctrl+Z undoes it)${outside ? `; ${outside} logged account${outside === 1 ? ' is' : 's are'} not in the period` : ''}.`,
    });
  };

  return (
    <div className="interactions">
      <PreCallPanel accounts={accounts} assumptions={a} currency={currency} onSave={save} />
      <section className="log" aria-label="Interactions log">
        <div className="dashboard-bar" role="toolbar" aria-label="Interactions log">
          <h2>Log</h2>
          {importButton}
          <label>
            <input type="checkbox" checked={!whole} disabled={!dates} onChange={(e) => setWhole(!e.target.checked)} />{' '}
            {dates ? `Only ${wb.period}` : 'Only the period'}
          </label>
          <label>
            From <input type="date" aria-label="From" value={dates?.from ?? ''} disabled={whole} onChange={(e) => setDates((d) => ({ from: e.target.value, to: d?.to ?? e.target.value }))} />
          </label>
          <label>
            to <input type="date" aria-label="To" value={dates?.to ?? ''} disabled={whole} onChange={(e) => setDates((d) => ({ from: d?.from ?? e.target.value, to: e.target.value }))} />
          </label>
          <button type="button" onClick={() => void fill()} disabled={!range || !wb.model} title="Set each account's meetings (meetings, visits, workshops) and calls in the sheet to the held interactions logged in these dates">
            Fill meetings &amp; calls
          </button>
          {selected.length ? (
            confirmDelete ? (
              <span className="confirm" role="alert">
                Delete {selected.length} interaction{selected.length === 1 ? '' : 's'}?{' '}
                <button type="button" className="danger" onClick={() => void remove()}>
                  Delete
                </button>
                <button type="button" onClick={() => setConfirmDelete(false)}>
                  Keep
                </button>
              </span>
            ) : (
              <button type="button" onClick={() => setConfirmDelete(true)}>
                Delete selected…
              </button>
            )
          ) : null}
        </div>
        <div className="tiles small" aria-label="Log figures">
          <div className="tile">
            <span className="tile-label" title="Cost of the held interactions shown: (hours + prep) × attendees × hourly rate + travel">
              Interaction cost
              <HelpButton metric="loggedInteractionCost" label="the cost of a logged interaction" />
            </span>
            <span className="tile-value" data-testid="log-cost">{money(heldCost)}</span>
            <span className="tile-note">{formatNumber(held.length)} held</span>
          </div>
          <div className="tile">
            <span className="tile-label" title="Cost of interactions the customer valued / cost of those with a yes or no answer">
              Recognised share
              <HelpButton metric="recognisedShare" label="the recognised share" />
            </span>
            <span className="tile-value" data-testid="log-recognised">{formatPercent(share)}</span>
            <span className="tile-note">customers recognise about 10% of the activity done for them</span>
          </div>
          <div className="tile">
            <span className="tile-label">Planned</span>
            <span className="tile-value">{money(planned.reduce((s, r) => s + r.cost, 0))}</span>
            <span className="tile-note">
              {formatNumber(planned.length)} planned, {formatNumber(planned.filter((r) => r.verdict === 'Skip').length)} to skip
            </span>
          </div>
        </div>
        {log === null ? (
          <EmptyState title="Reading the log…">Every interaction of the workbook.</EmptyState>
        ) : rows.length === 0 ? (
          <EmptyState title={log.length ? 'No interactions in these dates' : 'No interactions logged yet'}>
            Log one with the pre-call check above (Log as held), plan one (Save as planned), or bring in a log from your CRM with{' '}
            <b>Import a log…</b> above: a CSV or XLSX file with a row per interaction (account, date, kind: meeting or call).
          </EmptyState>
        ) : (
          <LogGrid rows={rows} accounts={accounts} currency={currency} onChange={change} onSelect={setSelected} />
        )}
      </section>
      <section className="by-account" aria-label="Interactions by account">
        <h2>By account</h2>
        <table className="data-table" data-testid="interactions-by-account">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Held</th>
              <th scope="col" title="What the held interactions cost">Interaction cost</th>
              <th scope="col" title="Recognised share: cost the customer valued / cost with a yes or no answer">Recognised</th>
            </tr>
          </thead>
          <tbody>
            {summary.map((s) => (
              <tr key={s.account}>
                <th scope="row">
                  <a href={`#/account/${encodeURIComponent(s.account)}`}>{s.account}</a>
                </th>
                <td>{formatNumber(s.count)}</td>
                <td>{money(s.cost)}</td>
                <td>{formatPercent(s.recognisedShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

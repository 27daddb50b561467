import { useEffect, useRef, useState } from 'react';
import { currentNumberLocale } from '../../../../shared/format';
import { parseNumber } from '../../../../shared/text/numbers';
import { FEED_BASES, type CostPool, type FeedBasis, type PoolFeed } from '../../../../shared/schemas/pools';
import './pools.css';

export const BASIS_LABELS: Record<FeedBasis, string> = { split: 'Fixed split', driver: 'Share of a driver (e.g. headcount)', minutes: 'Share of minutes used' };

type Row = { pool: string; share: string };
type Draft = { feedBy: FeedBasis; rows: Row[] };
/** What the draft lacks before it can be saved: a hint while it is being filled in, an error when something typed is wrong. */
type Lack = { kind: 'hint' | 'error'; message: string; row?: number };

const figure = (n: number) => n.toLocaleString(currentNumberLocale(), { maximumFractionDigits: 4 });
/** A share as the person reads it: a split in percent, a driver's quantity as it is. */
const shareText = (share: number, feedBy: FeedBasis) => (feedBy === 'split' ? String(+(share * 100).toFixed(6)) : feedBy === 'driver' ? String(share) : '');
const fromPool = (p: CostPool): Draft => ({ feedBy: p.feedBy, rows: p.feeds.map((f) => ({ pool: f.pool, share: shareText(f.share, p.feedBy) })) });

/** A typed share: "60" and "60%" are both 60% of a split; a driver's quantity is a plain number. */
function readShare(text: string, feedBy: FeedBasis): number | null {
  const n = parseNumber(text);
  if (!n.ok || n.value === null || !Number.isFinite(n.value)) return null;
  return feedBy === 'split' && !n.percent ? n.value / 100 : n.value;
}

/** The feeds the draft stands for, or what it lacks; each problem names the pool and the row by its label. */
function readDraft(d: Draft, pool: string): { feeds: PoolFeed[]; total: number } | Lack {
  const feeds: PoolFeed[] = [];
  for (const [k, r] of d.rows.entries()) {
    if (!r.pool) return { kind: 'hint', row: k, message: `Not saved yet: choose the pool of row ${k + 1} that ${pool} passes cost to.` };
    if (d.feedBy === 'minutes') {
      feeds.push({ pool: r.pool, share: 0 });
      continue;
    }
    const label = d.feedBy === 'split' ? 'Share' : 'Quantity';
    if (!r.share.trim()) return { kind: 'hint', row: k, message: `Not saved yet: give the ${label.toLowerCase()} of ${r.pool}.` };
    const share = readShare(r.share, d.feedBy);
    if (share === null) return { kind: 'error', row: k, message: `${label} of ${r.pool} must be a number (${r.share.trim() ? `"${r.share.trim()}"` : 'it is empty'}): nothing was saved.` };
    if (share < 0) return { kind: 'error', row: k, message: `${label} of ${r.pool} must be 0 or more: nothing was saved.` };
    feeds.push({ pool: r.pool, share });
  }
  const total = feeds.reduce((s, f) => s + f.share, 0);
  if (d.feedBy === 'split' && feeds.length && Math.abs(total - 1) > 1e-9) {
    const gap = Math.abs(1 - total) * 100;
    return { kind: 'error', message: `The split of ${pool} adds to ${figure(total * 100)}%, not 100% (${figure(gap)}% ${total < 1 ? 'left to place' : 'too much'}): nothing was saved.` };
  }
  if (d.feedBy === 'driver' && feeds.length && total <= 0) return { kind: 'error', message: `The quantities ${pool} passes its cost by add to 0: give a receiving pool a quantity. Nothing was saved.` };
  return { feeds, total };
}

/**
 * DOMAIN.md, "Two stages": the pools a pool passes its whole cost to, and
 * how: a fixed split in percent (adding to 100%), each receiver's quantity of
 * a driver such as headcount, or the minutes each receiver's activities use.
 * The rows are saved once they make a whole (every pool chosen, a split at
 * 100%); until then the editor says what is missing and saves nothing. The
 * backend still refuses cycles, naming the pools.
 */
export function FeedsEditor({ pool, pools, commit }: { pool: CostPool; pools: readonly string[]; commit: (patch: Pick<CostPool, 'feeds' | 'feedBy'>) => void }) {
  const stored = JSON.stringify([pool.feedBy, pool.feeds]);
  const [seen, setSeen] = useState(stored);
  const [draft, setDraft] = useState<Draft>(() => fromPool(pool));
  const [lack, setLack] = useState<Lack | null>(null);
  if (seen !== stored) {
    setSeen(stored);
    setDraft(fromPool(pool));
    setLack(null);
  }
  const selects = useRef<(HTMLSelectElement | null)[]>([]);
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    selects.current[focusRow.current]?.focus();
    focusRow.current = null;
  });
  const name = pool.name;
  const others = pools.filter((p) => p.toLowerCase() !== name.toLowerCase());

  /** Take the draft, and save it when it makes a whole and differs from what is saved. */
  const attempt = (next: Draft) => {
    setDraft(next);
    const read = readDraft(next, name);
    if ('kind' in read) return setLack(read);
    setLack(null);
    if (JSON.stringify([next.feedBy, read.feeds]) !== stored) commit({ feedBy: next.feedBy, feeds: read.feeds });
  };
  /** A change being typed: what the last attempt found no longer holds. */
  const edit = (next: Draft) => {
    setDraft(next);
    setLack(null);
  };
  const setRow = (k: number, patch: Partial<Row>) => draft.rows.map((r, j) => (j === k ? { ...r, ...patch } : r));
  // What an attempt to save found, else what the rows lack as they are typed (a hint, never an alarm).
  const read = readDraft(draft, name);
  const said: Lack | null = lack ?? ('kind' in read && draft.rows.length ? { kind: 'hint', message: read.message } : null);
  const total = draft.rows.reduce((s, r) => s + (readShare(r.share, draft.feedBy) ?? 0), 0);
  const unit = draft.feedBy === 'split' ? 'Share (%)' : draft.feedBy === 'driver' ? 'Quantity' : 'Share';

  return (
    <div className="feeds-editor" role="group" aria-label={`How ${name} passes its cost`}>
      <label className="feeds-basis">
        {name} passes its whole cost to other pools by{' '}
        <select aria-label={`What ${name} passes its cost by`} value={draft.feedBy} onChange={(e) => attempt({ ...draft, feedBy: e.target.value as FeedBasis })}>
          {FEED_BASES.map((b) => (
            <option key={b} value={b}>
              {BASIS_LABELS[b]}
            </option>
          ))}
        </select>
      </label>
      {draft.rows.length ? (
        <table className="data-table feeds-table">
          <thead>
            <tr>
              <th scope="col">Receiving pool</th>
              <th scope="col">{unit}</th>
              <th scope="col" aria-label="Remove" />
            </tr>
          </thead>
          <tbody>
            {draft.rows.map((r, k) => (
              <tr key={k}>
                <td>
                  <select
                    ref={(el) => void (selects.current[k] = el)}
                    aria-label={`Pool ${k + 1} that ${name} passes cost to`} value={r.pool} onChange={(e) => attempt({ ...draft, rows: setRow(k, { pool: e.target.value }) })}>
                    <option value="">Choose a pool…</option>
                    {others
                      .filter((o) => o === r.pool || !draft.rows.some((x) => x.pool === o))
                      .map((o) => (
                        <option key={o}>{o}</option>
                      ))}
                  </select>
                </td>
                <td>
                  {draft.feedBy === 'minutes' ? (
                    <span className="hint">by the minutes it uses</span>
                  ) : (
                    <span className="with-unit">
                      <input
                        aria-label={`${unit === 'Quantity' ? 'Quantity' : 'Share'} of ${r.pool || `pool ${k + 1}`} from ${name}${draft.feedBy === 'split' ? ' (%)' : ''}`}
                        aria-invalid={lack?.kind === 'error' && lack.row === k ? true : undefined}
                        value={r.share}
                        inputMode="decimal"
                        size={8}
                        onChange={(e) => edit({ ...draft, rows: setRow(k, { share: e.target.value }) })}
                        onBlur={() => attempt(draft)}
                        onKeyDown={(e) => e.key === 'Enter' && attempt(draft)}
                      />
                      {draft.feedBy === 'split' ? <span aria-hidden="true">%</span> : null}
                    </span>
                  )}
                </td>
                <td>
                  <button type="button" aria-label={`Remove ${r.pool || `row ${k + 1}`} from the pools ${name} passes cost to`} onClick={() => attempt({ ...draft, rows: draft.rows.filter((_, j) => j !== k) })}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          {draft.feedBy === 'minutes' ? null : (
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td data-testid={`feeds-total-${name}`} className={draft.feedBy === 'split' && Math.abs(total - 1) > 1e-9 ? 'loss' : undefined}>
                  {draft.feedBy === 'split' ? `${figure(total * 100)}%` : figure(total)}
                </td>
                <td />
              </tr>
            </tfoot>
          )}
        </table>
      ) : pool.activities.length ? (
        <p className="hint">
          {name} has activities ({pool.activities.map((a) => a.name).join(', ')}): a pool that passes its cost on has none of its own, so delete them
          first.
        </p>
      ) : (
        <p className="hint">No pool yet: {name} keeps its cost for its own activities.</p>
      )}
      {said ? (
        <p className={said.kind === 'error' ? 'field-error' : 'hint'} role={said.kind === 'error' ? 'alert' : 'status'}>
          {said.message}
        </p>
      ) : null}
      <button
        type="button"
        disabled={draft.rows.length >= others.length || (pool.activities.length > 0 && !draft.rows.length)}
        onClick={() => {
          focusRow.current = draft.rows.length;
          edit({ ...draft, rows: [...draft.rows, { pool: '', share: '' }] });
        }}
      >
        + Receiving pool
      </button>
    </div>
  );
}

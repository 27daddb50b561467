import { useState } from 'react';
import { formatNumber } from '../../../shared/format';

export const PAGE_ROWS = 100;

/** A table of any length whose rows are formatted only when shown: 100,000 formatted rows would freeze the window. */
export interface LazyTable {
  head: string[];
  count: number;
  row: (k: number) => string[];
}

export const tableOf = (head: string[], rows: string[][]): LazyTable => ({ head, count: rows.length, row: (k) => rows[k]! });

/**
 * A table of any length a page at a time: only the rows shown are formatted and put in the page. An explained table's
 * last column is a sentence (why a segment moved): it takes the room left and wraps, the short cells before it never
 * break ("2026-Q2" split at its hyphen).
 */
export function PagedTable({ table, caption, explained = false }: { table: LazyTable; caption: string; explained?: boolean }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(table.count / PAGE_ROWS));
  const at = Math.min(page, pages - 1);
  const from = at * PAGE_ROWS;
  const to = Math.min(table.count, from + PAGE_ROWS);
  const rows = Array.from({ length: to - from }, (_, k) => table.row(from + k));
  return (
    <>
      <table className={explained ? 'data-table explained' : 'data-table'}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, k) => (
            <tr key={from + k}>
              {r.map((c, j) => (j === 0 ? <th key={j} scope="row">{c}</th> : <td key={j}>{c}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <div className="pager" role="group" aria-label={`Pages of ${caption}`}>
          <button type="button" disabled={at === 0} onClick={() => setPage(at - 1)}>
            Previous
          </button>
          <span aria-live="polite">
            Rows {formatNumber(from + 1)}–{formatNumber(to)} of {formatNumber(table.count)}
          </span>
          <button type="button" disabled={at === pages - 1} onClick={() => setPage(at + 1)}>
            Next
          </button>
        </div>
      ) : null}
    </>
  );
}

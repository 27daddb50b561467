import { formatMoney, formatNumber, formatPercent, formatRate } from '../../../../shared/format';
import type { Output } from '../../../../shared/ipc/contract';
import { costByLevel, LEVEL_KEYS, LEVEL_LABELS, type LevelKey } from '../../../../shared/engine/levels';
import { costedBy } from '../../../../shared/text/allocation';
import type { Workbook } from '../../state/useWorkbook';
import { useFetched } from '../../state/useFetched';
import './allocated.css';

type Trace = Output<'pools.trace'>;

/** What each level of the customer cost hierarchy is the cost of (the labels are the engine's, shared with the report). */
const WHAT: Record<LevelKey, string> = {
  order: 'The cost of each order it places.',
  delivery: 'The cost of each delivery or shipment.',
  'customer-sustaining': 'The cost of serving the customer, whatever it buys.',
  channel: 'The cost of the channel it buys through.',
  none: 'Activities given no level.',
};

/** A count as it was given: whole, or to two decimals when a split made it a fraction. */
const count = (n: number) => formatNumber(n, Number.isInteger(n) ? 0 : 2);

/**
 * The Customer Picture's "Allocated cost": what the period's cost pools put
 * into this account's buckets ('pools.trace'), by the level of the customer
 * cost hierarchy each activity sits at, and each contribution with how it was
 * costed and the pools its money came from (a pool that passed its cost on
 * shows as a source of the pools it fed). Nothing when no pool reaches it.
 */
export function AllocatedCost({ wb, account }: { wb: Workbook; account: string }) {
  const { client, period } = wb;
  const currency = wb.info?.currency ?? 'USD';
  const money = (v: number) => formatMoney(v, currency);
  // Read again when the period or its allocation changes (pools saved, undone, redone).
  const allocation = wb.model?.allocation;
  const { value: trace, error } = useFetched<Trace>(period ? () => client.call('pools.trace', { period, account }) : null, [client, period, account, allocation]);

  if (error) {
    return (
      <section className="card" aria-label="Allocated cost">
        <h2>Allocated cost</h2>
        <p className="hint">The cost pools of {period} cannot be traced to this account: {error}.</p>
      </section>
    );
  }
  if (!trace || trace.period !== period || trace.lines.length === 0) return null;

  const lines = [...trace.lines].sort((a, b) => b.amount - a.amount);
  // One account's lines: one entry, its total and its amount at each level.
  const { total, levels } = costByLevel(lines)[0]!;
  const levelRows = LEVEL_KEYS.filter((k) => k !== 'none' || levels.none !== 0).map(
    (k) => [LEVEL_LABELS[k], money(levels[k]), formatPercent(total > 0 ? levels[k] / total : null), WHAT[k]] as const,
  );

  return (
    <section className="card allocated-cost" aria-label="Allocated cost">
      <h2>
        Allocated cost: <span data-testid="allocated-total">{money(total)}</span>
      </h2>
      <p className="hint">
        What the cost pools of {trace.period} put into {trace.account}'s buckets (it is inside the total cost above), by the level of the customer cost
        hierarchy each activity sits at, then each contribution with how it was costed and which pools the money came from.
      </p>
      <table className="data-table allocated-levels" data-testid="allocated-by-level">
        <caption>{trace.account}'s allocated cost by level of the cost hierarchy</caption>
        <thead>
          <tr>
            <th scope="col">Level</th>
            <th scope="col">Amount</th>
            <th scope="col">Share</th>
            <th scope="col" className="text">
              What it is
            </th>
          </tr>
        </thead>
        <tbody>
          {levelRows.map(([label, amount, share, what]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{amount}</td>
              <td>{share}</td>
              <td className="text">{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data-table allocated-lines" data-testid="allocated-lines">
        <caption>Each contribution to {trace.account}'s allocated cost, largest first</caption>
        <thead>
          <tr>
            <th scope="col">Pool (stage)</th>
            <th scope="col" className="text">
              Activity
            </th>
            <th scope="col" className="text">
              How
            </th>
            <th scope="col">Count</th>
            <th scope="col">Minutes</th>
            <th scope="col">Rate</th>
            <th scope="col">Amount</th>
            <th scope="col" className="text">
              Came from
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={`${l.pool}\u0000${l.activity}`}>
              <th scope="row">
                {l.pool} (stage {l.stage})
              </th>
              <td className="text">{l.activity}</td>
              <td className="text">{costedBy(l)}</td>
              <td>{count(l.count)}</td>
              <td>{l.minutes === null ? '—' : formatNumber(l.minutes)}</td>
              <td>
                {formatRate(l.rate, currency)} {l.kind === 'rate' ? 'each' : 'a minute'}
              </td>
              <td>{money(l.amount)}</td>
              <td className="text">{l.sources.map((s) => `${s.pool} ${money(s.amount)}`).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

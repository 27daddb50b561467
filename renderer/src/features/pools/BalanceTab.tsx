import { fieldLabel } from '../../../../shared/catalogue';
import { fedBuckets } from '../../../../shared/engine/allocation';
import { formatCents, formatRate } from '../../../../shared/format';
import type { Output, PoolsState } from '../../../../shared/ipc/contract';
import { EmptyState } from '../../components/EmptyState';
import type { Workbook } from '../../state/useWorkbook';
import { useFetched } from '../../state/useFetched';
import './balance.css';

type Balance = Output<'pools.balance'>;

/** Names as a sentence lists them: "A", "A and B", "A, B and C". */
const listed = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`);

/** To the cent, as the engine's tie-out reads it. */
const offBy = (a: number, b: number) => (Math.abs(a - b) < 0.005 ? 0 : a - b);

/** A tie-out in a cell: a check mark when it holds, else by how much it is off, to the cent (never colour alone). */
function TiesOut({ balanced, off, currency, testId }: { balanced: boolean; off: number; currency: string; testId: string }) {
  if (balanced) {
    return (
      <td className="ties-out" data-testid={testId}>
        <span role="img" aria-label="Ties out">
          ✓
        </span>
      </td>
    );
  }
  return (
    <td className="off" data-testid={testId}>
      {off === 0 ? 'Off: see the pools' : `Off by ${formatRate(Math.abs(off), currency)}`}
    </td>
  );
}

/**
 * DOMAIN.md, "Tie-out": every dollar of the period's cost pools accounted
 * for, as 'pools.balance' reckons it: the whole period, each pool (what it
 * cost and received against where it went) and each bucket the pools feed
 * (what was typed, what was allocated, what the sheet now holds).
 */
export function BalanceTab({ wb, state, onSetup }: { wb: Workbook; state: PoolsState; onSetup: () => void }) {
  const { client, period } = wb;
  const currency = wb.info?.currency ?? 'USD';
  // A tie-out is read to the cent.
  const m = (v: number) => formatCents(v, currency);
  // Read again when the pools are saved (a new state), the period changes, or the typed rows change (the buckets' before).
  const rows = wb.model?.rows;
  const { value: balance, error } = useFetched<Balance>(period ? () => client.call('pools.balance', { period }) : null, [client, period, state, rows]);

  const setup = state.setup;
  if (setup.pools.length === 0) {
    return (
      <EmptyState title={`No cost pools in ${period ?? 'this period'} to balance`}>
        The balance shows where each pool's cost went once there are pools. Add them on the Setup tab with <b>+ Pool</b> or <b>Import pools…</b>, then their
        activities and driver counts.{' '}
        <button type="button" onClick={onSetup}>
          Go to Setup
        </button>
      </EmptyState>
    );
  }
  if (error) return <EmptyState title="The pools cannot be balanced">{error}. Correct the setup on the Setup tab.</EmptyState>;
  if (!balance || balance.period !== period) return <EmptyState title="Balancing the cost pools…">Where each pool's cost in {period} went, to the cent.</EmptyState>;

  const fed = fedBuckets(setup.pools);
  const passesTo = new Map(setup.pools.map((p) => [p.name, p.feeds.map((f) => f.pool)]));
  const unfed = balance.buckets.filter((b) => !fed.has(b.bucket));
  const t = balance.total;
  const totalOff = offBy(t.cost, t.toAccounts + t.unused - t.overCapacity);

  return (
    <div className="pool-balance">
      <h2>Balance of the cost pools, {balance.period}</h2>

      <section aria-labelledby="balance-total-title">
        <h3 id="balance-total-title">The whole period</h3>
        <p className="hint">
          The period ties out when the pools' own costs add up to what reached the accounts plus the unused capacity, less what was used beyond capacity;
          what one pool passes to another counts on both sides and cancels out.
        </p>
        <p className="balance-total" data-testid="balance-total">
          <span>
            Own cost of every pool <b data-testid="total-cost">{m(t.cost)}</b>
          </span>
          <span>
            = to accounts <b data-testid="total-accounts">{m(t.toAccounts)}</b>
          </span>
          <span>
            + unused capacity <b data-testid="total-unused">{m(t.unused)}</b>
          </span>
          <span>
            − over capacity <b data-testid="total-over">{m(t.overCapacity)}</b>
          </span>
          <span className={t.balanced ? 'ties-out' : 'off'} data-testid="total-ties">
            {t.balanced ? '✓ Ties out' : totalOff === 0 ? 'Off: see the pools below' : `Off by ${formatRate(Math.abs(totalOff), currency)}`}
          </span>
        </p>
      </section>

      <section aria-labelledby="balance-pools-title">
        <h3 id="balance-pools-title">Each pool</h3>
        <p className="hint">
          A pool ties out when its own cost plus what it received from other pools equals what it put into accounts, plus what it passed to other pools,
          plus its unused capacity, less what its accounts used beyond its capacity, to the cent.
        </p>
        <table className="data-table balance-table" data-testid="balance-pools">
          <caption>Where each pool's cost went in {balance.period}</caption>
          <thead>
            <tr>
              <th scope="col">Pool</th>
              <th scope="col">Stage</th>
              <th scope="col">Cost</th>
              <th scope="col">Received from pools</th>
              <th scope="col">To accounts</th>
              <th scope="col">To other pools</th>
              <th scope="col">Unused capacity</th>
              <th scope="col">Over capacity</th>
              <th scope="col">Ties out</th>
            </tr>
          </thead>
          <tbody>
            {balance.pools.map((p) => {
              const over = p.overCapacity > 0;
              const to = passesTo.get(p.pool) ?? [];
              return (
                <tr key={p.pool} data-pool={p.pool} className={over ? 'over' : undefined}>
                  <th scope="row">
                    <span className="pool-name">{p.pool}</span>
                    {to.length ? <small className="hint"> passes all of it to {listed(to)}</small> : null}
                  </th>
                  <td data-col="stage">{p.stage}</td>
                  <td data-col="cost">{m(p.cost)}</td>
                  <td data-col="received">{m(p.received)}</td>
                  <td data-col="accounts">{m(p.toAccounts)}</td>
                  <td data-col="pools">{m(p.toPools)}</td>
                  <td data-col="unused">{m(p.unused)}</td>
                  <td data-col="over" className={over ? 'off' : undefined}>
                    {m(p.overCapacity)}
                    {over ? <strong> used beyond capacity</strong> : null}
                  </td>
                  <TiesOut balanced={p.balanced} off={offBy(p.cost + p.received, p.toAccounts + p.toPools + p.unused - p.overCapacity)} currency={currency} testId={`ties-${p.pool}`} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="balance-buckets-title">
        <h3 id="balance-buckets-title">Each bucket</h3>
        <p className="hint">
          A bucket ties out when its total over the period's accounts after the allocation equals what was typed plus what the pools allocated to it, or
          the allocated amount alone where the bucket replaces what was typed.
        </p>
        <table className="data-table balance-table" data-testid="balance-buckets">
          <caption>Each cost bucket summed over the accounts of {balance.period}</caption>
          <thead>
            <tr>
              <th scope="col">Bucket</th>
              <th scope="col">Typed before</th>
              <th scope="col">Allocated</th>
              <th scope="col">After</th>
              <th scope="col" className="takes">
                Takes
              </th>
              <th scope="col">Ties out</th>
            </tr>
          </thead>
          <tbody>
            {balance.buckets.filter((b) => fed.has(b.bucket)).map((b) => {
              const replaced = b.mode === 'replace';
              const takes = replaced ? 'replaces typed' : 'adds to typed';
              return (
                <tr key={b.bucket} data-bucket={b.bucket}>
                  <th scope="row">{fieldLabel(b.bucket)}</th>
                  <td data-col="before">{m(b.before)}</td>
                  <td data-col="allocated">{m(b.allocated)}</td>
                  <td data-col="after">{m(b.after)}</td>
                  <td data-col="takes" className="takes">
                    {takes}
                  </td>
                  <TiesOut balanced={b.balanced} off={offBy(b.after, replaced ? b.allocated : b.before + b.allocated)} currency={currency} testId={`ties-${b.bucket}`} />
                </tr>
              );
            })}
          </tbody>
        </table>
        {unfed.length ? <p className="hint">{listed(unfed.map((b) => fieldLabel(b.bucket)))}: no pool feeds {unfed.length === 1 ? 'it' : 'them'}, so {unfed.length === 1 ? 'it stays' : 'they stay'} as typed.</p> : null}
      </section>
    </div>
  );
}

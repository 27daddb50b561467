import type { Activity, CostPool, PoolSetup } from '../../../../shared/schemas/pools';
import { ActivityRow } from './ActivityRow';
import './pools.css';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Each pool's activities: how each is costed (minutes per unit, a time
 * equation, or a cost per unit) and its level in the customer cost
 * hierarchy. A renamed activity keeps its driver counts and transaction
 * lines; a deleted one takes them with it. A pool that passes its cost to
 * other pools has no activities of its own.
 */
export function ActivitiesEditor({ setup, activities, currency, save, changePool }: {
  setup: PoolSetup;
  /** Every activity's name, across pools: a new one takes a name none has. */
  activities: readonly string[];
  currency: string;
  save: (setup: PoolSetup) => void;
  changePool: (k: number, patch: Partial<CostPool>) => void;
}) {
  const withActivities = (k: number, change: (list: Activity[]) => Activity[]) => setup.pools.map((q, i) => (i === k ? { ...q, activities: change(q.activities) } : q));
  return (
    <section className="pool-activities" aria-label="Activities">
      <h3>Activities</h3>
      {setup.pools.map((p, k) => (
        <div key={`${k}-${p.name}`} className="activity-pool">
          <h4>{p.name}</h4>
          {p.feeds.length ? (
            <p className="hint">{p.name} passes its whole cost to other pools (see the pools above), so it has no activities of its own.</p>
          ) : (
            <>
              {p.activities.length ? (
                <table className="data-table activities-table" aria-label={`Activities of ${p.name}`}>
                  <colgroup>
                    <col className="col-name" />
                    <col className="col-costing" />
                    <col className="col-amount" />
                    <col className="col-level" />
                    <col className="col-actions" />
                  </colgroup>
                  <thead>
                    <tr>
                      <th scope="col">Activity</th>
                      <th scope="col">Costed by</th>
                      <th scope="col">Time or cost</th>
                      <th scope="col" title="Where the activity sits in the customer cost hierarchy">
                        Level
                      </th>
                      <th scope="col" aria-label="Actions" />
                    </tr>
                  </thead>
                  <tbody>
                    {p.activities.map((a, j) => (
                      <ActivityRow
                        key={`${j}-${a.name}`}
                        pool={p.name}
                        activity={a}
                        currency={currency}
                        change={(next) => changePool(k, { activities: p.activities.map((x, y) => (y === j ? next : x)) })}
                        rename={(name) =>
                          save({
                            ...setup,
                            drivers: setup.drivers.map((d) => (same(d.activity, a.name) ? { ...d, activity: name } : d)),
                            lines: setup.lines.map((t) => (same(t.activity, a.name) ? { ...t, activity: name } : t)),
                            pools: withActivities(k, (list) => list.map((x, y) => (y === j ? { ...x, name } : x))),
                          })
                        }
                        remove={() =>
                          save({
                            ...setup,
                            drivers: setup.drivers.filter((d) => !same(d.activity, a.name)),
                            lines: setup.lines.filter((t) => !same(t.activity, a.name)),
                            pools: withActivities(k, (list) => list.filter((_, y) => y !== j)),
                          })
                        }
                      />
                    ))}
                  </tbody>
                </table>
              ) : null}
              <button
                type="button"
                aria-label={`+ Activity for ${p.name}`}
                onClick={() => {
                  let name = 'New activity';
                  for (let n = 2; activities.some((x) => same(x, name)); n++) name = `New activity ${n}`;
                  changePool(k, { activities: [...p.activities, { name, minutesPerUnit: 0, equation: [] }] });
                }}
              >
                + Activity
              </button>
            </>
          )}
        </div>
      ))}
    </section>
  );
}

import type { CostPool, PoolSetup } from '../../../../shared/schemas/pools';
import { readNumber } from './numbers';

/** Each pool's activities and the minutes a unit of each takes; a renamed activity keeps its driver counts. */
export function ActivitiesEditor({ setup, activities, save, changePool }: {
  setup: PoolSetup;
  /** Every activity's name, across pools: a new one takes a name none has. */
  activities: readonly string[];
  save: (setup: PoolSetup) => void;
  changePool: (k: number, patch: Partial<CostPool>) => void;
}) {
  return (
    <section className="pool-activities" aria-label="Activities">
      <h3>Activities</h3>
      {setup.pools.map((p, k) => (
        <div key={`${k}-${p.name}`} className="activity-list">
          <b>{p.name}</b>
          {p.activities.map((a, j) => (
            <span key={`${j}-${a.name}`} className="activity">
              <input
                aria-label={`Activity ${a.name} of ${p.name}`}
                defaultValue={a.name}
                onBlur={(e) => {
                  const name = e.currentTarget.value.trim();
                  if (name && name !== a.name) {
                    const drivers = setup.drivers.map((d) => (d.activity.toLowerCase() === a.name.toLowerCase() ? { ...d, activity: name } : d));
                    save({ ...setup, drivers, pools: setup.pools.map((q, i) => (i === k ? { ...q, activities: q.activities.map((x, y) => (y === j ? { ...x, name } : x)) } : q)) });
                  }
                }}
              />
              <input
                aria-label={`Minutes per ${a.name}`}
                key={`m-${a.minutesPerUnit}`}
                defaultValue={String(a.minutesPerUnit)}
                size={5}
                onBlur={(e) => {
                  const v = readNumber(e.currentTarget.value);
                  if (v !== null && v !== a.minutesPerUnit) changePool(k, { activities: p.activities.map((x, y) => (y === j ? { ...x, minutesPerUnit: v } : x)) });
                }}
              />{' '}
              min
              <button
                type="button"
                aria-label={`Delete activity ${a.name}`}
                onClick={() =>
                  save({
                    ...setup,
                    drivers: setup.drivers.filter((d) => d.activity.toLowerCase() !== a.name.toLowerCase()),
                    pools: setup.pools.map((q, i) => (i === k ? { ...q, activities: q.activities.filter((_, y) => y !== j) } : q)),
                  })
                }
              >
                ×
              </button>
            </span>
          ))}
          <button
            type="button"
            onClick={() => {
              let name = 'New activity';
              for (let n = 2; activities.some((x) => x.toLowerCase() === name.toLowerCase()); n++) name = `New activity ${n}`;
              changePool(k, { activities: [...p.activities, { name, minutesPerUnit: 0, equation: [] }] });
            }}
          >
            + Activity
          </button>
        </div>
      ))}
    </section>
  );
}

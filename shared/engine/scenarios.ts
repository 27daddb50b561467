import type { Assumptions } from '../schemas/assumptions';
import { FLOAT_FIELDS, emptyColumns, selectRows, type SheetColumns } from './columns';
import { SEGMENTS } from '../schemas/fields';
import type { Adjustment, Where } from '../schemas/scenario';
import { PORTFOLIO_FIGURE_KEYS, type PortfolioFigures, type ScenarioResult } from '../schemas/trends';
import { toPortfolio } from './results';
import { computeColumns, type SheetResult } from './sheet';

/** Which rows `where` picks; segments are the baseline's, so a scenario reads as "the Fix accounts of today". */
function matcher(c: SheetColumns, baseline: SheetResult, where: Where): (i: number) => boolean {
  const seg = where.segment === undefined ? -1 : SEGMENTS.indexOf(where.segment);
  const owner = where.owner?.toLowerCase();
  const ownerIds = new Set<number>();
  if (owner !== undefined) c.owners.forEach((o, k) => o.toLowerCase() === owner && ownerIds.add(k));
  const names = where.accounts ? new Set(where.accounts.map((a) => a.toLowerCase())) : null;
  // Dimension names and values compare without case, as owners do; a dimension the period lacks matches no account.
  const dimensions = Object.entries(where.dimensions ?? {}).map(([name, value]) => {
    const d = c.dimensions.find((x) => x.name.toLowerCase() === name.toLowerCase());
    const ids = new Set<number>();
    d?.values.forEach((v, k) => v.toLowerCase() === value.toLowerCase() && ids.add(k));
    return { ids: d?.ids, wanted: ids };
  });
  return (i) =>
    (seg < 0 || baseline.segment[i] === seg) &&
    dimensions.every((d) => d.ids !== undefined && d.wanted.has(d.ids[i]!)) &&
    (owner === undefined || ownerIds.has(c.ownerIds[i]!)) &&
    (names === null || names.has(c.account[i]!.toLowerCase()));
}

function copyColumns(c: SheetColumns): SheetColumns {
  const out = emptyColumns(c.n, c.account, c.owners, c.accountKey, c.dimensions);
  out.ownerIds.set(c.ownerIds);
  out.segmentOverride.set(c.segmentOverride);
  out.status.set(c.status);
  for (const f of FLOAT_FIELDS) out[f].set(c[f]);
  return out;
}

/**
 * DOMAIN.md, "Scenarios": the adjustments applied in order to a copy of the
 * period's rows; the rows given are never changed. A scaled field never goes
 * below zero.
 */
export function applyScenario(baseline: SheetResult, adjustments: readonly Adjustment[]): SheetColumns {
  let c = copyColumns(baseline.columns);
  // Selections are made against the baseline's indices, so track where each baseline row now sits.
  let origin = Uint32Array.from({ length: c.n }, (_, i) => i);
  for (const adj of adjustments) {
    const picks = matcher(baseline.columns, baseline, adj.where);
    if (adj.kind === 'drop') {
      const keepOrigin: number[] = [];
      const kept = selectRows(c, (i) => {
        const keep = !picks(origin[i]!);
        if (keep) keepOrigin.push(origin[i]!);
        return keep;
      });
      c = kept;
      origin = Uint32Array.from(keepOrigin);
      continue;
    }
    const values = c[adj.field];
    const factor = Math.max(0, 1 + adj.pct / 100);
    for (let i = 0; i < c.n; i++) if (picks(origin[i]!)) values[i] = values[i]! * factor;
  }
  return c;
}

/** Each one-number figure, scenario minus baseline; null where either side is null. */
export function figureDifference(base: PortfolioFigures, next: PortfolioFigures): Record<string, number | null> {
  const diff: Record<string, number | null> = {};
  for (const k of PORTFOLIO_FIGURE_KEYS) {
    const a = base[k];
    const b = next[k];
    diff[k] = a === null || b === null ? null : b - a;
  }
  return diff;
}

/** DOMAIN.md, "Scenarios": the adjusted rows' portfolio and whale curve beside the baseline, with the difference. */
export function runScenario(
  columns: SheetColumns,
  a: Assumptions,
  adjustments: readonly Adjustment[],
  meta: { name: string | null; period: string },
): ScenarioResult {
  const baseline = computeColumns(columns, a);
  const scenario = computeColumns(applyScenario(baseline, adjustments), a);
  return {
    ...meta,
    baseline: toPortfolio(baseline),
    scenario: toPortfolio(scenario),
    difference: figureDifference(baseline.figures, scenario.figures),
  };
}

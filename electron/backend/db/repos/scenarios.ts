import { CpwError } from '../../../../shared/ipc/errors';
import { Adjustment, type Scenario } from '../../../../shared/schemas/scenario';
import type { Sql } from '../sql';

function parseAdjustments(name: string, json: string): Scenario['adjustments'] {
  const parsed = Adjustment.array().safeParse(JSON.parse(json));
  if (!parsed.success) throw new CpwError('DAMAGED', `scenario "${name}" in this workbook is not readable`);
  return parsed.data;
}

export async function listScenarios(tx: Sql): Promise<Scenario[]> {
  const rows = await tx.all<{ name: string; adjustments: string }>('SELECT name, adjustments FROM scenarios ORDER BY name');
  return rows.map((r) => ({ name: r.name, adjustments: parseAdjustments(r.name, r.adjustments) }));
}

export async function getScenario(tx: Sql, name: string): Promise<Scenario> {
  const row = await tx.get<{ name: string; adjustments: string }>('SELECT name, adjustments FROM scenarios WHERE name = ? COLLATE NOCASE', [name]);
  if (!row) throw new CpwError('NOT_FOUND', `no scenario "${name}" in this workbook`);
  return { name: row.name, adjustments: parseAdjustments(row.name, row.adjustments) };
}

/** Save a scenario under its name, replacing one of the same name (whatever its case). */
export async function saveScenario(tx: Sql, s: Scenario): Promise<Scenario> {
  const changed = await tx.run('UPDATE scenarios SET name = ?, adjustments = ? WHERE name = ? COLLATE NOCASE', [s.name, JSON.stringify(s.adjustments), s.name]);
  if (changed === 0) await tx.run('INSERT INTO scenarios (name, adjustments) VALUES (?, ?)', [s.name, JSON.stringify(s.adjustments)]);
  return getScenario(tx, s.name);
}

export async function deleteScenario(tx: Sql, name: string): Promise<void> {
  if ((await tx.run('DELETE FROM scenarios WHERE name = ? COLLATE NOCASE', [name])) === 0) {
    throw new CpwError('NOT_FOUND', `no scenario "${name}" in this workbook`);
  }
}

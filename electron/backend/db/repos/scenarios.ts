import type Database from 'better-sqlite3';
import { CpwError } from '../../../../shared/ipc/errors';
import { Adjustment, type Scenario } from '../../../../shared/schemas/scenario';

function parseAdjustments(name: string, json: string): Scenario['adjustments'] {
  const parsed = Adjustment.array().safeParse(JSON.parse(json));
  if (!parsed.success) throw new CpwError('DAMAGED', `scenario "${name}" in this workbook is not readable`);
  return parsed.data;
}

export function listScenarios(db: Database.Database): Scenario[] {
  const rows = db.prepare('SELECT name, adjustments FROM scenarios ORDER BY name').all() as { name: string; adjustments: string }[];
  return rows.map((r) => ({ name: r.name, adjustments: parseAdjustments(r.name, r.adjustments) }));
}

export function getScenario(db: Database.Database, name: string): Scenario {
  const row = db.prepare('SELECT name, adjustments FROM scenarios WHERE name = ? COLLATE NOCASE').get(name) as
    | { name: string; adjustments: string }
    | undefined;
  if (!row) throw new CpwError('NOT_FOUND', `no scenario "${name}" in this workbook`);
  return { name: row.name, adjustments: parseAdjustments(row.name, row.adjustments) };
}

/** Save a scenario under its name, replacing one of the same name. */
export function saveScenario(db: Database.Database, s: Scenario): Scenario {
  db.prepare(
    'INSERT INTO scenarios (name, adjustments) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET name = excluded.name, adjustments = excluded.adjustments',
  ).run(s.name, JSON.stringify(s.adjustments));
  return getScenario(db, s.name);
}

export function deleteScenario(db: Database.Database, name: string): void {
  if (db.prepare('DELETE FROM scenarios WHERE name = ? COLLATE NOCASE').run(name).changes === 0) {
    throw new CpwError('NOT_FOUND', `no scenario "${name}" in this workbook`);
  }
}

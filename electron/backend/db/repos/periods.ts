import type Database from 'better-sqlite3';
import { CpwError } from '../../../../shared/ipc/errors';
import type { Period } from '../../../../shared/schemas/period';
import { ROW_COLUMNS_SQL } from '../columns';
import { copyPoolSetup } from './pools';

const SELECT = `SELECT p.id, p.label, p.position,
  (SELECT count(*) FROM period_rows r WHERE r.period_id = p.id) AS rows
  FROM periods p`;

export function listPeriods(db: Database.Database): Period[] {
  return db.prepare(`${SELECT} ORDER BY p.position, p.id`).all() as Period[];
}

function noSuchPeriod(db: Database.Database, label: string): CpwError {
  const known = listPeriods(db).map((p) => p.label);
  const hint = known.length ? `it has ${known.join(', ')}` : 'it has no periods yet';
  return new CpwError('NOT_FOUND', `no period "${label}" in this workbook (${hint})`);
}

export function findPeriod(db: Database.Database, label: string): Period | undefined {
  return db.prepare(`${SELECT} WHERE p.label = ? COLLATE NOCASE`).get(label) as Period | undefined;
}

/** The period's id alone, for an action that needs no more of it: one small read. */
export function periodIdOf(db: Database.Database, label: string): number {
  const id = db.prepare('SELECT id FROM periods WHERE label = ? COLLATE NOCASE').pluck().get(label) as number | undefined;
  if (id === undefined) throw noSuchPeriod(db, label);
  return id;
}

export function getPeriod(db: Database.Database, label: string): Period {
  const p = findPeriod(db, label);
  if (!p) throw noSuchPeriod(db, label);
  return p;
}

/** The named period, or the last one when none is named. */
export function periodOrLatest(db: Database.Database, label: string | undefined): Period {
  if (label !== undefined) return getPeriod(db, label);
  const all = listPeriods(db);
  const last = all[all.length - 1];
  if (!last) throw new CpwError('NOT_FOUND', 'this workbook has no periods yet: import a sheet into one first');
  return last;
}

/** A new period at the end; with `copyFrom`, it starts as a copy of that period's rows. */
export function createPeriod(db: Database.Database, label: string, copyFrom?: string): Period {
  if (findPeriod(db, label)) throw new CpwError('CONFLICT', `period "${label}" already exists`);
  const source = copyFrom === undefined ? undefined : getPeriod(db, copyFrom);
  const { next } = db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM periods').get() as { next: number };
  const id = Number(db.prepare('INSERT INTO periods (label, position) VALUES (?, ?)').run(label, next).lastInsertRowid);
  if (source) {
    db.prepare(
      `INSERT INTO period_rows (period_id, account_id, position, ${ROW_COLUMNS_SQL})
         SELECT ?, account_id, position, ${ROW_COLUMNS_SQL} FROM period_rows WHERE period_id = ?`,
    ).run(id, source.id);
    copyPoolSetup(db, source.id, id);
  }
  return getPeriod(db, label);
}

export function ensurePeriod(db: Database.Database, label: string): Period {
  return findPeriod(db, label) ?? createPeriod(db, label);
}

export function renamePeriod(db: Database.Database, label: string, newLabel: string): Period {
  const p = getPeriod(db, label);
  const clash = findPeriod(db, newLabel);
  if (clash && clash.id !== p.id) throw new CpwError('CONFLICT', `period "${newLabel}" already exists`);
  db.prepare('UPDATE periods SET label = ? WHERE id = ?').run(newLabel, p.id);
  return getPeriod(db, newLabel);
}

export function deletePeriod(db: Database.Database, label: string): void {
  const p = getPeriod(db, label);
  db.prepare('DELETE FROM periods WHERE id = ?').run(p.id);
}

/** Put the periods in the given order: every period of the workbook, each once. */
export function reorderPeriods(db: Database.Database, labels: readonly string[]): Period[] {
  const all = listPeriods(db);
  const byLabel = new Map(all.map((p) => [p.label.toLowerCase(), p]));
  const seen = new Set<number>();
  for (const label of labels) {
    const p = byLabel.get(label.toLowerCase());
    if (!p) throw noSuchPeriod(db, label);
    if (seen.has(p.id)) throw new CpwError('INVALID_INPUT', `period "${p.label}" is named twice in the new order`);
    seen.add(p.id);
  }
  const missing = all.filter((p) => !seen.has(p.id)).map((p) => p.label);
  if (missing.length) throw new CpwError('INVALID_INPUT', `the new order leaves out ${missing.map((l) => `"${l}"`).join(', ')}: name every period once`);
  const move = db.prepare('UPDATE periods SET position = ? WHERE id = ?');
  labels.forEach((label, k) => move.run(k + 1, byLabel.get(label.toLowerCase())!.id));
  return listPeriods(db);
}

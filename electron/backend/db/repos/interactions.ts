import type Database from 'better-sqlite3';
import { CpwError } from '../../../../shared/ipc/errors';
import type { Interaction } from '../../../../shared/schemas/interaction';
import { nfc } from '../../../../shared/schemas/row';

const SELECT = `SELECT i.id, a.name AS account, i.date, i.kind, i.hours, i.prep_hours AS prepHours, i.attendees,
  i.travel, i.projected_revenue AS projectedRevenue, i.win_probability AS winProbability, i.valued,
  i.planned, i.note FROM interactions i JOIN accounts a ON a.id = i.account_id`;

type Stored = Omit<Interaction, 'planned'> & { id: number; planned: number };
const fromStored = (r: Stored): Interaction & { id: number } => ({ ...r, planned: r.planned === 1 });

export function listInteractions(db: Database.Database, account?: string): (Interaction & { id: number })[] {
  const rows =
    account === undefined
      ? db.prepare(`${SELECT} ORDER BY i.date, i.id`).all()
      : db.prepare(`${SELECT} WHERE a.name = ? COLLATE NOCASE ORDER BY i.date, i.id`).all(nfc(account));
  return (rows as Stored[]).map(fromStored);
}

function accountIdOf(db: Database.Database, name: string): number {
  const account = db.prepare('SELECT id FROM accounts WHERE name = ? COLLATE NOCASE').get(nfc(name)) as { id: number } | undefined;
  if (!account) throw new CpwError('NOT_FOUND', `no account "${name}" in this workbook`);
  return account.id;
}

const values = (it: Interaction) =>
  [it.date, it.kind, it.hours, it.prepHours, it.attendees, it.travel, it.projectedRevenue, it.winProbability, it.valued, it.planned ? 1 : 0, it.note] as const;

export function getInteraction(db: Database.Database, id: number): Interaction & { id: number } {
  const row = db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as Stored | undefined;
  if (!row) throw new CpwError('NOT_FOUND', `no interaction with id ${id}`);
  return fromStored(row);
}

export function addInteraction(db: Database.Database, it: Interaction): Interaction & { id: number } {
  const id = Number(
    db
      .prepare(
        `INSERT INTO interactions (account_id, date, kind, hours, prep_hours, attendees, travel, projected_revenue,
          win_probability, valued, planned, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(accountIdOf(db, it.account), ...values(it))
      .lastInsertRowid,
  );
  return getInteraction(db, id);
}

/** Replace a stored interaction's fields with `it` (already checked whole). */
export function updateInteraction(db: Database.Database, id: number, it: Interaction): Interaction & { id: number } {
  getInteraction(db, id);
  db.prepare(
    `UPDATE interactions SET account_id = ?, date = ?, kind = ?, hours = ?, prep_hours = ?, attendees = ?, travel = ?,
      projected_revenue = ?, win_probability = ?, valued = ?, planned = ?, note = ? WHERE id = ?`,
  ).run(accountIdOf(db, it.account), ...values(it), id);
  return getInteraction(db, id);
}

export function deleteInteraction(db: Database.Database, id: number): void {
  if (db.prepare('DELETE FROM interactions WHERE id = ?').run(id).changes === 0) {
    throw new CpwError('NOT_FOUND', `no interaction with id ${id}`);
  }
}

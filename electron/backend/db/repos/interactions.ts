import { CpwError } from '../../../../shared/ipc/errors';
import type { Interaction } from '../../../../shared/schemas/interaction';
import { nfc } from '../../../../shared/schemas/row';
import type { Sql } from '../sql';

const SELECT = `SELECT i.id, a.name AS account, i.date, i.kind, i.hours, i.prep_hours AS prepHours, i.attendees,
  i.travel, i.projected_revenue AS projectedRevenue, i.win_probability AS winProbability, i.valued,
  i.planned, i.note FROM interactions i JOIN accounts a ON a.id = i.account_id`;

type Stored = Omit<Interaction, 'planned'> & { id: number; planned: number };
const fromStored = (r: Stored): Interaction & { id: number } => ({ ...r, planned: r.planned === 1 });

export async function listInteractions(tx: Sql, account?: string): Promise<(Interaction & { id: number })[]> {
  const rows =
    account === undefined
      ? await tx.all<Stored>(`${SELECT} ORDER BY i.date, i.id`)
      : await tx.all<Stored>(`${SELECT} WHERE a.name = ? COLLATE NOCASE ORDER BY i.date, i.id`, [nfc(account)]);
  return rows.map(fromStored);
}

async function accountIdOf(tx: Sql, name: string): Promise<number> {
  const id = await tx.value<number>('SELECT id FROM accounts WHERE name = ? COLLATE NOCASE', [nfc(name)]);
  if (id === undefined) throw new CpwError('NOT_FOUND', `no account "${name}" in this workbook`);
  return id;
}

const values = (it: Interaction) =>
  [it.date, it.kind, it.hours, it.prepHours, it.attendees, it.travel, it.projectedRevenue, it.winProbability, it.valued, it.planned ? 1 : 0, it.note] as const;

export async function getInteraction(tx: Sql, id: number): Promise<Interaction & { id: number }> {
  const row = await tx.get<Stored>(`${SELECT} WHERE i.id = ?`, [id]);
  if (!row) throw new CpwError('NOT_FOUND', `no interaction with id ${id}`);
  return fromStored(row);
}

const INSERT = `INSERT INTO interactions (account_id, date, kind, hours, prep_hours, attendees, travel, projected_revenue,
  win_probability, valued, planned, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`;

export async function addInteraction(tx: Sql, it: Interaction): Promise<Interaction & { id: number }> {
  const id = (await tx.value<number>(INSERT, [await accountIdOf(tx, it.account), ...values(it)]))!;
  return getInteraction(tx, id);
}

/** Many interactions at once (an imported log), each checked already; the caller holds the transaction. */
export async function addInteractions(tx: Sql, all: readonly Interaction[]): Promise<number> {
  for (const it of all) await tx.value(INSERT, [await accountIdOf(tx, it.account), ...values(it)]);
  return all.length;
}

/** Replace a stored interaction's fields with `it` (already checked whole). */
export async function updateInteraction(tx: Sql, id: number, it: Interaction): Promise<Interaction & { id: number }> {
  await getInteraction(tx, id);
  await tx.run(
    `UPDATE interactions SET account_id = ?, date = ?, kind = ?, hours = ?, prep_hours = ?, attendees = ?, travel = ?,
      projected_revenue = ?, win_probability = ?, valued = ?, planned = ?, note = ? WHERE id = ?`,
    [await accountIdOf(tx, it.account), ...values(it), id],
  );
  return getInteraction(tx, id);
}

export async function deleteInteraction(tx: Sql, id: number): Promise<void> {
  if ((await tx.run('DELETE FROM interactions WHERE id = ?', [id])) === 0) {
    throw new CpwError('NOT_FOUND', `no interaction with id ${id}`);
  }
}

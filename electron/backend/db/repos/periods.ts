import { CpwError } from '../../../../shared/ipc/errors';
import type { Period } from '../../../../shared/schemas/period';
import { ROW_COLUMNS_SQL } from '../columns';
import type { Sql } from '../sql';
import { copyPoolSetup } from './pools';

const SELECT = `SELECT p.id, p.label, p.position,
  (SELECT count(*) FROM period_rows r WHERE r.period_id = p.id) AS rows,
  (SELECT count(*) FROM plan_rows r WHERE r.period_id = p.id) AS planRows
  FROM periods p`;

export function listPeriods(tx: Sql): Promise<Period[]> {
  return tx.all<Period>(`${SELECT} ORDER BY p.position, p.id`);
}

async function noSuchPeriod(tx: Sql, label: string): Promise<CpwError> {
  const known = (await listPeriods(tx)).map((p) => p.label);
  const hint = known.length ? `it has ${known.join(', ')}` : 'it has no periods yet';
  return new CpwError('NOT_FOUND', `no period "${label}" in this workbook (${hint})`);
}

export function findPeriod(tx: Sql, label: string): Promise<Period | undefined> {
  return tx.get<Period>(`${SELECT} WHERE p.label = ? COLLATE NOCASE`, [label]);
}

/** The period's id alone, for an action that needs no more of it: one small read. */
export async function periodIdOf(tx: Sql, label: string): Promise<number> {
  const id = await tx.value<number>('SELECT id FROM periods WHERE label = ? COLLATE NOCASE', [label]);
  if (id === undefined) throw await noSuchPeriod(tx, label);
  return id;
}

export async function getPeriod(tx: Sql, label: string): Promise<Period> {
  const p = await findPeriod(tx, label);
  if (!p) throw await noSuchPeriod(tx, label);
  return p;
}

/** The named period, or the last one when none is named. */
export async function periodOrLatest(tx: Sql, label: string | undefined): Promise<Period> {
  if (label !== undefined) return getPeriod(tx, label);
  const all = await listPeriods(tx);
  const last = all[all.length - 1];
  if (!last) throw new CpwError('NOT_FOUND', 'this workbook has no periods yet: import a sheet into one first');
  return last;
}

/** A new period at the end; with `copyFrom`, it starts as a copy of that period's rows. */
export async function createPeriod(tx: Sql, label: string, copyFrom?: string): Promise<Period> {
  if (await findPeriod(tx, label)) throw new CpwError('CONFLICT', `period "${label}" already exists`);
  const source = copyFrom === undefined ? undefined : await getPeriod(tx, copyFrom);
  const next = (await tx.value<number>('SELECT coalesce(max(position), 0) + 1 FROM periods'))!;
  const id = (await tx.value<number>('INSERT INTO periods (label, position) VALUES (?, ?) RETURNING id', [label, next]))!;
  if (source) {
    await tx.run(
      `INSERT INTO period_rows (period_id, account_id, position, ${ROW_COLUMNS_SQL})
         SELECT ?, account_id, position, ${ROW_COLUMNS_SQL} FROM period_rows WHERE period_id = ?`,
      [id, source.id],
    );
    await copyPoolSetup(tx, source.id, id);
  }
  return getPeriod(tx, label);
}

export async function ensurePeriod(tx: Sql, label: string): Promise<Period> {
  return (await findPeriod(tx, label)) ?? createPeriod(tx, label);
}

export async function renamePeriod(tx: Sql, label: string, newLabel: string): Promise<Period> {
  const p = await getPeriod(tx, label);
  const clash = await findPeriod(tx, newLabel);
  if (clash && clash.id !== p.id) throw new CpwError('CONFLICT', `period "${newLabel}" already exists`);
  await tx.run('UPDATE periods SET label = ? WHERE id = ?', [newLabel, p.id]);
  return getPeriod(tx, newLabel);
}

export async function deletePeriod(tx: Sql, label: string): Promise<void> {
  const p = await getPeriod(tx, label);
  await tx.run('DELETE FROM periods WHERE id = ?', [p.id]);
}

/** Put the periods in the given order: every period of the workbook, each once. */
export async function reorderPeriods(tx: Sql, labels: readonly string[]): Promise<Period[]> {
  const all = await listPeriods(tx);
  const byLabel = new Map(all.map((p) => [p.label.toLowerCase(), p]));
  const seen = new Set<number>();
  for (const label of labels) {
    const p = byLabel.get(label.toLowerCase());
    if (!p) throw await noSuchPeriod(tx, label);
    if (seen.has(p.id)) throw new CpwError('INVALID_INPUT', `period "${p.label}" is named twice in the new order`);
    seen.add(p.id);
  }
  const missing = all.filter((p) => !seen.has(p.id)).map((p) => p.label);
  if (missing.length) throw new CpwError('INVALID_INPUT', `the new order leaves out ${missing.map((l) => `"${l}"`).join(', ')}: name every period once`);
  for (const [k, label] of labels.entries()) await tx.run('UPDATE periods SET position = ? WHERE id = ?', [k + 1, byLabel.get(label.toLowerCase())!.id]);
  return listPeriods(tx);
}

import type { Sql } from '../sql';
import { CpwError } from '../../../../shared/ipc/errors';
import { internDimension, type DimensionColumn, type DimensionList } from '../../../../shared/schemas/dimensions';
import { nfc } from '../../../../shared/schemas/row';

/** The workbook's dimensions (DOMAIN.md, "Dimensions"): their names in order, and each account's value. */

interface Named {
  id: number;
  name: string;
}

export function dimensionNames(tx: Sql): Promise<Named[]> {
  return tx.all<Named>('SELECT id, name FROM dimensions ORDER BY position, id');
}

async function findDimension(tx: Sql, name: string): Promise<Named | undefined> {
  return (await dimensionNames(tx)).find((d) => d.name.toLowerCase() === name.toLowerCase());
}

/** The dimension named, or a refusal that lists the workbook's. */
export async function getDimension(tx: Sql, name: string): Promise<Named> {
  const found = await findDimension(tx, name);
  if (found) return found;
  const known = (await dimensionNames(tx)).map((d) => d.name);
  throw new CpwError('NOT_FOUND', `no dimension "${name}" in this workbook (${known.length ? `it has ${known.join(', ')}` : 'it has none yet: import a sheet with --dimension NAME=HEADER, or add one'})`);
}

/** The ids of the dimensions named, adding the new ones at the end. */
export async function ensureDimensions(tx: Sql, names: readonly string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const found = await findDimension(tx, name);
    if (found) {
      ids.push(found.id);
      continue;
    }
    const next = (await tx.value<number>('SELECT coalesce(max(position), 0) + 1 FROM dimensions'))!;
    ids.push((await tx.value<number>('INSERT INTO dimensions (name, position) VALUES (?, ?) RETURNING id', [name, next]))!);
  }
  return ids;
}

/** Every dimension with how many accounts have a value and which values (sorted), for the window's pickers. */
export async function listDimensions(tx: Sql): Promise<DimensionList> {
  const out: DimensionList = [];
  for (const d of await dimensionNames(tx)) {
    const values = await tx.pluck<string>('SELECT DISTINCT value FROM account_dimensions WHERE dimension_id = ? ORDER BY value', [d.id]);
    const accounts = Number(await tx.value('SELECT count(*) FROM account_dimensions WHERE dimension_id = ?', [d.id]));
    out.push({ name: d.name, accounts, values });
  }
  return out;
}

/** The dimensions of the accounts given (by id, in a period's order), interned: every dimension of the workbook, in its order. */
export async function dimensionColumns(tx: Sql, accountIds: readonly number[]): Promise<DimensionColumn[]> {
  const names = await dimensionNames(tx);
  if (names.length === 0) return [];
  const at = new Map<number, number>();
  accountIds.forEach((id, i) => at.set(id, i));
  const plain = names.map(() => new Array<string | null>(accountIds.length).fill(null));
  const slot = new Map(names.map((d, k) => [d.id, k]));
  for (const [accountId, dimensionId, value] of (await tx.rows('SELECT account_id, dimension_id, value FROM account_dimensions')) as [number, number, string][]) {
    const i = at.get(Number(accountId));
    if (i !== undefined) plain[slot.get(Number(dimensionId))!]![i] = value;
  }
  return names.map((d, k) => internDimension(d.name, plain[k]!));
}

/**
 * Set (or, with null, clear) the values of one dimension for the accounts
 * given by id: their old values go in a few statements and the new ones are
 * streamed in (COPY on PostgreSQL), so an import of 100,000 accounts makes
 * no round trip per account.
 */
export async function writeDimensionValues(tx: Sql, dimensionId: number, accountIds: readonly number[], values: readonly (string | null)[]): Promise<void> {
  for (let from = 0; from < accountIds.length; from += IDS_PER_DELETE) {
    const chunk = accountIds.slice(from, from + IDS_PER_DELETE);
    await tx.run(`DELETE FROM account_dimensions WHERE dimension_id = ? AND account_id IN (${chunk.map(() => '?').join(', ')})`, [dimensionId, ...chunk]);
  }
  const kept: number[] = [];
  values.forEach((v, k) => v !== null && kept.push(k));
  await tx.bulkLoad('account_dimensions', ['account_id', 'dimension_id', 'value'], kept.length, (j) => [accountIds[kept[j]!], dimensionId, values[kept[j]!]]);
}

/** Under SQLite's and PostgreSQL's limits on the parameters of one statement. */
const IDS_PER_DELETE = 500;

/** One account's value for one dimension (the sheet's cell): null clears it. */
export async function setDimensionValue(tx: Sql, account: string, name: string, value: string | null): Promise<void> {
  const d = await getDimension(tx, name);
  const accountId = await tx.value<number>('SELECT id FROM accounts WHERE name = ? COLLATE NOCASE', [nfc(account)]);
  if (accountId === undefined) throw new CpwError('NOT_FOUND', `no account "${account}" in this workbook`);
  await writeDimensionValues(tx, d.id, [accountId], [value]);
}

export async function addDimension(tx: Sql, name: string): Promise<void> {
  if (await findDimension(tx, name)) throw new CpwError('CONFLICT', `dimension "${name}" already exists`);
  await ensureDimensions(tx, [name]);
}

export async function renameDimension(tx: Sql, name: string, newName: string): Promise<void> {
  const d = await getDimension(tx, name);
  const clash = await findDimension(tx, newName);
  if (clash && clash.id !== d.id) throw new CpwError('CONFLICT', `dimension "${newName}" already exists`);
  await tx.run('UPDATE dimensions SET name = ? WHERE id = ?', [newName, d.id]);
}

export async function removeDimension(tx: Sql, name: string): Promise<void> {
  const d = await getDimension(tx, name);
  await tx.run('DELETE FROM dimensions WHERE id = ?', [d.id]);
}

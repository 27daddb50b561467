import type { Sql } from '../sql';

/** The workbook's small settings of its own, by key: what the last import's mapping was. */
export async function getMeta(tx: Sql, key: string): Promise<string | null> {
  return (await tx.value<string>('SELECT value FROM meta WHERE key = ?', [key])) ?? null;
}

export async function setMeta(tx: Sql, key: string, value: string): Promise<void> {
  await tx.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
}

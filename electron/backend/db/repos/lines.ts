import type { Lines } from '../../io/pools';
import type { Sql } from '../sql';

/**
 * Transaction lines counted (or summed) per account by the database itself:
 * streamed into a scratch table of the transaction (COPY on PostgreSQL), then
 * grouped by the account's folded name. Each account keeps the spelling and
 * the place of its first line.
 */
export async function countLines(tx: Sql, lines: Lines): Promise<{ account: string; count: number }[]> {
  await tx.run('CREATE TEMP TABLE cpw_lines (n INTEGER PRIMARY KEY, key TEXT NOT NULL, account TEXT NOT NULL, amount DOUBLE PRECISION NOT NULL)');
  await tx.bulkLoad('cpw_lines', ['n', 'key', 'account', 'amount'], lines.accounts.length, (k) => [k, lines.keys[k], lines.accounts[k], lines.amounts[k]]);
  const counts = await tx.all<{ account: string; count: number }>(
    `SELECT l.account AS account, t.total AS count
     FROM (SELECT min(n) AS first, sum(amount) AS total FROM cpw_lines GROUP BY key) t JOIN cpw_lines l ON l.n = t.first
     ORDER BY t.first`,
  );
  // Dropped with the transaction's end either way on PostgreSQL when it fails; on success now, on both engines.
  await tx.run('DROP TABLE cpw_lines');
  return counts;
}

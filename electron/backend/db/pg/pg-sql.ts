import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase, QueryConfig } from 'pg';
import type { Sql } from '../sql';
import { toPostgres } from './translate';

/**
 * The store's door on a PostgreSQL workbook: the repositories' SQL turned
 * into PostgreSQL's once per text, and each text a named prepared statement
 * on the connection, so a repeated query is planned once as on the file.
 */
export function pgSql(client: ClientBase): Sql {
  const names = new Map<string, { name: string; text: string }>();
  const prepared = (sql: string) => {
    let p = names.get(sql);
    if (!p) {
      p = { name: `cpw_${names.size + 1}`, text: toPostgres(sql) };
      names.set(sql, p);
    }
    return p;
  };
  const query = async (sql: string, params: readonly unknown[] | undefined, rowMode?: 'array') => {
    const { name, text } = prepared(sql);
    const config: QueryConfig & { rowMode?: 'array' } = { name, text, values: (params ?? []).map(toParam) };
    if (rowMode) config.rowMode = rowMode;
    return client.query(config);
  };
  return {
    dialect: 'postgres',
    all: async <T>(sql: string, params?: readonly unknown[]) => (await query(sql, params)).rows as T[],
    get: async <T>(sql: string, params?: readonly unknown[]) => (await query(sql, params)).rows[0] as T | undefined,
    rows: async (sql, params) => (await query(sql, params, 'array')).rows as unknown[][],
    table: async (sql, params) => {
      const r = await query(sql, params, 'array');
      return { columns: r.fields.map((f) => f.name), rows: r.rows as unknown[][] };
    },
    pluck: async <T>(sql: string, params?: readonly unknown[]) => (await query(sql, params, 'array')).rows.map((r) => (r as unknown[])[0]) as T[],
    value: async <T>(sql: string, params?: readonly unknown[]) => ((await query(sql, params, 'array')).rows[0] as unknown[] | undefined)?.[0] as T | undefined,
    run: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
    bulkLoad: (table, columns, count, row) => copyRows(client, table, columns, count, row),
    columnsOf: async (table) =>
      (
        await client.query<{ column_name: string }>(
          'SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position',
          [table],
        )
      ).rows.map((r) => r.column_name),
  };
}

/** A BigInt as its digits (int8 columns), booleans as SQLite's 0 and 1, everything else as it is. */
function toParam(v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

/** One value in COPY's text format: \N for null, backslash escapes for what would end a field or a line. */
function copyField(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const text = typeof v === 'string' ? v : String(v);
  return /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;
}

/** Rows streamed through COPY … FROM STDIN in blocks, so a million lines never sit in memory as one text. */
export async function copyRows(client: ClientBase, table: string, columns: readonly string[], count: number, row: (k: number) => readonly unknown[]): Promise<void> {
  const { from: copyFrom } = await import('pg-copy-streams');
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  async function* blocks() {
    let block = '';
    for (let k = 0; k < count; k++) {
      block += `${row(k).map(copyField).join('\t')}\n`;
      if (block.length > 1 << 16) {
        yield block;
        block = '';
      }
    }
    if (block) yield block;
  }
  await pipeline(Readable.from(blocks()), stream);
}

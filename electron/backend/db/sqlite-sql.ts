import type Database from 'better-sqlite3';
import { ROWS_PER_INSERT, valuesList, type Sql } from './sql';

/**
 * The store's door on a workbook file: better-sqlite3, synchronous
 * underneath, each statement prepared once per connection and kept.
 */
export function sqliteSql(db: Database.Database): Sql {
  // A statement keeps the mode it is put in (objects, arrays, first column), so each mode has its own.
  const cache = { objects: new Map<string, Database.Statement>(), arrays: new Map<string, Database.Statement>(), first: new Map<string, Database.Statement>() };
  const statement = (mode: keyof typeof cache, sql: string): Database.Statement => {
    let st = cache[mode].get(sql);
    if (!st) {
      st = db.prepare(sql);
      if (mode === 'arrays' && st.reader) st.raw(true);
      if (mode === 'first' && st.reader) st.pluck(true);
      cache[mode].set(sql, st);
    }
    return st;
  };
  const prepared = (sql: string) => statement('objects', sql);
  const args = (params?: readonly unknown[]) => (params ?? []) as unknown[];
  return {
    dialect: 'sqlite',
    all: async <T>(sql: string, params?: readonly unknown[]) => prepared(sql).all(...args(params)) as T[],
    get: async <T>(sql: string, params?: readonly unknown[]) => prepared(sql).get(...args(params)) as T | undefined,
    rows: async (sql, params) => statement('arrays', sql).all(...args(params)) as unknown[][],
    table: async (sql, params) => {
      const st = statement('arrays', sql);
      return { columns: st.columns().map((c) => c.name), rows: st.all(...args(params)) as unknown[][] };
    },
    pluck: async <T>(sql: string, params?: readonly unknown[]) => statement('first', sql).all(...args(params)) as T[],
    value: async <T>(sql: string, params?: readonly unknown[]) => statement('first', sql).get(...args(params)) as T | undefined,
    run: async (sql, params) => prepared(sql).run(...args(params)).changes,
    bulkLoad: async (table, columns, count, row) => {
      const insert = (n: number) => statement('objects', `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${valuesList(n, columns.length)}`);
      const width = columns.length;
      const full = insert(ROWS_PER_INSERT);
      // One parameter array, filled in place: an import's 100,000 rows make no array per block.
      const values = new Array<unknown>(ROWS_PER_INSERT * width);
      let filled = 0;
      for (let k = 0; k < count; k++) {
        const r = row(k);
        for (let c = 0; c < width; c++) values[filled++] = r[c];
        if (filled === values.length) {
          full.run(values);
          filled = 0;
        }
      }
      if (filled > 0) insert(filled / width).run(values.slice(0, filled));
    },
    columnsOf: async (table) => (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]),
  };
}

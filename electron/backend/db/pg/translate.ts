/**
 * The repositories' SQL (written once, in SQLite's words) in PostgreSQL's:
 * - `?` becomes `$1`, `$2`… (outside quoted text);
 * - `X = ? COLLATE NOCASE` becomes `cpw_nocase(X) = cpw_nocase($n)`, the
 *   schema's function that folds ASCII letters as SQLite's NOCASE does (so
 *   "École" and "école" stay two names on both engines), matched by the
 *   unique indexes made on the same expression;
 * - a camelCase alias (`AS accountId`) is quoted, since PostgreSQL folds
 *   unquoted names to lower case.
 * Everything else the repositories use (RETURNING, ON CONFLICT … excluded,
 * multi-row VALUES) is the same in both.
 */
export function toPostgres(sql: string): string {
  let out = '';
  let n = 0;
  for (const [text, quoted] of pieces(sql)) {
    if (quoted) {
      out += text;
      continue;
    }
    out += text
      .replace(/([A-Za-z_][\w.]*)\s*=\s*\?\s+COLLATE\s+NOCASE/g, (_m, column: string) => `cpw_nocase(${column}) = cpw_nocase(?)`)
      .replace(/\bAS\s+([a-z]+[A-Z]\w*)/g, 'AS "$1"')
      .replace(/\?/g, () => `$${++n}`);
  }
  return out;
}

/** The text cut into unquoted and quoted ('…' or "…") pieces, so nothing inside a literal is touched. */
function* pieces(sql: string): Generator<[string, boolean]> {
  let start = 0;
  for (let i = 0; i < sql.length; i++) {
    const q = sql[i];
    if (q !== "'" && q !== '"') continue;
    if (i > start) yield [sql.slice(start, i), false];
    let j = i + 1;
    while (j < sql.length && !(sql[j] === q && sql[j + 1] !== q)) j += sql[j] === q ? 2 : 1;
    yield [sql.slice(i, j + 1), true];
    start = j + 1;
    i = j;
  }
  if (start < sql.length) yield [sql.slice(start), false];
}

// pgpass (node-postgres's own reader of ~/.pgpass and PGPASSFILE, with its permission rules) ships no types.
declare module 'pgpass' {
  function pgpass(conn: { host: string; port: number; database: string; user: string }, done: (password: string | undefined) => void): void;
  export default pgpass;
}

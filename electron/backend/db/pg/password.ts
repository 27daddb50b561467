import type { PgLocation } from './location';

/**
 * The password for an address, looked for as libpq does: in the address,
 * then PGPASSWORD, then ~/.pgpass (or PGPASSFILE). Undefined when none is
 * found: the server then says whether it wanted one.
 */
export function passwordFor(loc: PgLocation): () => Promise<string> {
  return async () => {
    if (loc.password !== undefined) return loc.password;
    if (process.env.PGPASSWORD) return process.env.PGPASSWORD;
    const pgpass = (await import('pgpass')).default;
    const found = await new Promise<string | undefined>((done) => pgpass({ host: loc.host, port: loc.port, database: loc.database, user: loc.user }, done));
    return found as string;
  };
}

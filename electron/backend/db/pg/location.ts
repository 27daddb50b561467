import { basename } from 'node:path';
import { CpwError } from '../../../../shared/ipc/errors';

/**
 * A team workbook's address: postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE?workbook=NAME.
 * The password may be left out and come from PGPASSWORD or ~/.pgpass (node-postgres reads both).
 */
export interface PgLocation {
  user: string;
  password: string | undefined;
  host: string;
  port: number;
  database: string;
  /** The workbook's schema in that database. */
  workbook: string;
}

const PREFIXES = ['postgresql://', 'postgres://'];

/** Whether a location names a PostgreSQL workbook rather than a file. */
export function isPgLocation(location: string): boolean {
  const lower = location.trimStart().toLowerCase();
  return PREFIXES.some((p) => lower.startsWith(p));
}

/** A workbook's name is a schema name of its own: letters, digits, _ and -, as people name things, never quoted SQL. */
const WORKBOOK_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;

/** The address as it may be shown: never the password. */
export function describePg(loc: Pick<PgLocation, 'user' | 'host' | 'port' | 'database' | 'workbook'>): string {
  return `postgresql://${encodeURIComponent(loc.user)}@${loc.host.includes(':') ? `[${loc.host}]` : loc.host}:${loc.port}/${encodeURIComponent(loc.database)}?workbook=${loc.workbook}`;
}

/** Any postgres address inside a text with its password taken out, for messages that quote what was typed. */
export function redactPasswords(text: string): string {
  // Every line cpw prints passes here, a 100 MB report among them: the scan for "://" is far cheaper than the pattern.
  if (!text.includes('://')) return text;
  return text.replace(/(postgres(?:ql)?:\/\/[^:@/\s[]*):[^@\s\]]+@/gi, '$1:***@');
}

export function parsePgLocation(location: string): PgLocation {
  const shown = redactPasswords(location.trim());
  const bad = (why: string): never => {
    throw new CpwError('INVALID_INPUT', `${shown} is not a workbook address: ${why} (the form is postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE?workbook=NAME)`);
  };
  let url: URL;
  try {
    url = new URL(location.trim());
  } catch {
    return bad('it does not read as an address');
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') bad('it does not start with postgresql://');
  const user = decodeURIComponent(url.username);
  if (user === '') bad('it names no user before the @');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') bad('it names no server');
  const port = url.port === '' ? 5432 : Number(url.port);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (database === '' || database.includes('/')) bad('it names no database after the server');
  const unknown = [...url.searchParams.keys()].filter((k) => k !== 'workbook');
  if (unknown.length > 0) bad(`it has ${unknown.map((k) => `"${k}"`).join(', ')}, which the workbench does not take`);
  const workbook = url.searchParams.get('workbook');
  if (workbook === null || workbook === '') bad('it names no workbook (add ?workbook=NAME)');
  if (!WORKBOOK_NAME.test(workbook!)) bad(`the workbook name "${workbook}" must start with a letter and hold only letters, digits, _ and - (at most 63)`);
  if (workbook!.toLowerCase().startsWith('pg_')) bad(`the workbook name "${workbook}" starts with pg_, which PostgreSQL keeps for itself`);
  const password = url.password === '' ? undefined : decodeURIComponent(url.password);
  return { user, password, host, port, database, workbook: workbook! };
}

/** What a list of workbooks calls one: a file's name, or a team workbook's name and server. */
export function shortNameOf(location: string): string {
  if (!isPgLocation(location)) return basename(location);
  try {
    const loc = parsePgLocation(location);
    return `${loc.workbook} (${loc.database} on ${loc.host})`;
  } catch {
    return redactPasswords(location);
  }
}

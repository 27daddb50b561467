import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { CpwError } from '../../../shared/ipc/errors';
import { ROLES, type Person, type Role } from '../actor';
import { connectPg, schemaOf } from '../db/pg/pg-store';
import { pgFailure } from '../db/pg/errors';
import { describePg, isPgLocation, parsePgLocation, type PgLocation } from '../db/pg/location';
import { openStore } from '../db/locations';

/** Only this is stored of a token: a token is 32 random bytes, so a plain SHA-256 cannot be walked back. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new sign-in token: what `cpw users add` prints once. */
export function newToken(): string {
  return `cpw_${randomBytes(32).toString('base64url')}`;
}

/**
 * The role a team server's transactions run as: it owns nothing, may read
 * and write the workbook's tables only as the row-level security policies
 * allow, and cannot switch them off (only a table's owner can). One per
 * workbook, named from the database and schema (roles are the cluster's).
 */
export function teamRoleOf(loc: PgLocation): string {
  return `cpw_team_${createHash('sha256').update(`${loc.database}\0${loc.workbook.toLowerCase()}`).digest('hex').slice(0, 16)}`;
}

/**
 * Make the team role when missing and grant it what the policies then
 * filter; the address's user (the schema's owner) becomes a member, so the
 * server can SET ROLE to it. Needs CREATEROLE the first time.
 */
export async function ensureTeamRole(client: pg.ClientBase, loc: PgLocation): Promise<string> {
  const role = teamRoleOf(loc);
  const schema = schemaOf(loc);
  const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount! > 0;
  if (!exists) {
    try {
      await client.query(`CREATE ROLE ${role} NOLOGIN NOSUPERUSER NOINHERIT NOBYPASSRLS`);
    } catch (e) {
      if ((e as { code?: string }).code === '42501') {
        throw new CpwError('FORBIDDEN', `user "${loc.user}" may not create the team role ${role} that a team server's people act as: give it CREATEROLE once (ALTER ROLE "${loc.user}" CREATEROLE), or have an administrator run CREATE ROLE ${role} NOLOGIN and GRANT ${role} TO "${loc.user}"`);
      }
      throw e;
    }
  }
  const member = await client.query('SELECT pg_has_role(current_user, $1, $2) AS yes', [role, 'MEMBER']);
  if (!member.rows[0].yes) await client.query(`GRANT ${role} TO CURRENT_USER`);
  await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
  await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${role}`);
  await client.query(`REVOKE ALL ON ${schema}.people FROM ${role}`);
  for (const t of ['meta', 'assumptions', 'periods', 'accounts', 'period_rows', 'interactions', 'scenarios', 'history', 'cost_pools', 'pool_activities', 'activity_drivers', 'allocation_modes', 'activity_terms', 'pool_feeds', 'activity_line_totals', 'dimensions', 'account_dimensions', 'plan_rows']) {
    await client.query(`GRANT INSERT, UPDATE, DELETE ON ${schema}.${t} TO ${role}`);
  }
  await client.query(`GRANT INSERT ON ${schema}.audit_log TO ${role}`);
  await client.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`);
  return role;
}

function teamAddress(location: string): PgLocation {
  if (!isPgLocation(location)) {
    throw new CpwError('INVALID_INPUT', `${location} is a file: people and roles belong to a team workbook in PostgreSQL (publish it with cpw copy FILE postgresql://...)`);
  }
  return parsePgLocation(location);
}

/** Run on the workbook's schema as the address's user (its owner), brought up to date first, in one transaction. */
async function onWorkbook<T>(location: string, fn: (client: pg.ClientBase, loc: PgLocation) => Promise<T>): Promise<T> {
  const loc = teamAddress(location);
  // Opening migrates an older workbook and refuses what is not one, as every command does.
  await (await openStore(location, false)).close();
  const client = await connectPg(loc);
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL search_path TO ${schemaOf(loc)}`);
    const result = await fn(client, loc);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw pgFailure(e, loc, 'changing its people');
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface Listed extends Person {
  created: string;
  revoked: string | null;
}

export function addPerson(location: string, name: string, role: Role, owner: string | null): Promise<{ name: string; role: Role; token: string }> {
  const clean = name.trim();
  if (!clean || clean.length > 100) throw new CpwError('INVALID_INPUT', 'a person\'s name is 1 to 100 characters');
  if (!ROLES.includes(role)) throw new CpwError('INVALID_INPUT', `--role must be one of ${ROLES.join(', ')}, not "${role}"`);
  if (role === 'director' && !owner) throw new CpwError('INVALID_INPUT', `a director writes the accounts whose owner is theirs: give --owner "OWNER AS IN THE SHEET" for ${clean}`);
  return onWorkbook(location, async (client, loc) => {
    await ensureTeamRole(client, loc);
    const taken = await client.query('SELECT revoked_at FROM people WHERE cpw_nocase(name) = cpw_nocase($1)', [clean]);
    if (taken.rowCount) {
      throw new CpwError('FILE_EXISTS', `${describePg(loc)} already has a person named "${clean}"${taken.rows[0].revoked_at ? ' (revoked)' : ''}: choose another name`);
    }
    const token = newToken();
    await client.query('INSERT INTO people (name, role, owner, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [clean, role, owner, tokenHash(token), new Date().toISOString()]);
    return { name: clean, role, token };
  });
}

export function listPeople(location: string): Promise<Listed[]> {
  return onWorkbook(location, async (client) => {
    const r = await client.query('SELECT name, role, owner, created_at AS created, revoked_at AS revoked FROM people ORDER BY cpw_nocase(name)');
    return r.rows as Listed[];
  });
}

/** Revoke a person's token at once: the next call they make is refused. */
export function revokePerson(location: string, name: string): Promise<void> {
  return onWorkbook(location, async (client, loc) => {
    const r = await client.query('UPDATE people SET revoked_at = $2 WHERE cpw_nocase(name) = cpw_nocase($1) AND revoked_at IS NULL', [name.trim(), new Date().toISOString()]);
    if (r.rowCount === 0) throw new CpwError('NOT_FOUND', `${describePg(loc)} has no person "${name}" signed in (cpw users list shows who has)`);
  });
}

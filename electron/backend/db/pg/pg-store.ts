import type pg from 'pg';
import { CpwError } from '../../../../shared/ipc/errors';
import { APPLICATION_ID } from '../connection';
import { SCHEMA_VERSION } from '../migrate';
import type { Sql } from '../sql';
import { Serial, type WorkbookStore } from '../store';
import { pgFailure, serverOf } from './errors';
import { describePg, parsePgLocation, type PgLocation } from './location';
import { PG_MIGRATIONS, applyPgMigration } from './migrate';
import { passwordFor } from './password';
import { pgSql } from './pg-sql';
import { actorName, currentPerson } from '../../actor';
import { channelOf, collectChanges, eventOf } from '../../team/changes';

/** PostgreSQL 15 is the oldest the schema and the tests are held to. */
const OLDEST_SERVER = 150000;

/** int8 (ids, counts) and numeric (sums of them) as numbers, as the file gives them. */
const typesOf = (driver: typeof pg) => ({
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 || oid === 1700 ? (v: string) => Number(v) : driver.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
});

export function schemaOf(loc: PgLocation): string {
  return `"${loc.workbook.toLowerCase()}"`;
}

/** A connection to the server the address names, its failures in the user's words. */
export async function connectPg(loc: PgLocation): Promise<pg.Client> {
  // Loaded here, not at start: a command on a workbook file never pays for the driver.
  const driver = (await import('pg')).default;
  const client = new driver.Client({
    host: loc.host,
    port: loc.port,
    user: loc.user,
    database: loc.database,
    password: passwordFor(loc),
    types: typesOf(driver),
    application_name: 'cpw',
    connectionTimeoutMillis: 15_000,
    keepAlive: true,
  });
  // A connection lost while idle must not end the process: the next statement says so.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const version = Number((await client.query('SHOW server_version_num')).rows[0].server_version_num);
    if (version < OLDEST_SERVER) {
      throw new CpwError('NOT_WORKBOOK', `${serverOf(loc)} runs PostgreSQL ${Math.floor(version / 10000)}; the workbench needs PostgreSQL 15 or newer`);
    }
    return client;
  } catch (e) {
    await client.end().catch(() => undefined);
    throw pgFailure(e, loc, 'connecting');
  }
}

/** What the schema named by the address holds: nothing, something else, or a workbook at some version. */
async function inspect(client: pg.Client, loc: PgLocation): Promise<'none' | number> {
  const schema = loc.workbook.toLowerCase();
  const where = describePg(loc);
  const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  if (found.rowCount === 0) return 'none';
  const marker = await client.query("SELECT to_regclass($1) IS NOT NULL AS has", [`${schemaOf(loc)}.cpw_workbook`]);
  if (!marker.rows[0].has) {
    throw new CpwError('NOT_WORKBOOK', `${where} is not a workbench workbook: the schema "${schema}" in database "${loc.database}" holds other tables (no cpw_workbook table); nothing was written`);
  }
  const row = (await client.query(`SELECT application_id, schema_version FROM ${schemaOf(loc)}.cpw_workbook`)).rows[0] as { application_id: number; schema_version: number } | undefined;
  if (!row || row.application_id !== APPLICATION_ID) {
    throw new CpwError('NOT_WORKBOOK', `${where} is not a workbench workbook (its cpw_workbook table says application ${row?.application_id ?? 'none'}); nothing was written`);
  }
  if (row.schema_version > SCHEMA_VERSION) {
    throw new CpwError(
      'NEWER_SCHEMA',
      `${where} was saved by a newer version of the workbench (schema ${row.schema_version}; this version reads up to ${SCHEMA_VERSION}): update the app to open it`,
    );
  }
  return row.schema_version;
}

/** A connection and the queue of its transactions, one at a time. */
interface Lane {
  client: pg.Client;
  sql: Sql;
  serial: Serial;
}
const laneOf = (client: pg.Client): Lane => ({ client, sql: pgSql(client), serial: new Serial() });

/**
 * A workbook in a schema of a PostgreSQL database: one connection for every
 * write, one transaction at a time on it, so writes meet each other in the
 * order they came as on a file. A team server adds connections for reads
 * (`addReaders`): many people reading the portfolio then do not wait behind
 * each other's writes, and each read still sees every write committed before
 * it began.
 */
export class PgStore implements WorkbookStore {
  readonly engine = 'postgres' as const;
  readonly location: string;
  readonly name: string;
  readonly notes: readonly string[] = [];
  private readonly main: Lane;
  private readers: Lane[] = [];
  private role: string | null = null;
  private closed = false;

  constructor(
    client: pg.Client,
    readonly address: PgLocation,
    readonly readOnly: boolean,
  ) {
    this.location = describePg(address);
    this.name = address.workbook;
    this.main = laneOf(client);
  }

  read<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    // The least busy reader; the writing connection when there are none.
    const lane = this.readers.reduce<Lane | null>((best, l) => (best === null || l.serial.queued < best.serial.queued ? l : best), null) ?? this.main;
    return this.transaction(lane, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', fn, 'reading it', false);
  }

  write<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.transaction(this.main, 'BEGIN', fn, 'saving the change', true);
  }

  /**
   * One transaction, as the call's person when a team server runs it (the
   * setting row-level security reads, local to the transaction); a write
   * tells the workbook's other windows what it changed, delivered by
   * PostgreSQL only if it commits.
   */
  private transaction<T>(lane: Lane, begin: string, fn: (tx: Sql) => Promise<T>, doing: string, writing: boolean): Promise<T> {
    const person = currentPerson();
    const { client, sql } = lane;
    return lane.serial.run(async () => {
      if (this.closed) throw new CpwError('NO_WORKBOOK', `${this.location} is closed`);
      let committing = false;
      try {
        await client.query(begin);
        if (person) await client.query("SELECT set_config('cpw.person', $1, true)", [person.name]);
        const { run, changes } = collectChanges(() => fn(sql));
        const result = await run;
        if (writing) await client.query('SELECT pg_notify($1, $2)', [channelOf(this.address.workbook.toLowerCase()), JSON.stringify(eventOf(changes(), actorName()))]);
        committing = true;
        await client.query('COMMIT');
        return result;
      } catch (e) {
        if (!committing) await client.query('ROLLBACK').catch(() => undefined);
        throw pgFailure(e, this.address, doing, committing);
      }
    });
  }

  /** Statements of the connection's own (a team server's setup, as the schema's owner) in one transaction, after those queued. */
  owner<T>(fn: (client: pg.ClientBase) => Promise<T>): Promise<T> {
    const { client } = this.main;
    return this.main.serial.run(async () => {
      await client.query('BEGIN');
      try {
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw pgFailure(e, this.address, 'setting up the team server');
      }
    });
  }

  /**
   * Run every later transaction as this role (a team server's, which owns
   * nothing and is held to the row-level security policies), after the
   * transactions already queued; readers added later take it too.
   */
  async actAs(role: string): Promise<void> {
    this.role = role;
    await Promise.all([this.main, ...this.readers].map((l) => l.serial.run(() => l.client.query(`SET ROLE ${role}`))));
  }

  /** `count` more connections for reads only, set up as the writing one is; one that drops is left out, its reads going to the others. */
  async addReaders(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const client = await connectPg(this.address);
      try {
        await client.query(`SET search_path TO ${schemaOf(this.address)}`);
        await client.query('SET default_transaction_read_only = on');
        if (this.role) await client.query(`SET ROLE ${this.role}`);
      } catch (e) {
        await client.end().catch(() => undefined);
        throw pgFailure(e, this.address, 'opening it');
      }
      const lane = laneOf(client);
      client.once('end', () => {
        this.readers = this.readers.filter((l) => l !== lane);
      });
      this.readers.push(lane);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const lanes = [this.main, ...this.readers];
    await Promise.all(lanes.map((l) => l.serial.drained()));
    await Promise.all(lanes.map((l) => l.client.end().catch(() => undefined)));
  }
}

/** Open the workbook an address names; an older one is brought up to date first (each migration its own transaction), unless read-only. */
export async function openPgStore(location: string, readOnly: boolean): Promise<PgStore> {
  const loc = parsePgLocation(location);
  const client = await connectPg(loc);
  try {
    const version = await inspect(client, loc);
    if (version === 'none') {
      throw new CpwError('NOT_FOUND', `there is no workbook "${loc.workbook}" in database "${loc.database}" on ${serverOf(loc)}: make it with cpw new ${describePg(loc)}, or publish a file there with cpw copy FILE ${describePg(loc)}`);
    }
    await client.query(`SET search_path TO ${schemaOf(loc)}`);
    if (version < SCHEMA_VERSION) {
      if (readOnly) throw new CpwError('NEWER_SCHEMA', `${describePg(loc)} was saved by an older version of the workbench (schema ${version}): open it for editing once to bring it up to date`);
      const now = new Date().toISOString();
      for (const m of PG_MIGRATIONS.slice(version)) {
        await client.query('BEGIN');
        try {
          await applyPgMigration(client, m, now);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw pgFailure(e, loc, `upgrading it (${m.name})`);
        }
      }
    }
    if (readOnly) await client.query('SET default_transaction_read_only = on');
    return new PgStore(client, loc, readOnly);
  } catch (e) {
    await client.end().catch(() => undefined);
    throw pgFailure(e, loc, 'opening it');
  }
}

/**
 * Make a new workbook at an address, seeded in the same transaction, so it
 * appears whole or not at all. An existing workbook there is refused, or with
 * `replace` dropped in that same transaction (something that is not a
 * workbook is never dropped).
 */
export async function createPgWorkbook(location: string, seed?: (tx: Sql) => Promise<void>, replace = false): Promise<void> {
  const loc = parsePgLocation(location);
  const client = await connectPg(loc);
  let committing = false;
  try {
    await client.query('BEGIN');
    // Two makers of the same workbook at once: the second waits, then finds it made.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`cpw:${loc.workbook.toLowerCase()}`]);
    const version = await inspect(client, loc);
    if (version !== 'none') {
      if (!replace) throw new CpwError('FILE_EXISTS', `${describePg(loc)} already exists: choose another name${seed ? ', or give --replace' : ''}`);
      await client.query(`DROP SCHEMA ${schemaOf(loc)} CASCADE`);
    }
    await client.query(`CREATE SCHEMA ${schemaOf(loc)}`);
    await client.query(`SET LOCAL search_path TO ${schemaOf(loc)}`);
    const now = new Date().toISOString();
    for (const m of PG_MIGRATIONS) await applyPgMigration(client, m, now);
    if (seed) await seed(pgSql(client));
    committing = true;
    await client.query('COMMIT');
  } catch (e) {
    if (!committing) await client.query('ROLLBACK').catch(() => undefined);
    throw pgFailure(e, loc, 'creating it', committing);
  } finally {
    await client.end().catch(() => undefined);
  }
}

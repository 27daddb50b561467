import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real PostgreSQL server of the tests' own (Debian's postgresql package):
 * initdb in a temporary folder, started by pg_ctl on a free loopback port,
 * as the unprivileged `postgres` user when the tests run as root (PostgreSQL
 * refuses root), stopped and removed at the end. The system's own cluster is
 * never used or changed. Password authentication over TCP, so the tests can
 * give a wrong one.
 */
export interface PgServer {
  /** postgresql://cpw:PASSWORD@127.0.0.1:PORT/cpw, without ?workbook= */
  url: string;
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  dir: string;
  bin: string;
  stop(): void;
}

export const TEST_USER = 'cpw';
export const TEST_PASSWORD = 'cpw-test-Secret-7';
export const TEST_DATABASE = 'cpw';

/** The newest installed server's programs, or null. */
export function pgBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0]!, 'bin') : null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;

/** Run one of the server's programs as the user PostgreSQL runs as. */
function asPostgres(cmd: string, args: string[], cwd: string): void {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(file, argv, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
}

export async function startPgServer(options: { fast?: boolean } = {}): Promise<PgServer> {
  const bin = pgBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install postgresql (the tests start a server of their own from it)');
  const dir = mkdtempSync(join(tmpdir(), 'cpw-pg-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, `${TEST_PASSWORD}\n`, { mode: 0o644 });
  if (asRoot) chownSync(pwfile, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()), 0);
  asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--pwfile', pwfile, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], dir);
  rmSync(pwfile, { force: true });
  const port = await freePort();
  // The tests' server need not survive a power cut: no fsync makes its many small transactions quick.
  const settings = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses='127.0.0.1'", '-c max_connections=200', ...(options.fast === false ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'])];
  asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', settings.join(' '), 'start'], dir);
  const stop = () => {
    try {
      asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    asPostgres(join(bin, 'psql'), ['-h', dir, '-p', String(port), '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', '-c', `CREATE ROLE ${TEST_USER} LOGIN CREATEROLE PASSWORD '${TEST_PASSWORD}'`, '-c', `CREATE DATABASE ${TEST_DATABASE} OWNER ${TEST_USER}`], dir);
  } catch (e) {
    stop();
    throw e;
  }
  const host = '127.0.0.1';
  return { url: `postgresql://${TEST_USER}:${TEST_PASSWORD}@${host}:${port}/${TEST_DATABASE}`, host, port, user: TEST_USER, password: TEST_PASSWORD, database: TEST_DATABASE, dir, bin, stop };
}

/** Run SQL as the server's superuser over its socket (to make a second database, or one that is not a workbench's). */
export function psqlAdmin(server: Pick<PgServer, 'bin' | 'dir' | 'port'>, sql: string, database = 'postgres'): string {
  const args = ['-h', server.dir, '-p', String(server.port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql];
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(server.bin, 'psql'), ...args]] : [join(server.bin, 'psql'), args];
  const r = spawnSync(file, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
  return r.stdout.trim();
}

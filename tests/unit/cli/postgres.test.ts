import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvOf, generatePortfolio } from '../../bench/portfolio';
import { newLocation, pgAdmin, schemaOf, testPg } from '../../engines';
import { TEST_PASSWORD } from '../../pg-server';
import { ROOT, cpw, cpwJson, csv, sha256, useTempDir } from '../../helpers';

// `cpw` on a postgresql:// address, against the tests' own PostgreSQL server: the same answers as a file, a copy
// both ways, all or nothing under a bad sheet, a kill and a dropped connection, and never a password shown.

const BIN = join(ROOT, 'electron', 'cli', 'bin.cjs');
const seen: string[] = [];

/** cpw, its output kept so the last test can look for the password in everything every command printed. */
async function run(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = await cpw(args, ROOT, env);
  seen.push(r.stdout, r.stderr);
  return r;
}

async function reports(location: string): Promise<Record<string, unknown>> {
  const check = await cpwJson<{ periods: { label: string }[] }>(['check', location, '--json']);
  const out: Record<string, unknown> = {};
  for (const { label } of check.periods) out[label] = await cpwJson(['report', location, '--period', label, '--json']);
  return out;
}

function sheetFile(dir: string, rows: number, seed = 3): string {
  const path = join(dir, `sheet-${rows}.csv`);
  const data = generatePortfolio(rows, seed);
  writeFileSync(path, csvOf(data));
  return path;
}

/** Rows in a period of a PostgreSQL workbook, read by the server's superuser: 0 when the period is not there. */
function rowsIn(location: string, period: string): number {
  const schema = schemaOf(location);
  return Number(pgAdmin(`SELECT count(*) FROM "${schema}".period_rows r JOIN "${schema}".periods p ON p.id = r.period_id WHERE p.label = '${period}'`));
}

describe('cpw on a PostgreSQL workbook', () => {
  const tmp = useTempDir();

  it('new, import and report give the same report --json as the same sheet in a file, for every period', async () => {
    const sheet = sheetFile(tmp(), 500);
    const file = join(tmp(), 'same.cpw');
    const pg = newLocation('postgres', tmp(), 'same');
    for (const at of [file, pg]) {
      expect((await run(['new', at, '--sample'])).code).toBe(0);
      const imported = await run(['import', at, sheet, '--period', '2027-Q1']);
      expect(imported.code, imported.stderr).toBe(0);
      expect((await run(['assume', at, 'dailyRate=1150', 'currency=EUR'])).code).toBe(0);
    }
    const [a, b] = [await reports(file), await reports(pg)];
    expect(Object.keys(b)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2027-Q1']);
    expect(b).toEqual(a);
    expect((b['2027-Q1'] as { accounts: unknown[] }).accounts).toHaveLength(500);
  }, 120_000);

  it("cpw copy takes a file to PostgreSQL and back with every period report identical and every table's rows carried both ways", async () => {
    const dir = tmp();
    const file = join(dir, 'plan.cpw');
    await run(['new', file, '--sample']);
    await run(['scenario', file, '--scale', 'service=-30', '--where', 'segment=Reassess', '--name', 'Cut service', '--save']);
    writeFileSync(join(dir, 'pools.csv'), csv(['pool', 'cost', 'capacityMinutes', 'bucket'], [['Support', 90_000, 200_000, 'service']]));
    writeFileSync(join(dir, 'acts.csv'), csv(['pool', 'activity', 'minutesPerUnit'], [['Support', 'Tickets', 25]]));
    const pooled = await run(['pools', file, '--period', '2026-Q3', '--pools', join(dir, 'pools.csv'), '--activities', join(dir, 'acts.csv')]);
    expect(pooled.code, pooled.stderr).toBe(0);
    const team = newLocation('postgres', dir, 'team');
    const published = await run(['copy', file, team, '--json']);
    expect(published.code, published.stderr).toBe(0);
    const copied = JSON.parse(published.stdout) as { copied: Record<string, number> };
    expect(copied.copied).toMatchObject({ periods: 4, accounts: 44, period_rows: 164, interactions: 90, scenarios: 1, cost_pools: 1, pool_activities: 1 });
    // Every table comes back as it went (meta, history, drivers and modes included).
    const mid = await run(['copy', team, join(dir, 'mid.cpw'), '--json']);
    expect((JSON.parse(mid.stdout) as { copied: unknown }).copied).toEqual(copied.copied);
    // An edit on the team workbook after the copy: new ids continue after the copied ones.
    expect((await run(['import', team, sheetFile(dir, 20, 9), '--period', 'Team'])).code).toBe(0);
    const back = join(dir, 'back.cpw');
    expect((await run(['copy', team, back])).code).toBe(0);
    const [original, there, returned] = [await reports(file), await reports(team), await reports(back)];
    expect(Object.keys(there)).toEqual([...Object.keys(original), 'Team']);
    for (const label of Object.keys(original)) {
      expect(there[label], label).toEqual(original[label]);
      expect(returned[label], label).toEqual(original[label]);
    }
    expect(returned.Team).toEqual(there.Team);
    for (const at of [file, team, back]) {
      expect(await cpwJson(['scenario', at, '--period', '2026-Q3', '--name', 'Cut service', '--json'])).toEqual(await cpwJson(['scenario', file, '--period', '2026-Q3', '--name', 'Cut service', '--json']));
      expect(await cpwJson(['allocate', at, '--period', '2026-Q3', '--json'])).toEqual(await cpwJson(['allocate', file, '--period', '2026-Q3', '--json']));
    }
    // An existing target is refused, whole, unless --replace.
    const again = await run(['copy', file, team]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists: choose another name, or give --replace/);
    expect(Object.keys(await reports(team))).toContain('Team');
    const before = sha256(back);
    const refused = await run(['copy', team, back]);
    expect(refused.stderr).toMatch(/back\.cpw already exists/);
    expect(sha256(back)).toBe(before);
    expect((await run(['copy', file, team, '--replace'])).code).toBe(0);
    expect(Object.keys(await reports(team))).toEqual(Object.keys(original));
    expect((await run(['copy', file, back, '--replace'])).code).toBe(0);
    expect(Object.keys(await reports(back))).toEqual(Object.keys(original));
  }, 180_000);

  it('a bad sheet is refused with the PostgreSQL workbook unchanged', async () => {
    const pg = newLocation('postgres', tmp(), 'bad');
    await run(['new', pg, '--sample']);
    const before = await reports(pg);
    const bad = join(tmp(), 'bad.csv');
    writeFileSync(bad, csv(['account', 'revenue', 'service'], [['Acme', 100, 5], ['Beta', -3, 1], ['Gamma', 'n/a', 2]]));
    for (const period of ['2026-Q3', 'New period']) {
      const r = await run(['import', pg, bad, '--period', period]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('2 problems, nothing imported');
      expect(r.stderr).toContain('row 3, column revenue: value "-3"');
    }
    expect(await reports(pg)).toEqual(before);
  }, 60_000);

  it('cpw killed during an import into PostgreSQL leaves all the rows or none', async () => {
    const sheet = sheetFile(tmp(), 20_000, 5);
    const pg = newLocation('postgres', tmp(), 'kill');
    await run(['new', pg]);
    // One import left to finish, for its length; then kills spread over that length, from before it connects
    // to as it commits.
    const started = Date.now();
    expect((await run(['import', pg, sheet, '--period', 'Whole'])).code).toBe(0);
    const span = Date.now() - started;
    expect(rowsIn(pg, 'Whole')).toBe(20_000);
    const outcomes: string[] = ['finished:all'];
    for (let k = 0; k < 8; k++) {
      const child = spawn(process.execPath, [BIN, 'import', pg, sheet, '--period', `P${k}`], { stdio: 'ignore' });
      const timer = setTimeout(() => child.kill('SIGKILL'), span * (0.15 + 0.2 * k));
      const ended = await new Promise<string>((done) => child.once('exit', (_code, signal) => done(signal === 'SIGKILL' ? 'killed' : 'finished')));
      clearTimeout(timer);
      // The server notices the dead client and rolls its transaction back; wait until its backend is gone.
      for (let i = 0; i < 100 && Number(pgAdmin("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'cpw'")) > 0; i++) await new Promise((r) => setTimeout(r, 50));
      const rows = rowsIn(pg, `P${k}`);
      expect([0, 20_000], `run ${k} (${ended}) left ${rows} rows`).toContain(rows);
      if (ended === 'finished') expect(rows).toBe(20_000);
      outcomes.push(`${ended}:${rows === 0 ? 'none' : 'all'}`);
    }
    console.log(`kills during an import into PostgreSQL (${span} ms long): ${outcomes.join(', ')}`);
    expect(outcomes.some((o) => o === 'killed:none')).toBe(true);
    expect((await run(['check', pg])).code).toBe(0);
  }, 120_000);

  it('a connection dropped mid-import is said, naming the server, and nothing is half-written', async () => {
    const sheet = sheetFile(tmp(), 30_000, 6);
    const pg = newLocation('postgres', tmp(), 'drop');
    await run(['new', pg]);
    const importing = run(['import', pg, sheet, '--period', 'Dropped']);
    // Wait for the import's write transaction, then end its connection from the server's side. A transaction
    // has an xid only once it has written something, so the kill never lands in the import's earlier reads.
    let killed = 0;
    for (let i = 0; i < 400 && killed === 0; i++) {
      killed = Number(pgAdmin("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'cpw' AND backend_xid IS NOT NULL"));
      if (!killed) await new Promise((r) => setTimeout(r, 10));
    }
    const r = await importing;
    expect(killed).toBe(1);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the connection to the PostgreSQL server at 127\.0\.0\.1:\d+ was lost while saving the change: nothing of it was saved/);
    expect(rowsIn(pg, 'Dropped')).toBe(0);
    expect((await cpwJson<{ periods: unknown[] }>(['check', pg, '--json'])).periods).toEqual([]);
  }, 60_000);

  it('an unreachable server, a refused password, no password, no such database: each said, naming the server and never the password', async () => {
    const url = new URL(testPg());
    const at = (user: string, password: string | null, port = url.port, db = 'cpw') => `postgresql://${user}${password === null ? '' : `:${password}`}@127.0.0.1:${port}/${db}?workbook=any`;
    const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
      [['report', at('cpw', 'Wrong-Secret-1', '1')], process.env, /can't reach the PostgreSQL server at 127\.0\.0\.1:1 \(connection refused\)/],
      [['report', at('cpw', 'Wrong-Secret-1')], process.env, new RegExp(`the PostgreSQL server at 127\\.0\\.0\\.1:${url.port} refused the password of user "cpw"`)],
      [['report', at('cpw', null)], { ...process.env, PGPASSWORD: '', PGPASSFILE: '/nonexistent' }, /asks user "cpw" for a password and none was given/],
      [['report', at('cpw', null, url.port, 'nodb')], { ...process.env, PGPASSWORD: TEST_PASSWORD }, /there is no database "nodb" on the PostgreSQL server/],
      [['new', at('cpw', 'Wrong-Secret-1')], process.env, /refused the password/],
      [['import', at('cpw', 'Wrong-Secret-1'), join(ROOT, 'tests', 'fixtures', 'sheets', 'clean.csv'), '--period', 'X'], process.env, /refused the password/],
      [['report', 'postgresql://cpw:Wrong-Secret-1@127.0.0.1/cpw'], process.env, /is not a workbook address: it names no workbook \(add \?workbook=NAME\)/],
    ];
    for (const [args, env, message] of cases) {
      const r = await run(args, env);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr + r.stdout).not.toContain('Wrong-Secret-1');
    }
    // The password may come from PGPASSWORD or ~/.pgpass instead of the address.
    const made = newLocation('postgres', tmp(), 'nopw');
    await run(['new', made, '--sample']);
    const bare = made.replace(`:${TEST_PASSWORD}@`, '@');
    expect((await run(['report', bare], { ...process.env, PGPASSWORD: TEST_PASSWORD })).code).toBe(0);
    const pgpass = join(tmp(), 'pgpass');
    writeFileSync(pgpass, `127.0.0.1:${url.port}:cpw:cpw:${TEST_PASSWORD}\n`, { mode: 0o600 });
    const withoutPassword = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'PGPASSWORD'));
    const viaFile = await run(['report', bare], { ...withoutPassword, PGPASSFILE: pgpass });
    expect(viaFile.code, viaFile.stderr).toBe(0);
    expect(viaFile.stderr).toBe('');
  }, 60_000);

  it('refuses a schema that is not a workbook, and one of a newer schema, writing nothing', async () => {
    const base = testPg();
    pgAdmin('CREATE SCHEMA IF NOT EXISTS crm AUTHORIZATION cpw; CREATE TABLE IF NOT EXISTS crm.contacts (id int); GRANT ALL ON crm.contacts TO cpw');
    for (const args of [['report', `${base}?workbook=crm`], ['import', `${base}?workbook=crm`, join(ROOT, 'tests', 'fixtures', 'sheets', 'clean.csv'), '--period', 'X'], ['new', `${base}?workbook=crm`], ['copy', join(ROOT, 'tests', 'fixtures', 'sheets', 'clean.csv'), `${base}?workbook=crm`]]) {
      const r = await run(args);
      expect(r.code).toBe(1);
      if (args[0] !== 'copy') expect(r.stderr).toMatch(/is not a workbench workbook: the schema "crm" in database "cpw" holds other tables/);
    }
    expect((await run(['copy', newLocation('file', tmp(), 'x'), `${base}?workbook=crm`, '--replace'])).code).toBe(1);
    expect(pgAdmin("SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'crm'")).toBe('contacts');
    const future = newLocation('postgres', tmp(), 'future');
    await run(['new', future, '--sample']);
    pgAdmin(`UPDATE "${schemaOf(future)}".cpw_workbook SET schema_version = 99`);
    for (const args of [['report', future], ['assume', future, 'dailyRate=1'], ['check', future]]) {
      const r = await run(args);
      expect(r.code).toBe(1);
      expect(r.stderr + r.stdout).toMatch(/was saved by a newer version of the workbench \(schema 99; this version reads up to 6\)/);
    }
    expect(pgAdmin(`SELECT value FROM "${schemaOf(future)}".assumptions WHERE key = 'dailyRate'`)).not.toBe('1');
  }, 60_000);

  it('pools --lines into PostgreSQL counts and sums the lines there, as the file does', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'accounts.csv'), csv(['account', 'revenue'], Array.from({ length: 300 }, (_, i) => [`Acct ${i}`, 1_000 + i])));
    const lines = Array.from({ length: 30_000 }, (_, i) => [i % 7 === 0 ? `ACCT ${(i * 31) % 300}` : `Acct ${(i * 31) % 300}`, (i % 5) + 0.5]);
    writeFileSync(join(dir, 'lines.csv'), csv(['customer', 'hours'], lines));
    writeFileSync(join(dir, 'pools.csv'), csv(['pool', 'cost', 'capacityMinutes', 'bucket'], [['Field', 60_000, 500_000, 'service']]));
    writeFileSync(join(dir, 'acts.csv'), csv(['pool', 'activity', 'minutesPerUnit'], [['Field', 'Visits', 12]]));
    const answers = [];
    for (const at of [join(dir, 'l.cpw'), newLocation('postgres', dir, 'lines')]) {
      await run(['new', at]);
      await run(['import', at, join(dir, 'accounts.csv'), '--period', 'P']);
      const r = await run(['pools', at, '--period', 'P', '--pools', join(dir, 'pools.csv'), '--activities', join(dir, 'acts.csv'), '--lines', join(dir, 'lines.csv'), '--activity', 'visits', '--account-column', 'customer', '--sum-column', 'hours']);
      expect(r.stdout).toContain('300 driver counts, 30,000 transaction lines counted');
      answers.push(await cpwJson<{ allocations: { account: string; amount: number }[] }>(['allocate', at, '--period', 'P', '--json']));
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0]!.allocations).toHaveLength(300);
  }, 60_000);

  it('export, precall and serve take an address as they take a file', async () => {
    const dir = tmp();
    const file = join(dir, 'e.cpw');
    const pg = newLocation('postgres', dir, 'export');
    const outputs: string[][] = [];
    for (const at of [file, pg]) {
      await run(['new', at, '--sample']);
      const csvOut = join(dir, `${outputs.length}.csv`);
      const exported = await run(['export', at, '--period', '2026-Q2', '--out', csvOut]);
      expect(exported.code, exported.stderr).toBe(0);
      const precall = await run(['precall', at, '--account', 'Northwind Logistics', '--hours', '3', '--prep', '1', '--projected', '20000', '--probability', '0.4', '--json']);
      expect(precall.code, precall.stderr).toBe(0);
      outputs.push([readFileSync(csvOut, 'utf8'), precall.stdout]);
    }
    expect(outputs[1]).toEqual(outputs[0]);
    // The team server on the workbook: the window's RPC answers from it, to a person signed in.
    const { token } = await cpwJson<{ token: string }>(['users', 'add', pg, 'Cy', '--role', 'consultant', '--json']);
    const serve = spawn(process.execPath, [BIN, 'serve', pg, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((found, fail) => {
        serve.stdout.on('data', (b: Buffer) => {
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(b.toString());
          if (m) found(m[0]);
        });
        serve.once('exit', (code) => fail(new Error(`serve exited ${code}`)));
      });
      const { origin } = new URL(url);
      const answer = await fetch(`${origin}/rpc`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ method: 'rows.edit', input: { period: '2026-Q3', patches: [{ account: 'Northwind Logistics', patch: { revenue: 123_456 } }] } }) });
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as { ok: boolean }).ok).toBe(true);
    } finally {
      serve.kill('SIGTERM');
      await new Promise((gone) => serve.once('exit', gone));
    }
    const rows = (await cpwJson<{ accounts: { account: string; revenue: number }[] }>(['report', pg, '--period', '2026-Q3', '--json'])).accounts;
    expect(rows.find((r) => r.account === 'Northwind Logistics')?.revenue).toBe(123_456);
  }, 60_000);

  it('never printed the password of an address, whatever it was asked', () => {
    expect(seen.length).toBeGreaterThan(50);
    for (const text of seen) expect(text).not.toContain(TEST_PASSWORD);
  });
});

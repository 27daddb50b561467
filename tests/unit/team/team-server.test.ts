/* eslint-disable @typescript-eslint/no-explicit-any -- the RPC's answers as any HTTP client sees them: untyped JSON, checked by the assertions */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/dispatch';
import { addPerson, revokePerson, teamRoleOf } from '../../../electron/backend/team/people';
import { startTeamServer, type TeamServer } from '../../../electron/backend/team/server';
import { parsePgLocation } from '../../../electron/backend/db/pg/location';
import { newLocation, schemaOf } from '../../engines';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readEvents } from '../../../shared/ipc/live-events';

/** An RPC call over HTTP as a person of the team, the way the window makes it. */
async function rpc(server: TeamServer, token: string | null, method: string, input: unknown = {}) {
  const res = await fetch(`${server.url}rpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token === null ? {} : { Authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ method, input }),
  });
  return { status: res.status, body: res.status === 200 ? ((await res.json()) as { ok: boolean; value?: any; error?: { code: string; message: string; details?: any } }) : await res.text() };
}

/** The server-sent events of one window, as they come. */
function events(server: TeamServer, token: string) {
  const seen: { event: string; data: any; at: number }[] = [];
  const abort = new AbortController();
  const done = (async () => {
    const res = await fetch(`${server.url}events`, { headers: { Authorization: `Bearer ${token}` }, signal: abort.signal });
    const reader = res.body!.getReader();
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      text += Buffer.from(value).toString('utf8');
      const { events, rest } = readEvents(text);
      text = rest;
      for (const e of events) seen.push({ ...e, at: Date.now() });
    }
  })().catch(() => undefined);
  return {
    seen,
    async until(test: (e: { event: string; data: any }) => boolean, ms = 3000) {
      const start = Date.now();
      while (Date.now() - start < ms) {
        const found = seen.find(test);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no such event within ${ms} ms; saw ${JSON.stringify(seen)}`);
    },
    close: () => {
      abort.abort();
      return done;
    },
  };
}

describe('the team server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cpw-team-'));
  let location: string;
  let server: TeamServer;
  const tokens: Record<string, string> = {};
  let root = '';

  beforeAll(async () => {
    root = join(dir, 'renderer');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>cpw</title>');
    location = newLocation('postgres', dir, 'team');
    const made = await createBackend().call('workbook.create', { path: location, sample: true });
    expect(made.ok).toBe(true);
    // The sample's owners: Dana Reyes and Ben Okafor among them.
    tokens.admin = (await addPerson(location, 'Ada Admin', 'admin', null)).token;
    tokens.consultant = (await addPerson(location, 'Cy Consultant', 'consultant', null)).token;
    tokens.dana = (await addPerson(location, 'Dana', 'director', 'Alice Moreau')).token;
    tokens.lee = (await addPerson(location, 'Lee', 'director', 'Ben Okafor')).token;
    tokens.viewer = (await addPerson(location, 'Vi Viewer', 'viewer', null)).token;
    tokens.gone = (await addPerson(location, 'Gone', 'consultant', null)).token;
    await revokePerson(location, 'Gone');
    server = await startTeamServer({ location, root });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function accountOf(owner: string): Promise<string> {
    const rows = await rpc(server, tokens.admin!, 'rows.list', { period: '2026-Q3' });
    return ((rows.body as any).value as { account: string; owner: string | null }[]).find((r) => r.owner === owner)!.account;
  }

  it('answers no call without a valid token: none, a wrong one, a revoked one', async () => {
    expect((await rpc(server, null, 'periods.list')).status).toBe(401);
    expect((await rpc(server, 'cpw_not-a-token', 'periods.list')).status).toBe(401);
    expect((await rpc(server, tokens.gone!, 'periods.list')).status).toBe(401);
    const ok = await rpc(server, tokens.viewer!, 'periods.list');
    expect(ok.status).toBe(200);
    expect((ok.body as any).ok).toBe(true);
    const me = await rpc(server, tokens.dana!, 'team.me');
    expect((me.body as any).value).toMatchObject({ name: 'Dana', role: 'director', owner: 'Alice Moreau' });
  });

  it('serves no method that names a path on the server, or another workbook', async () => {
    for (const [method, input] of [
      ['workbook.open', { path: '/etc/passwd' }],
      ['export.sheet', { path: '/tmp/x.csv', period: '2026-Q3' }],
      ['workbook.close', {}],
    ] as const) {
      const r = await rpc(server, tokens.admin!, method, input);
      expect((r.body as any).error.code, method).toBe('FORBIDDEN');
    }
  });

  it("a director writes his own accounts' rows and is refused another's, through the RPC, nothing written", async () => {
    const mine = await accountOf('Alice Moreau');
    const leeS = await accountOf('Ben Okafor');
    const ok = await rpc(server, tokens.dana!, 'rows.patch', { period: '2026-Q3', patches: [{ account: mine, patch: { service: 1234 } }] });
    expect((ok.body as any).ok).toBe(true);
    expect((ok.body as any).value[0]).toMatchObject({ account: mine, service: 1234, changedBy: 'Dana' });
    const refused = await rpc(server, tokens.dana!, 'rows.patch', { period: '2026-Q3', patches: [{ account: leeS, patch: { service: 1 } }] });
    expect((refused.body as any).error.code).toBe('FORBIDDEN');
    expect((refused.body as any).error.message).toContain("Ben Okafor's account");
    const del = await rpc(server, tokens.dana!, 'rows.delete', { period: '2026-Q3', accounts: [leeS] });
    expect((del.body as any).error.code).toBe('FORBIDDEN');
    const assume = await rpc(server, tokens.dana!, 'assumptions.set', { patch: { dailyRate: 1 } });
    expect((assume.body as any).error.code).toBe('FORBIDDEN');
    const viewer = await rpc(server, tokens.viewer!, 'rows.patch', { period: '2026-Q3', patches: [{ account: mine, patch: { service: 1 } }] });
    expect((viewer.body as any).error.code).toBe('FORBIDDEN');
    const after = await rpc(server, tokens.viewer!, 'rows.list', { period: '2026-Q3', accounts: [leeS, mine] });
    const rows = (after.body as any).value as { account: string; service: number }[];
    expect(rows.find((r) => r.account === mine)!.service).toBe(1234);
    expect(rows.find((r) => r.account === leeS)!.service).not.toBe(1);
  });

  it('PostgreSQL itself refuses the forbidden writes in plain SQL, on the server\'s kind of connection with the person set as the server sets it', async () => {
    const loc = parsePgLocation(location);
    const client = new pg.Client({ host: loc.host, port: loc.port, user: loc.user, password: new URL(location).password, database: loc.database });
    await client.connect();
    const schema = `"${schemaOf(location)}"`;
    const leeS = await accountOf('Ben Okafor');
    try {
      await client.query(`SET search_path TO ${schema}`);
      await client.query(`SET ROLE ${teamRoleOf(loc)}`);
      const asDana = async (sql: string, params: unknown[] = []) => {
        await client.query('BEGIN');
        try {
          await client.query("SELECT set_config('cpw.person', 'Dana', true)");
          const r = await client.query(sql, params);
          await client.query('COMMIT');
          return { rowCount: r.rowCount, error: null as string | null };
        } catch (e) {
          await client.query('ROLLBACK');
          return { rowCount: 0, error: (e as Error).message };
        }
      };
      const other = `(SELECT id FROM accounts WHERE name = $1)`;
      expect((await asDana(`UPDATE period_rows SET service = 1 WHERE account_id = ${other}`, [leeS])).error).toMatch(/row-level security/);
      expect((await asDana(`UPDATE accounts SET owner = 'Alice Moreau' WHERE name = $1`, [leeS])).error).toMatch(/row-level security/);
      expect(await asDana(`DELETE FROM period_rows WHERE account_id = ${other}`, [leeS])).toEqual({ rowCount: 0, error: null });
      expect(await asDana(`DELETE FROM accounts WHERE name = $1`, [leeS])).toEqual({ rowCount: 0, error: null });
      expect((await asDana(`INSERT INTO assumptions (key, value) VALUES ('dailyRate', '1') ON CONFLICT (key) DO UPDATE SET value = '1'`)).error).toMatch(/row-level security/);
      expect((await asDana(`INSERT INTO audit_log (at, person, account, field) VALUES ('now', 'Lee', 'x', 'y')`)).error).toMatch(/row-level security/);
      expect((await asDana('SELECT * FROM people')).error).toMatch(/permission denied/);
      expect((await asDana('ALTER TABLE period_rows DISABLE ROW LEVEL SECURITY')).error).toMatch(/must be owner/);
      // Without a person (or with one that is not signed up) nothing is even read.
      await client.query('BEGIN');
      expect((await client.query('SELECT count(*)::int AS n FROM period_rows')).rows[0].n).toBe(0);
      await client.query('ROLLBACK');
      // Lee's row is untouched, as the owner sees it.
      await client.query('RESET ROLE');
      const n = await client.query(`SELECT count(*)::int AS n FROM period_rows WHERE account_id = ${other} AND service = 1`, [leeS]);
      expect(n.rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('refuses a stale patch whole as a CONFLICT naming who changed the row and when, and writes nothing', async () => {
    const account = await accountOf('Ben Okafor');
    const read = ((await rpc(server, tokens.lee!, 'rows.list', { period: '2026-Q3', accounts: [account] })).body as any).value[0];
    const byConsultant = await rpc(server, tokens.consultant!, 'rows.patch', { period: '2026-Q3', patches: [{ account, patch: { labour: 111 }, version: read.version }] });
    expect((byConsultant.body as any).value[0].version).toBe(read.version + 1);
    const stale = await rpc(server, tokens.lee!, 'rows.patch', { period: '2026-Q3', patches: [{ account, patch: { labour: 222, presale: 5 }, version: read.version }] });
    const error = (stale.body as any).error;
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('changed by Cy Consultant at 20');
    expect(error.details.conflicts[0]).toMatchObject({ account, version: read.version + 1, changedBy: 'Cy Consultant', row: { labour: 111 } });
    const now = ((await rpc(server, tokens.lee!, 'rows.list', { period: '2026-Q3', accounts: [account] })).body as any).value[0];
    expect(now).toMatchObject({ labour: 111, presale: read.presale, version: read.version + 1 });
    // Made from the version now current, it lands.
    const fresh = await rpc(server, tokens.lee!, 'rows.patch', { period: '2026-Q3', patches: [{ account, patch: { labour: 222 }, version: now.version }] });
    expect((fresh.body as any).ok).toBe(true);
  });

  it("undo takes back only one's own change, and the audit log says who changed what", async () => {
    const account = await accountOf('Alice Moreau');
    await rpc(server, tokens.dana!, 'rows.patch', { period: '2026-Q3', patches: [{ account, patch: { calls: 77 } }] });
    const other = await accountOf('Ben Okafor');
    await rpc(server, tokens.lee!, 'rows.patch', { period: '2026-Q3', patches: [{ account: other, patch: { calls: 88 } }] });
    const undone = await rpc(server, tokens.dana!, 'history.undo');
    expect((undone.body as any).value.label).toBe(`edit ${account}`);
    const rows = ((await rpc(server, tokens.viewer!, 'rows.list', { period: '2026-Q3', accounts: [account, other] })).body as any).value as { account: string; calls: number }[];
    expect(rows.find((r) => r.account === other)!.calls).toBe(88);
    expect(rows.find((r) => r.account === account)!.calls).not.toBe(77);
    const log = ((await rpc(server, tokens.viewer!, 'audit.list', { account })).body as any).value as { person: string; field: string; before: string; after: string }[];
    expect(log.filter((e) => e.field === 'calls').map((e) => [e.person, e.after])).toEqual([
      ['Dana', '77'],
      ['Dana', log.find((e) => e.field === 'calls' && e.before === '77')!.after],
    ]);
  });

  it("tells every open window of another person's change within a second, and who is in", async () => {
    const lee = events(server, tokens.lee!);
    const dana = events(server, tokens.dana!);
    try {
      await lee.until((e) => e.event === 'presence' && e.data.people.includes('Dana') && e.data.people.includes('Lee'));
      const account = await accountOf('Alice Moreau');
      const sent = Date.now();
      await rpc(server, tokens.dana!, 'rows.patch', { period: '2026-Q3', patches: [{ account, patch: { meetings: 9 } }] });
      const heard = await lee.until((e) => e.event === 'change' && e.data.kind === 'rows' && e.data.accounts.includes(account));
      expect(heard.data).toMatchObject({ by: 'Dana', period: '2026-Q3' });
      const seenAt = lee.seen.find((e) => e === heard)!.at;
      console.log(`live update reached the other window in ${seenAt - sent} ms`);
      expect(seenAt - sent).toBeLessThan(1000);
    } finally {
      await lee.close();
      await dana.close();
    }
  });
});

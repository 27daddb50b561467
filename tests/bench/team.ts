// The team server under load: simulated directors over HTTP against a real
// PostgreSQL (the bench's own, fsync on), on its own beside `npm run bench`:
//   npm run bench:team
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addPerson } from '../../electron/backend/team/people';
import { startTeamServer, type TeamServer } from '../../electron/backend/team/server';
import { startPgServer } from '../pg-server';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'electron', 'cli', 'bin.cjs');
const cpw = (args: string[]) => execFileSync(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });

const DIRECTORS = 50;
const EDITS = 200;
const ACCOUNTS_EACH = 10;
const PERIOD = 'Q1';

type Answer = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

async function call(server: TeamServer, token: string, method: string, input: unknown): Promise<Answer> {
  const res = await fetch(`${server.url}rpc`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ method, input }) });
  if (res.status !== 200) return { ok: false, error: { code: `HTTP ${res.status}`, message: await res.text() } };
  return (await res.json()) as Answer;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

interface Accepted {
  account: string;
  service: number;
  version: number;
}

/** One person's edits: read the row's version, patch it from that version, read the portfolio, again. */
async function person(server: TeamServer, token: string, accounts: string[], edits: number, seed: number, latencies: number[], accepted: Accepted[], refused: string[], reads: number[] = []): Promise<void> {
  for (let j = 0; j < edits; j++) {
    const account = accounts[(seed + j) % accounts.length]!;
    const [row] = (await call(server, token, 'rows.list', { period: PERIOD, accounts: [account] })).value as { version: number }[];
    const service = seed * 100_000 + j + 1;
    const start = performance.now();
    const r = await call(server, token, 'rows.patch', { period: PERIOD, patches: [{ account, patch: { service }, version: row!.version }] });
    latencies.push(performance.now() - start);
    if (r.ok) accepted.push({ account, service, version: (r.value as { version: number }[])[0]!.version });
    else refused.push(r.error!.code);
    const read = performance.now();
    await call(server, token, 'rows.columns', { period: PERIOD });
    reads.push(performance.now() - read);
  }
}

/** Nothing accepted is lost: each account ends as its accepted edit of the highest version left it, at that version. */
async function lost(server: TeamServer, token: string, accepted: Accepted[]): Promise<number> {
  const rows = (await call(server, token, 'rows.list', { period: PERIOD })).value as { account: string; service: number; version: number }[];
  const last = new Map<string, Accepted>();
  for (const a of accepted) if ((last.get(a.account)?.version ?? 0) < a.version) last.set(a.account, a);
  let missing = 0;
  for (const [account, a] of last) {
    const r = rows.find((x) => x.account === account)!;
    if (r.service !== a.service || r.version !== a.version) missing++;
  }
  // Every accepted edit moved a version: as many versions past the first as edits accepted.
  const moved = rows.reduce((n, r) => n + r.version - 1, 0);
  return missing + Math.abs(moved - accepted.length);
}

export interface TeamLoad {
  alone: { p50: number; p99: number };
  own: { throughput: number; p50: number; p99: number; edits: number; lost: number; refused: number; portfolioRead: { p50: number; p99: number } };
  shared: { throughput: number; p50: number; p99: number; accepted: number; conflicts: number; otherRefusals: number; lost: number };
}

export async function benchTeam(): Promise<TeamLoad> {
  const pg = await startPgServer({ fast: false });
  const dir = mkdtempSync(join(tmpdir(), 'cpw-team-bench-'));
  try {
    const location = `${pg.url}?workbook=load`;
    const csv = ['account,owner,revenue,service'];
    for (let d = 0; d < DIRECTORS; d++) for (let k = 0; k < ACCOUNTS_EACH; k++) csv.push(`Account ${d}-${k},Owner ${d},${100_000 + k},1000`);
    writeFileSync(join(dir, 'sheet.csv'), csv.join('\n'));
    cpw(['new', location]);
    cpw(['import', location, join(dir, 'sheet.csv'), '--period', PERIOD]);
    const directors: string[] = [];
    for (let d = 0; d < DIRECTORS; d++) directors.push((await addPerson(location, `Director ${d}`, 'director', `Owner ${d}`)).token);
    const consultants: string[] = [];
    for (let d = 0; d < DIRECTORS; d++) consultants.push((await addPerson(location, `Consultant ${d}`, 'consultant', null)).token);
    const server = await startTeamServer({ location, root: join(ROOT, 'dist', 'renderer') });
    try {
      const mine = (d: number) => Array.from({ length: ACCOUNTS_EACH }, (_, k) => `Account ${d}-${k}`);
      // The anchor: one director alone, the same edits, nobody else on the server.
      const alone: number[] = [];
      const accAlone: Accepted[] = [];
      await person(server, directors[0]!, mine(0), EDITS, 0, alone, accAlone, []);

      const latOwn: number[] = [];
      const accOwn: Accepted[] = [];
      const refOwn: string[] = [];
      const readsOwn: number[] = [];
      let t = performance.now();
      await Promise.all(directors.map((token, d) => person(server, token, mine(d), EDITS, d, latOwn, accOwn, refOwn, readsOwn)));
      const ownSeconds = (performance.now() - t) / 1000;
      const lostOwn = await lost(server, consultants[0]!, [...accAlone, ...accOwn]);

      const latShared: number[] = [];
      const accShared: Accepted[] = [];
      const refShared: string[] = [];
      const five = ['Account 0-0', 'Account 1-0', 'Account 2-0', 'Account 3-0', 'Account 4-0'];
      t = performance.now();
      await Promise.all(consultants.map((token, d) => person(server, token, five, EDITS, d + DIRECTORS, latShared, accShared, refShared)));
      const sharedSeconds = (performance.now() - t) / 1000;
      const lostShared = await lost(server, consultants[0]!, [...accAlone, ...accOwn, ...accShared]);
      return {
        alone: { p50: quantile(alone, 0.5), p99: quantile(alone, 0.99) },
        own: { throughput: accOwn.length / ownSeconds, p50: quantile(latOwn, 0.5), p99: quantile(latOwn, 0.99), edits: accOwn.length, lost: lostOwn, refused: refOwn.length, portfolioRead: { p50: quantile(readsOwn, 0.5), p99: quantile(readsOwn, 0.99) } },
        shared: {
          throughput: accShared.length / sharedSeconds,
          p50: quantile(latShared, 0.5),
          p99: quantile(latShared, 0.99),
          accepted: accShared.length,
          conflicts: refShared.filter((c) => c === 'CONFLICT').length,
          otherRefusals: refShared.filter((c) => c !== 'CONFLICT').length,
          lost: lostShared,
        },
      };
    } finally {
      await server.close();
    }
  } finally {
    pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchTeam();
  console.log(JSON.stringify(r, null, 2));
}

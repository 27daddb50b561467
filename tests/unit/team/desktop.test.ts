/* eslint-disable @typescript-eslint/no-explicit-any -- the RPC's answers as the window sees them, checked by the assertions */
import type { IpcMainInvokeEvent } from 'electron';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/dispatch';
import { addPerson, revokePerson } from '../../../electron/backend/team/people';
import { startTeamServer, type TeamServer } from '../../../electron/backend/team/server';
import { teamSession, type TeamSession } from '../../../electron/main/team-session';
import { teamTokens, type TokenCipher } from '../../../electron/main/team-tokens';
import type { DesktopLiveEvent } from '../../../shared/ipc/live-events';
import { newLocation } from '../../engines';

// The desktop app's side of a team workbook (issue 20, item 6): main's door to the window's workbook, against a
// real team server on the real PostgreSQL the test setup starts, with the real backend for the person's own files.
// The stand-ins are Electron's: ipcMain (for the channel's sender check) and safeStorage, whose cipher is the
// system keychain's and cannot run here.
const fake = vi.hoisted(() => ({ ipcMain: { handle: () => undefined, removeHandler: () => undefined } }));
vi.mock('electron', () => ({ ipcMain: fake.ipcMain }));
const { teamHandler, REFUSED } = await import('../../../electron/main/ipc');

/** A keychain stand-in: what it seals cannot be read back without it. */
const keychain = (backend = 'gnome_libsecret'): TokenCipher & { sealed: number } => {
  const cipher = {
    sealed: 0,
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (text: string) => {
      cipher.sealed++;
      return Buffer.from(`sealed:${Buffer.from(text).toString('hex').split('').reverse().join('')}`);
    },
    decryptString: (b: Buffer) => {
      const s = b.toString();
      if (!s.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(s.slice(7).split('').reverse().join(''), 'hex').toString();
    },
  };
  return cipher;
};

const from = (url: string): IpcMainInvokeEvent => ({ senderFrame: { url } }) as unknown as IpcMainInvokeEvent;

async function until<T>(what: string, test: () => T | undefined | false, ms = 5000): Promise<T> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    const v = test();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${what}: not within ${ms} ms`);
}

describe('the desktop app on a team workbook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cpw-desktop-team-'));
  const tokens: Record<string, string> = {};
  let location: string;
  let server: TeamServer;
  let workbook: string;

  beforeAll(async () => {
    const root = join(dir, 'renderer');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>cpw</title>');
    location = newLocation('postgres', dir, 'desk');
    workbook = new URL(location).searchParams.get('workbook')!;
    expect((await createBackend().call('workbook.create', { path: location, sample: true })).ok).toBe(true);
    tokens.dana = (await addPerson(location, 'Dana', 'director', 'Alice Moreau')).token;
    tokens.cy = (await addPerson(location, 'Cy', 'consultant', null)).token;
    tokens.gone = (await addPerson(location, 'Gone', 'viewer', null)).token;
    await revokePerson(location, 'Gone');
    server = await startTeamServer({ location, root });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One desktop app: its profile folder, its backend, its token file, and what main sent its window. */
  function desktop(name: string, cipher: TokenCipher = keychain()) {
    const profileDir = join(dir, name);
    mkdirSync(profileDir, { recursive: true });
    const backend: Backend = createBackend({ profileDir });
    const sent: DesktopLiveEvent[] = [];
    let changed = 0;
    const tokenFile = join(profileDir, 'team-tokens.json');
    const session: TeamSession = teamSession({ backend, tokens: teamTokens(tokenFile, cipher), send: (e) => sent.push(e), changed: () => changed++ });
    return { backend, session, sent, tokenFile, changes: () => changed, profileDir };
  }

  it('connects with the address and token, keeps the token sealed, lists the workbook in the recent list, and sends the calls to the server', async () => {
    const app = desktop('dana');
    const local = join(app.profileDir, 'mine.cpw');
    // As File > New does it: main names the path, not the window.
    expect((await app.session.call('workbook.create', { path: local, sample: true }, 'local')).ok).toBe(true);

    const joined = await app.session.connect({ address: server.url, token: tokens.dana });
    expect(joined).toMatchObject({ ok: true, value: { name: 'Dana', role: 'director', owner: 'Alice Moreau', workbook, tokenKept: true } });
    expect(app.changes()).toBe(1);
    // The file is closed (its lock free for the command line); the window's calls now reach the team workbook.
    expect((await app.backend.call('workbook.info', {}, 'local')).ok).toBe(false);
    const rows = (await app.session.call('rows.list', { period: '2026-Q3' })) as any;
    expect(rows.ok).toBe(true);
    expect(rows.value.every((r: { version: number }) => Number.isInteger(r.version))).toBe(true);
    // The token is in the file only as the keychain sealed it.
    const file = readFileSync(app.tokenFile, 'utf8');
    expect(file).not.toContain(tokens.dana);
    expect(Object.keys(JSON.parse(file))).toEqual([server.url.replace(/\/$/, '')]);
    // The recent list names it, and the person's settings stay their own (profile.* is answered locally).
    const profile = (await app.session.call('profile.get', {})) as any;
    expect(profile.value.recent[0]).toMatchObject({ name: `${workbook} (team, on 127.0.0.1:${server.port})`, exists: true });
    expect(profile.value.recent[1].path).toBe(local);
    // The window subscribing late hears again who is signed in.
    await until('the stream open', () => app.sent.some((e) => e.event === 'hello'));
    app.sent.length = 0;
    app.session.replay();
    expect(app.sent.map((e) => e.event)).toEqual(['hello', 'presence']);
    expect(app.sent[0]).toMatchObject({ data: { name: 'Dana', role: 'director' } });

    // Opening a file of one's own leaves the team workbook.
    expect((await app.session.call('workbook.open', { path: local }, 'local')).ok).toBe(true);
    expect(app.session.current()).toBeNull();
    expect(app.changes()).toBe(2);
    expect(((await app.session.call('workbook.info', {})) as any).value.path).toBe(local);

    // Open Recent on the team entry joins again with the kept token, nothing typed.
    const back = await app.session.call('workbook.openRecent', { index: 1, name: profile.value.recent[0].name, readOnly: false });
    expect(back).toMatchObject({ ok: true, value: { name: 'Dana' } });
    expect(app.session.current()?.me.name).toBe('Dana');
    app.session.close();
    await app.backend.close();
  });

  it("hears another person's change within a second, and says at once when the server is gone", async () => {
    const app = desktop('dana-live');
    expect((await app.session.connect({ address: `${server.url}?token=${tokens.dana}`, token: '' })).ok).toBe(true);
    await until('presence', () => app.sent.some((e) => e.event === 'presence'));
    const cy = desktop('cy');
    expect((await cy.session.connect({ address: server.url, token: tokens.cy })).ok).toBe(true);
    await until('both in', () => app.sent.some((e) => e.event === 'presence' && e.data.people.includes('Cy')));
    const listed = (await cy.session.call('rows.list', { period: '2026-Q3' })) as any;
    const row = listed.value.find((r: { owner: string }) => r.owner === 'Alice Moreau');
    const t = Date.now();
    const patched = await cy.session.call('rows.patch', { period: '2026-Q3', patches: [{ account: row.account, version: row.version, patch: { service: 4321 } }] });
    expect(patched.ok).toBe(true);
    const change = await until('the change', () => app.sent.find((e) => e.event === 'change' && e.data.kind === 'rows' && e.data.accounts.includes(row.account)));
    expect(Date.now() - t).toBeLessThan(1000);
    expect(change).toMatchObject({ data: { by: 'Cy', period: '2026-Q3' } });
    cy.session.close();
    app.session.close();
    await cy.backend.close();

    // A server of its own, stopped under the window: the stream's loss is said at once, and a call is refused in words.
    const root = join(dir, 'renderer');
    const doomed = await startTeamServer({ location, root });
    app.sent.length = 0;
    expect((await app.session.connect({ address: doomed.url, token: tokens.dana })).ok).toBe(true);
    await until('the stream open', () => app.sent.some((e) => e.event === 'hello'));
    const stopped = Date.now();
    await doomed.close();
    await until('lost', () => app.sent.some((e) => e.event === 'lost'));
    console.log(`the desktop window heard the server was gone after ${Date.now() - stopped} ms`);
    expect(Date.now() - stopped).toBeLessThan(1000);
    const refused = await app.session.call('rows.patch', { period: '2026-Q3', patches: [{ account: row.account, version: row.version + 1, patch: { service: 1 } }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNREACHABLE', message: expect.stringContaining('nothing you type is saved until it answers again') } });
    app.session.replay();
    expect(app.sent.at(-1)).toEqual({ event: 'lost' });
    app.session.close();
    await app.backend.close();
  });

  it('refuses a wrong or revoked token and a page that is not the workbench, keeping nothing', async () => {
    const app = desktop('strangers');
    for (const token of ['cpw_wrong', tokens.gone!]) {
      const r = await app.session.connect({ address: server.url, token });
      expect(r).toMatchObject({ ok: false, error: { code: 'DENIED' } });
      expect((r as any).error.message).toContain(`the team server at ${server.url.replace(/\/$/, '')} did not accept your sign-in token`);
    }
    expect(app.session.current()).toBeNull();
    expect(() => readFileSync(app.tokenFile)).toThrow();
    for (const [request, said] of [
      [{ address: 'file:///etc/passwd', token: 'x' }, /starts with https:\/\//],
      [{ address: 'not an address', token: 'x' }, /is not a team server's address/],
      [{ address: `http://user:pw@127.0.0.1:${server.port}`, token: 'x' }, /not a name and password/],
      [{ address: server.url, token: '' }, /paste the sign-in token/],
      [{ address: server.url, token: 42 }, /token is text/],
      [null, /type the team server's address/],
    ] as const) {
      expect(await app.session.connect(request)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(said) } });
    }
    // Nothing listening there: said in words, naming the address.
    const nowhere = await app.session.connect({ address: 'http://127.0.0.1:9', token: 'cpw_x' });
    expect(nowhere).toMatchObject({ ok: false, error: { code: 'UNREACHABLE', message: expect.stringContaining('the team server at http://127.0.0.1:9 cannot be reached') } });
    // The IPC channel answers the workbench window only.
    const handler = teamHandler(app.session);
    expect(await handler(from('https://evil.example/'), { address: server.url, token: tokens.dana })).toEqual(REFUSED);
    expect(app.session.current()).toBeNull();
    expect(await handler(from('app://workbench/index.html'), { address: server.url, token: tokens.dana })).toMatchObject({ ok: true });
    app.session.close();
    await app.backend.close();
  });

  it('without a safe keychain keeps the token for this run only, and a kept token the server no longer takes is forgotten', async () => {
    const plain = keychain('basic_text');
    const app = desktop('no-keyring', plain);
    const r = await app.session.connect({ address: server.url, token: tokens.cy });
    expect(r).toMatchObject({ ok: true, value: { tokenKept: false } });
    expect(plain.sealed).toBe(0);
    expect(() => readFileSync(app.tokenFile)).toThrow();
    app.session.close();
    await app.backend.close();

    // A token kept, then revoked by the admin: the next start is refused, and the token is gone from the file.
    const sam = (await addPerson(location, 'Sam', 'viewer', null)).token;
    const first = desktop('sam');
    expect((await first.session.connect({ address: server.url, token: sam })).ok).toBe(true);
    first.session.close();
    await first.backend.close();
    const again = desktop('sam');
    expect(await again.session.resume()).toMatchObject({ ok: true, value: { name: 'Sam' } });
    again.session.close();
    await revokePerson(location, 'Sam');
    expect(await again.session.resume()).toMatchObject({ ok: false, error: { code: 'DENIED' } });
    expect(JSON.parse(readFileSync(again.tokenFile, 'utf8'))).toEqual({});
    expect(await again.session.resume()).toMatchObject({ ok: false, error: { message: expect.stringContaining('File > Connect to Team Workbook') } });
    await again.backend.close();
  });
});

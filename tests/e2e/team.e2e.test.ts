import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpw, cpwJson } from '../helpers';
import { newLocation, schemaOf, testPg } from '../engines';
import { launchChromium, spawnServe } from './browser';
import { SheetPage } from './pages/sheet-page';

/** `cpw serve POSTGRES-ADDRESS --port P`, the real binary: the team server as an admin starts it. */
const serveTeam = (location: string, port = 0) => spawnServe(['serve', location, '--port', String(port)], /^http:\/\/127\.0\.0\.1:\d+\/$/);

describe('two directors in two windows of one team workbook', () => {
  let location: string;
  let server: Awaited<ReturnType<typeof serveTeam>>;
  let browser: Browser;
  let alice: Page;
  let ben: Page;
  let aliceSheet: SheetPage;
  let benSheet: SheetPage;
  let aliceAccount: string;

  beforeAll(async () => {
    location = newLocation('postgres', '', 'e2e_team');
    const made = await cpw(['new', location, '--sample']);
    expect(made.code, made.stderr).toBe(0);
    const a = await cpwJson<{ token: string }>(['users', 'add', location, 'Alice', '--role', 'director', '--owner', 'Alice Moreau', '--json']);
    const b = await cpwJson<{ token: string }>(['users', 'add', location, 'Ben', '--role', 'director', '--owner', 'Ben Okafor', '--json']);
    const report = await cpwJson<{ accounts: { account: string; owner: string | null }[] }>(['report', location, '--period', '2026-Q3', '--json']);
    aliceAccount = report.accounts.find((r) => r.owner === 'Alice Moreau')!.account;
    server = await serveTeam(location);
    browser = await launchChromium();
    alice = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    ben = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    for (const p of [alice, ben]) p.setDefaultTimeout(10_000);
    aliceSheet = new SheetPage(alice);
    benSheet = new SheetPage(ben);
    await aliceSheet.open(`${server.url}?token=${a.token}`);
    await benSheet.open(`${server.url}?token=${b.token}`);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows who else is in, and one director's edit reaches the other's window in place, totals with it", async () => {
    await expect.poll(() => alice.getByRole('status', { name: 'People in this workbook' }).textContent()).toContain('also here: Ben');
    await expect.poll(() => ben.getByRole('status', { name: 'People in this workbook' }).textContent()).toContain('also here: Alice');
    const totalBefore = await benSheet.totalsText('service');
    const sent = Date.now();
    await aliceSheet.type(aliceAccount, 'service', '98765');
    await expect.poll(() => benSheet.text(aliceAccount, 'service'), { timeout: 3000, interval: 25 }).toBe('$98,765');
    console.log(`Alice's edit showed in Ben's window after ${Date.now() - sent} ms`);
    expect(await benSheet.totalsText('service')).not.toBe(totalBefore);
    await aliceSheet.screenshot('team-alice-edits');
    await benSheet.screenshot('team-ben-sees-it');
  });

  it("refuses Ben's typing into Alice's account, in words", async () => {
    await benSheet.type(aliceAccount, 'labour', '1');
    await expect.poll(() => ben.getByRole('alert').first().textContent()).toContain("Alice Moreau's account");
    // The window reads the row again after the refusal: the stored value comes back.
    await expect.poll(() => benSheet.text(aliceAccount, 'labour')).not.toBe('$1');
  });

  it('on a conflict shows the other value beside the user\'s, and keeps the one chosen', async () => {
    // A change that reached the database without this window hearing of it: another server, a script.
    const client = new pg.Client({ connectionString: testPg() });
    await client.connect();
    await client.query(`UPDATE "${schemaOf(location)}".period_rows SET presale = 4321, version = version + 1, changed_by = 'Cy Consultant', changed_at = '2026-12-02T10:42:00Z'
      WHERE account_id = (SELECT id FROM "${schemaOf(location)}".accounts WHERE name = $1) AND period_id = (SELECT id FROM "${schemaOf(location)}".periods WHERE label = '2026-Q3')`, [aliceAccount]);
    await client.end();
    await aliceSheet.type(aliceAccount, 'presale', '1111');
    const dialog = alice.getByRole('dialog', { name: 'Someone else changed this row' });
    await dialog.waitFor();
    expect(await dialog.locator('td.theirs').textContent()).toBe('$4,321');
    expect(await dialog.locator('td.mine').textContent()).toBe('$1,111');
    await aliceSheet.screenshot('team-conflict');
    await dialog.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => aliceSheet.text(aliceAccount, 'presale')).toBe('$1,111');
    await expect.poll(() => benSheet.text(aliceAccount, 'presale')).toBe('$1,111');
  });

  it('says at once when the server is gone, takes no typing, and comes back after a restart', async () => {
    const port = Number(new URL(server.url).port);
    await server.stop();
    await alice.locator('.offline-banner').waitFor({ timeout: 5000 });
    await aliceSheet.screenshot('team-offline');
    const before = await aliceSheet.text(aliceAccount, 'calls');
    await (await aliceSheet.cell(aliceAccount, 'calls')).click();
    await alice.keyboard.press('F2');
    expect(await alice.locator('.ag-cell-inline-editing').count()).toBe(0);
    server = await serveTeam(location, port);
    await alice.locator('.offline-banner').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await aliceSheet.text(aliceAccount, 'calls')).toBe(before);
    await aliceSheet.type(aliceAccount, 'calls', '42');
    await expect.poll(() => benSheet.text(aliceAccount, 'calls'), { timeout: 5000 }).toBe('42');
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpw, cpwJson } from '../helpers';
import { newLocation } from '../engines';
import { launchChromium, spawnServe } from './browser';
import { SheetPage } from './pages/sheet-page';

/**
 * The preload's bridge, stood in for in the page (Electron cannot start here): it does over HTTP what main's
 * team link does (tests/unit/team/desktop.test.ts holds main to it), so the renderer runs its desktop branch:
 * IPC-shaped calls, events through onLive, commands from the menu, Connect to Team Workbook.
 */
function desktopBridge(): void {
  type Listener = (x: unknown) => void;
  const commands: Listener[] = [];
  const live: Listener[] = [];
  const token = () => sessionStorage.getItem('desk-token') ?? '';
  const post = async (method: string, input: unknown, as = token()) => {
    try {
      const res = await fetch('./rpc', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${as}` }, body: JSON.stringify({ method, input }) });
      if (res.status === 401) return { ok: false, error: { code: 'DENIED', message: `the team server at ${location.origin} did not accept your sign-in token (mistyped, or revoked by an admin)` } };
      return (await res.json()) as unknown;
    } catch {
      return { ok: false, error: { code: 'UNREACHABLE', message: `the team server at ${location.origin} cannot be reached` } };
    }
  };
  const test = { command: (c: string) => commands.forEach((l) => l(c)), live: (e: unknown) => live.forEach((l) => l(e)) };
  (window as unknown as { desktopTest: typeof test }).desktopTest = test;
  (window as unknown as { cpw: unknown }).cpw = {
    rpc: (method: string, input: unknown) => post(method, input),
    saveReport: () => Promise.resolve({ saved: false, cancelled: true }),
    fileDialog: () => Promise.resolve(),
    onCommand(l: Listener) {
      commands.push(l);
      return () => commands.splice(commands.indexOf(l), 1);
    },
    async connectTeam(request: { address: string; token: string }) {
      // Kept over the reload that follows a connect, as main would keep it.
      sessionStorage.setItem('desk-connects', JSON.stringify([...(JSON.parse(sessionStorage.getItem('desk-connects') ?? '[]') as unknown[]), request]));
      const me = (await post('team.me', {}, request.token)) as { ok: boolean; value: Record<string, unknown> };
      if (!me.ok) return me;
      sessionStorage.setItem('desk-token', request.token);
      setTimeout(() => test.command('workbook-changed'), 0);
      return { ok: true, value: { ...me.value, address: request.address, tokenKept: true } };
    },
    onLive(l: Listener) {
      live.push(l);
      const abort = new AbortController();
      void (async () => {
        const res = await fetch('./events', { headers: { Authorization: `Bearer ${token()}` }, signal: abort.signal });
        const reader = res.body!.getReader();
        let text = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          text += new TextDecoder().decode(value);
          let cut: number;
          while ((cut = text.indexOf('\n\n')) >= 0) {
            const block = text.slice(0, cut);
            text = text.slice(cut + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) l({ event, data: JSON.parse(data) });
          }
        }
      })().catch(() => undefined);
      return () => {
        abort.abort();
        live.splice(live.indexOf(l), 1);
      };
    },
  };
}

describe('the desktop window on a team workbook', () => {
  let location: string;
  let server: Awaited<ReturnType<typeof spawnServe>>;
  let browser: Browser;
  let page: Page;
  let sheet: SheetPage;
  const tokens: Record<string, string> = {};
  let bensAccount = '';

  beforeAll(async () => {
    location = newLocation('postgres', '', 'e2e_desk');
    expect((await cpw(['new', location, '--sample'])).code).toBe(0);
    tokens.dana = (await cpwJson<{ token: string }>(['users', 'add', location, 'Dana', '--role', 'director', '--owner', 'Alice Moreau', '--json'])).token;
    tokens.ben = (await cpwJson<{ token: string }>(['users', 'add', location, 'Ben', '--role', 'director', '--owner', 'Ben Okafor', '--json'])).token;
    const report = await cpwJson<{ accounts: { account: string; owner: string | null }[] }>(['report', location, '--period', '2026-Q3', '--json']);
    bensAccount = report.accounts.find((r) => r.owner === 'Ben Okafor')!.account;
    server = await spawnServe(['serve', location, '--port', '0'], /^http:\/\/127\.0\.0\.1:\d+\/$/);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(desktopBridge);
    await context.addInitScript((token) => {
      if (!sessionStorage.getItem('desk-token')) sessionStorage.setItem('desk-token', token);
    }, tokens.dana);
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    sheet = new SheetPage(page);
    await sheet.open(server.url);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('names the workbook and who you are in the title, and the badge says so', async () => {
    await expect.poll(() => page.title()).toMatch(/^e2e_desk_[0-9a-f]+.* — Dana \(director\) — Customer Profitability Workbench$/);
    await expect.poll(() => page.getByRole('status', { name: 'People in this workbook' }).textContent()).toContain('Dana');
  });

  it('File > Connect to Team Workbook… asks for the address and token, says a refused token in words, and joins with a good one', async () => {
    await page.evaluate(() => (window as unknown as { desktopTest: { command(c: string): void } }).desktopTest.command('connect-team'));
    const dialog = page.getByRole('dialog', { name: 'Connect to Team Workbook' });
    await dialog.waitFor();
    // The address has the focus: the keyboard alone connects.
    await page.keyboard.type(server.url);
    await page.keyboard.press('Tab');
    await page.keyboard.type('cpw_mistyped');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('did not accept your sign-in token');
    await sheet.screenshot('desktop-connect-refused');
    await dialog.getByLabel('Sign-in token').fill(tokens.ben!);
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => page.title(), { timeout: 10_000 }).toContain('— Ben (director) —');
    expect(await page.evaluate(() => JSON.parse(sessionStorage.getItem('desk-connects')!) as unknown)).toEqual([
      { address: server.url, token: 'cpw_mistyped' },
      { address: server.url, token: tokens.ben },
    ]);
  });

  it("when main says the server is lost: the banner at once, and the sheet takes no typing", async () => {
    await page.getByRole('status', { name: 'People in this workbook' }).waitFor();
    // Ben's own account takes his typing while the server answers...
    await sheet.type(bensAccount, 'service', '777');
    await expect.poll(() => sheet.text(bensAccount, 'service')).toBe('$777');
    const account = bensAccount;
    await page.evaluate(() => (window as unknown as { desktopTest: { live(e: unknown): void } }).desktopTest.live({ event: 'lost' }));
    await page.locator('.offline-banner').waitFor({ timeout: 2000 });
    expect(await page.getByRole('status', { name: 'People in this workbook' }).textContent()).toContain('offline');
    await (await sheet.cell(account, 'service')).click();
    await page.keyboard.press('F2');
    expect(await page.locator('.ag-cell-inline-editing').count()).toBe(0);
    await sheet.screenshot('desktop-team-offline');
  });
});

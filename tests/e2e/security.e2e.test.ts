import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';
import { openSession, type Session } from './browser';
import { SheetPage } from './pages/sheet-page';

// Names a client's file might carry to run code in the window: each must be shown as the text it is.
const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '<svg onload="window.__pwned=3">',
  'javascript:window.__pwned=4',
  '"><iframe src="javascript:window.__pwned=5">',
];

describe('the window under its Content-Security-Policy', () => {
  let session: Session;
  let page: Page;
  let sheet: SheetPage;
  const violations: string[] = [];

  beforeAll(async () => {
    session = await openSession({
      sample: false,
      prepare: (dir) => {
        const file = join(dir, 'hostile.csv');
        writeFileSync(file, Papa.unparse({ fields: ['account', 'owner', 'revenue'], data: HOSTILE.map((n, k) => [n, n, 1000 * (k + 1)]) }));
        execFileSync(process.execPath, [join(ROOT, 'electron', 'cli', 'bin.cjs'), 'import', join(dir, 'w.cpw'), file, '--period', 'Q1'], { cwd: ROOT });
      },
    });
    page = session.page;
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    sheet = new SheetPage(page);
    await sheet.open(session.server.url);
  });

  afterAll(() => session?.close());

  it('shows markup in account names and owners as text: nothing runs, no element is made from it', async () => {
    for (const name of HOSTILE) {
      const cell = page.locator('.ag-row:not(.ag-row-pinned) .ag-cell[col-id="account"]', { hasText: name }).first();
      expect(await cell.textContent()).toBe(name);
    }
    expect(await page.locator('.ag-root img, .ag-root svg[onload], .ag-root iframe, .ag-root script').count()).toBe(0);
    // The Customer Picture and the dashboard show the names too.
    await page.goto(`${new URL(session.server.url).origin}/?${new URL(session.server.url).searchParams}#/account/${encodeURIComponent(HOSTILE[0]!)}`);
    await page.getByRole('heading', { name: HOSTILE[0]! }).waitFor();
    await page.goto(`${new URL(session.server.url).origin}/?${new URL(session.server.url).searchParams}#/dashboard`);
    await page.locator('canvas').first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await sheet.open(session.server.url);
    await sheet.screenshot('security-hostile-names');
  });

  it('refuses an inline script put into the page, and reports the violation', async () => {
    const blocked = await page.evaluate(
      () =>
        new Promise<{ ran: boolean; directive: string }>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve({ ran: (window as unknown as { __inline?: number }).__inline === 1, directive: e.effectiveDirective }), { once: true });
          const s = document.createElement('script');
          s.textContent = 'window.__inline = 1';
          document.head.appendChild(s);
        }),
    );
    expect(blocked).toEqual({ ran: false, directive: 'script-src-elem' });
    expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined();
    expect(violations.some((v) => /script-src/.test(v))).toBe(true);
  });

  // (eval cannot be tried from here: DevTools' own evaluation is exempt from the page's policy. The header's
  // lack of 'unsafe-eval' is checked in tests/unit/electron/security.test.ts and http-host.test.ts.)
  it('refuses a script from another origin', async () => {
    const remote = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.blockedURI), { once: true });
          const s = document.createElement('script');
          s.src = 'https://evil.example/x.js';
          document.head.appendChild(s);
        }),
    );
    expect(remote).toBe('https://evil.example/x.js');
    expect(await page.evaluate(() => document.querySelector('script[src^="https://evil"]') !== null)).toBe(true); // put in, never run
  });
});

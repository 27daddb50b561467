import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../shared/format';
import type { Report } from '../../shared/schemas/report';
import { cpwJson } from '../helpers';
import { openSession, type Session } from './browser';
import { SheetPage } from './pages/sheet-page';

// Issue 24, items 1 and 3: Ctrl+D, Ctrl+R and the fill handle; +20, -15%, *1.1 typed into number cells.
// Every change is checked against the workbook file itself (cpw report --json), not only the screen.

type Account = Report['accounts'][number];

// Machines shared with other test runs are slow at times: each step has room.
describe('filling the sheet and relative entry, on the sample workbook', { timeout: 90_000 }, () => {
  let session: Session;
  let page: Page;
  let sheet: SheetPage;

  const stored = async (): Promise<Map<string, Account>> => {
    const report = await cpwJson<Report>(['report', session.book, '--json']);
    return new Map(report.accounts.map((a) => [a.account, a]));
  };
  const notice = (text: string) => page.locator('.notice', { hasText: text });
  const inBlock = () => page.locator('.ag-row:not(.ag-row-pinned) .ag-cell.in-block').count();
  /**
   * Select a block: focus its first cell, then Shift+arrows; again if the
   * grid redrew its rows meanwhile (a save landing) and the block went.
   */
  const select = async (account: string, col: string, down: number, right: number) => {
    for (let attempt = 1; ; attempt++) {
      await sheet.focus(account, col);
      for (let k = 0; k < down; k++) await page.keyboard.press('Shift+ArrowDown');
      for (let k = 0; k < right; k++) await page.keyboard.press('Shift+ArrowRight');
      if (down + right === 0) return;
      const cells = (down + 1) * (right + 1);
      // The grid paints the block in an animation frame, late on a busy machine.
      const painted = await expect.poll(inBlock, { timeout: 5000 }).toBe(cells).then(() => true, () => false);
      if (painted) return;
      if (attempt === 3) throw new Error(`the block from ${account}, ${col} was not selected`);
    }
  };
  /** Type into the focused cell as a person does: the first key opens the editor, Enter saves. */
  const typeHere = async (text: string) => {
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };

  beforeAll(async () => {
    session = await openSession({ sample: true });
    page = session.page;
    sheet = new SheetPage(page);
    await sheet.open(session.server.url);
    page.setDefaultTimeout(40_000);
    await sheet.status('accounts').filter({ hasText: '42 accounts' }).waitFor();
    await sheet.saved();
  });

  afterAll(() => session?.close());

  it('Ctrl+D fills a block down from its top row, as one change that Ctrl+Z takes back', async () => {
    const before = await stored();
    const nw = before.get('Northwind Logistics')!;
    await select('Northwind Logistics', 'presale', 2, 1);
    await page.keyboard.press('Control+d');
    await notice('Filled 4 cells of Presale and Production down').waitFor();
    await expect.poll(() => sheet.text('Fabrikam Foods', 'production')).toBe(formatMoney(nw.production, 'USD'));
    await sheet.saved();
    const after = await stored();
    for (const name of ['Contoso Retail', 'Fabrikam Foods']) {
      expect(after.get(name)!.presale).toBe(nw.presale);
      expect(after.get(name)!.production).toBe(nw.production);
      expect(after.get(name)!.distribution).toBe(before.get(name)!.distribution);
    }
    expect(after.get('Northwind Logistics')).toEqual(nw);
    // One step back: every filled cell as it was, in the file too.
    await page.keyboard.press('Control+z');
    await expect.poll(() => sheet.text('Fabrikam Foods', 'production')).toBe(formatMoney(before.get('Fabrikam Foods')!.production, 'USD'));
    await sheet.saved();
    const undone = await stored();
    for (const name of ['Contoso Retail', 'Fabrikam Foods']) {
      expect(undone.get(name)!.presale).toBe(before.get(name)!.presale);
      expect(undone.get(name)!.production).toBe(before.get(name)!.production);
    }
  });

  it('Ctrl+R fills a block right from its left column', async () => {
    const tailspin = (await stored()).get('Tailspin Air')!;
    await select('Tailspin Air', 'distribution', 0, 2);
    await page.keyboard.press('Control+r');
    await notice('Filled 2 cells of Post-sale service and Labour right').waitFor();
    await sheet.saved();
    const after = (await stored()).get('Tailspin Air')!;
    expect(after.service).toBe(tailspin.distribution);
    expect(after.labour).toBe(tailspin.distribution);
    expect(after.production).toBe(tailspin.production);
    // The page was not reloaded (Ctrl+R is the browser's reload): the sheet still shows the fill.
    expect(await sheet.text('Tailspin Air', 'labour')).toBe(formatMoney(tailspin.distribution, 'USD'));
  });

  it('dragging the fill handle continues a series', async () => {
    const before = await stored();
    const step = before.get('Adatum Health')!.calls - before.get('Litware Systems')!.calls;
    // The last fill's notice goes first, so the picture shows the drag alone.
    await page.locator('.notice button').click({ timeout: 1000 }).catch(() => undefined);
    await select('Litware Systems', 'calls', 1, 0);
    const handle = page.getByTestId('fill-handle');
    await handle.waitFor();
    const from = (await handle.boundingBox())!;
    const corner = (await (await sheet.cell('Adatum Health', 'calls')).boundingBox())!;
    // The handle sits on the selection's bottom-right corner.
    expect(Math.abs(from.x + from.width / 2 - (corner.x + corner.width))).toBeLessThanOrEqual(3);
    expect(Math.abs(from.y + from.height / 2 - (corner.y + corner.height))).toBeLessThanOrEqual(3);
    const target = (await (await sheet.cell('Proseware Labs', 'calls')).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 8 });
    await page.locator('.fill-preview').waitFor();
    await sheet.screenshot('sheet-fill-handle');
    await page.mouse.up();
    await notice('Filled 2 cells of Calls').waitFor();
    await sheet.saved();
    const after = await stored();
    const adatum = before.get('Adatum Health')!.calls;
    expect(after.get('Woodgrove Bank')!.calls).toBe(adatum + step);
    expect(after.get('Proseware Labs')!.calls).toBe(adatum + 2 * step);
    expect(await sheet.text('Proseware Labs', 'calls')).toBe(String(adatum + 2 * step));
    // The source and the filled cells stay selected, the handle at their corner.
    await expect.poll(async () => (await sheet.cell('Proseware Labs', 'calls')).getAttribute('class')).toContain('in-block');
    await expect.poll(async () => (await handle.boundingBox())?.y ?? 0).toBeGreaterThan(from.y);
  });

  it('refuses a fill that would put a bad value anywhere, naming the cell, and saves nothing', async () => {
    const before = await stored();
    const contoso = before.get('Contoso Retail')!.presale;
    const fabrikam = before.get('Fabrikam Foods')!.presale;
    expect(fabrikam).toBeLessThan(contoso); // the series falls, and below 0 at Tailspin Air
    await select('Contoso Retail', 'presale', 1, 0);
    const from = (await page.getByTestId('fill-handle').boundingBox())!;
    const target = (await (await sheet.cell('Tailspin Air', 'presale')).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 6 });
    await page.mouse.up();
    await sheet.error().waitFor();
    const message = (await sheet.error().textContent()) ?? '';
    expect(message).toContain('Nothing was filled');
    expect(message).toMatch(/row \d+ \(Tailspin Air\), column Presale would get -\d+: it must be 0 or more/);
    expect((await stored()).get('Tailspin Air')!.presale).toBe(before.get('Tailspin Air')!.presale);
    await page.keyboard.press('Escape');
    // Nor is the name column ever filled: a fill over it is refused, naming it.
    await select('Northwind Logistics', 'account', 1, 0);
    await page.keyboard.press('Control+d');
    await sheet.error().waitFor();
    expect(await sheet.error().textContent()).toContain('column Account is not filled');
    expect((await stored()).has('Contoso Retail')).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('+20, -15% and *1.1 typed into a number cell apply to its value', async () => {
    const wingtip = (await stored()).get('Wingtip Toys')!.revenue;
    await sheet.focus('Wingtip Toys', 'revenue');
    await typeHere('+20');
    await notice('Added 20 to Revenue of Wingtip Toys').waitFor();
    await expect.poll(() => sheet.text('Wingtip Toys', 'revenue')).toBe(formatMoney(wingtip + 20, 'USD'));
    await sheet.saved();
    expect((await stored()).get('Wingtip Toys')!.revenue).toBe(wingtip + 20);
    await sheet.focus('Wingtip Toys', 'revenue');
    await typeHere('-15%');
    await notice('Lowered Revenue of Wingtip Toys by 15%').waitFor();
    await sheet.saved();
    const lowered = Math.round((wingtip + 20) * 0.85 * 100) / 100;
    await expect.poll(async () => (await stored()).get('Wingtip Toys')!.revenue).toBe(lowered);
    await sheet.focus('Wingtip Toys', 'revenue');
    await typeHere('*1.1');
    await notice('Multiplied Revenue of Wingtip Toys by 1.1').waitFor();
    await sheet.saved();
    await expect.poll(async () => (await stored()).get('Wingtip Toys')!.revenue).toBe(Math.round(lowered * 1.1 * 100) / 100);
    // Text is text: a name that starts with '+' is a name.
    await sheet.focus('Wingtip Toys', 'owner');
    await typeHere('+Partners');
    await sheet.saved();
    await expect.poll(async () => (await stored()).get('Wingtip Toys')!.owner).toBe('+Partners');
  });

  it('typed with a block selected, it applies to every cell of the block as one step, and a broken rule refuses it whole', async () => {
    const names = ['Woodgrove Bank', 'Proseware Labs', 'Wingtip Toys'];
    const before = await stored();
    await select('Woodgrove Bank', 'revenue', 2, 1);
    await typeHere('+20');
    await notice('Added 20 to 6 cells of Revenue and Presale').waitFor();
    await sheet.saved();
    const after = await stored();
    for (const name of names) {
      expect(after.get(name)!.revenue).toBe(before.get(name)!.revenue + 20);
      expect(after.get(name)!.presale).toBe(before.get(name)!.presale + 20);
    }
    // The block stays selected for the next what-if.
    await expect.poll(async () => (await sheet.cell('Wingtip Toys', 'presale')).getAttribute('class')).toContain('in-block');
    await typeHere('-10%');
    await notice('Lowered 6 cells of Revenue and Presale by 10%').waitFor();
    await sheet.saved();
    await sheet.screenshot('sheet-relative-entry');
    const lowered = await stored();
    for (const name of names) expect(lowered.get(name)!.presale).toBe(Math.round((before.get(name)!.presale + 20) * 0.9 * 100) / 100);
    // One Ctrl+Z takes the whole block back to +20.
    await page.keyboard.press('Control+z');
    await notice('Undone').waitFor();
    await sheet.saved();
    await expect.poll(async () => (await stored()).get('Wingtip Toys')!.presale).toBe(before.get('Wingtip Toys')!.presale + 20);
    // Taking more than the smallest cost holds off every cell is refused whole, naming the cell.
    const smallest = Math.min(...names.map((n) => after.get(n)!.presale));
    await select('Woodgrove Bank', 'presale', 2, 0);
    await typeHere(`-=${smallest + 1}`);
    await sheet.error().waitFor();
    const message = (await sheet.error().textContent()) ?? '';
    expect(message).toContain('Nothing was changed');
    expect(message).toMatch(/column Presale would be -1: it must be 0 or more/);
    const unchanged = await stored();
    for (const name of names) expect(unchanged.get(name)!.presale).toBe(after.get(name)!.presale);
    await page.keyboard.press('Escape');
  });
});

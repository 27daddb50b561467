import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOTS } from '../browser';

/** The sheet as a user meets it: cells found by account name and DOMAIN.md column id. */
export class SheetPage {
  constructor(readonly page: Page) {}

  async open(url: string, view = 'sheet'): Promise<void> {
    const u = new URL(url);
    u.hash = `#/${view}`;
    await this.page.goto(u.toString());
    await this.page.locator('.ag-row:not(.ag-row-pinned) .ag-cell[col-id="account"]').first().waitFor({ timeout: 15_000 });
  }

  /** The grid's row index of an account, from its name in the Account column. */
  async rowIndex(account: string): Promise<string> {
    const row = this.page.locator('.ag-row:not(.ag-row-pinned)', {
      has: this.page.locator('.ag-cell[col-id="account"]', { hasText: new RegExp(`^${account}$`) }),
    });
    await row.first().waitFor({ timeout: 5000 });
    return (await row.first().getAttribute('row-index'))!;
  }

  async cell(account: string, col: string): Promise<Locator> {
    const index = await this.rowIndex(account);
    return this.page.locator(`.ag-row[row-index="${index}"]:not(.ag-row-pinned) .ag-cell[col-id="${col}"]`).first();
  }

  async text(account: string, col: string): Promise<string> {
    return ((await (await this.cell(account, col)).textContent()) ?? '').trim();
  }

  totals(col: string): Locator {
    return this.page.locator(`.ag-row-pinned .ag-cell[col-id="${col}"]`).first();
  }

  async totalsText(col: string): Promise<string> {
    return ((await this.totals(col).textContent()) ?? '').trim();
  }

  /** Focus a cell, type as a spreadsheet user does, and press Enter. */
  async type(account: string, col: string, text: string): Promise<void> {
    const cell = await this.cell(account, col);
    await cell.click();
    await this.page.keyboard.press('F2');
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /**
   * Click a cell, and make sure the focus is on it: a row's index is read
   * from the DOM before the click, and a reload landing in between (the
   * grid applying the rows again) can put another row under that index.
   */
  async focus(account: string, col: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await (await this.cell(account, col)).click();
      const focused = await this.page.evaluate(() => {
        const cell = document.activeElement?.closest('.ag-cell');
        const row = cell?.closest('.ag-row');
        return { col: cell?.getAttribute('col-id') ?? null, account: row?.querySelector('.ag-cell[col-id="account"]')?.textContent?.trim() ?? null };
      });
      if ((focused.account === account && focused.col === col) || attempt === 3) return;
    }
  }

  /** Paste tab-separated text at the focused cell, as Ctrl+V of a block copied from Excel would. */
  async paste(tsv: string): Promise<void> {
    await this.page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, tsv);
  }

  /** The quick search of the top bar: rows far down the sheet come into view this way, as a user finds them. */
  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search accounts' }).fill(text);
  }

  error(): Locator {
    return this.page.locator('.cell-error');
  }

  status(name: 'accounts' | 'revenue' | 'profit' | 'roi' | 'loss-makers'): Locator {
    return this.page.getByTestId(`status-${name}`);
  }

  async saved(): Promise<void> {
    await this.page.locator('.status-bar .work', { hasText: 'All changes saved' }).waitFor();
  }

  async screenshot(name: string): Promise<string> {
    const path = join(SCREENSHOTS, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}

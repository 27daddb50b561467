import type { Locator, Page } from 'playwright-core';

/** The sheet's columns as a person arranges them: drag an edge or a header, the column menu, the sort and the filter. */
export class SheetColumns {
  constructor(readonly page: Page) {}

  header(col: string): Locator {
    return this.page.locator(`.ag-header-cell[col-id="${col}"]`);
  }

  /** The column ids of the headers in the order shown, pinned ones first (AG Grid numbers them with aria-colindex). */
  async order(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.ag-header-row-column .ag-header-cell[col-id]')]
        .map((h) => ({ id: h.getAttribute('col-id')!, at: Number(h.getAttribute('aria-colindex')) }))
        .sort((a, b) => a.at - b.at)
        .map((h) => h.id),
    );
  }

  async pinnedLeft(): Promise<string[]> {
    return this.page.evaluate(() => [...document.querySelectorAll('.ag-header-row-column .ag-grid-pinned-left-cells .ag-header-cell[col-id]')].map((h) => h.getAttribute('col-id')!));
  }

  async widths(): Promise<Record<string, number>> {
    return this.page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll<HTMLElement>('.ag-header-row-column .ag-header-cell[col-id]')].map((h) => [h.getAttribute('col-id')!, Math.round(h.getBoundingClientRect().width)])),
    );
  }

  async sortOf(col: string): Promise<string | null> {
    return this.header(col).getAttribute('aria-sort');
  }

  /** Whether the column's filter is on (AG Grid marks its header's filter button). */
  async filtered(col: string): Promise<boolean> {
    return (await this.header(col).locator('.ag-header-cell-filter-button.ag-filter-active, .ag-filter-active').count()) > 0;
  }

  /** Accounts of the rows shown, top to bottom (the first ones drawn). */
  async accounts(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.ag-row:not(.ag-row-pinned) .ag-cell[col-id="account"]')]
        .map((c) => ({ at: Number(c.closest('.ag-row')!.getAttribute('row-index')), name: c.textContent?.trim() ?? '' }))
        .sort((a, b) => a.at - b.at)
        .map((c) => c.name),
    );
  }

  /** Drag the right edge of a column's header by dx pixels, as a mouse does, in steps. */
  async resize(col: string, dx: number): Promise<void> {
    const handle = this.header(col).locator('.ag-header-cell-resize');
    // AG Grid animates a column that just moved: take hold of the handle only once it stays where it is.
    let box = (await handle.boundingBox())!;
    for (let tries = 0; tries < 20; tries++) {
      await this.page.waitForTimeout(150);
      const again = (await handle.boundingBox())!;
      if (again.x === box.x && again.y === box.y) break;
      box = again;
    }
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width / 2, y);
    await this.page.mouse.down();
    for (let i = 1; i <= 8; i++) await this.page.mouse.move(box.x + box.width / 2 + (dx * i) / 8, y);
    await this.page.mouse.up();
  }

  /** Drag a column's header onto another's left part: it takes that column's place. */
  async move(col: string, onto: string): Promise<void> {
    const from = (await this.header(col).locator('.ag-header-cell-label').boundingBox())!;
    const to = (await this.header(onto).boundingBox())!;
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    const [x, y] = [to.x + 6, to.y + to.height / 2];
    for (let i = 1; i <= 12; i++) await this.page.mouse.move(from.x + from.width / 2 + ((x - from.x - from.width / 2) * i) / 12, y);
    await this.page.waitForTimeout(300);
    await this.page.mouse.move(x - 2, y);
    await this.page.mouse.up();
  }

  /** Click a header's name: the grid sorts by it (ascending, then descending, then none). */
  async clickHeader(col: string): Promise<void> {
    await this.header(col).locator('.sheet-header > .ag-header-cell-text').click();
  }

  menuButton(col: string): Locator {
    return this.header(col).locator('.column-menu-button');
  }

  menu(): Locator {
    return this.page.getByRole('menu');
  }

  /** The column's menu, opened with its "⋮" (shown while the header is hovered), and one of its items chosen. */
  async choose(col: string, item: string | RegExp): Promise<void> {
    await this.header(col).hover();
    await this.menuButton(col).click();
    await this.menu().getByRole('menuitem', { name: item }).click();
    await this.menu().waitFor({ state: 'detached' });
  }

  /** The column's filter, opened from its header's button: its first condition set to contain the text. */
  async filterContains(col: string, text: string): Promise<void> {
    await this.header(col).locator('.ag-header-cell-filter-button').click();
    const input = this.page.locator('.ag-filter .ag-filter-body input').first();
    await input.fill(text);
    await this.page.waitForTimeout(600); // the filter applies a moment after typing (its debounce)
    await this.page.keyboard.press('Escape');
  }
}

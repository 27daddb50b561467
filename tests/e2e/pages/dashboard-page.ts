import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS } from '../browser';

/** The dashboard as a user meets it: tiles by metric, charts by id. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    const u = new URL(url);
    u.hash = '#/dashboard';
    await this.page.goto(u.toString());
    await this.page.getByTestId('tile-profit').waitFor({ timeout: 15_000 });
  }

  async tile(key: string): Promise<string> {
    return ((await this.page.getByTestId(`tile-${key}`).locator('.tile-value').textContent()) ?? '').trim();
  }

  /** How many pixels of a chart's canvas are drawn, and in how many distinct colours. */
  async ink(chartId: string): Promise<{ drawn: number; colours: number; width: number }> {
    const canvas = this.page.getByTestId(`chart-${chartId}`);
    await canvas.scrollIntoViewIfNeeded();
    return canvas.evaluate((el: HTMLCanvasElement) => {
      const g = el.getContext('2d')!;
      const { data } = g.getImageData(0, 0, el.width, el.height);
      let drawn = 0;
      const colours = new Set<number>();
      for (let k = 0; k < data.length; k += 4) {
        if (data[k + 3]! > 0) {
          drawn++;
          colours.add((data[k]! << 16) | (data[k + 1]! << 8) | data[k + 2]!);
        }
      }
      return { drawn, colours: colours.size, width: el.width };
    });
  }

  /** Click the matrix point of an account where a user would, from the chart's own layout. */
  async clickMatrixPoint(account: string): Promise<void> {
    const canvas = this.page.getByTestId('chart-matrix');
    await canvas.scrollIntoViewIfNeeded();
    const at = await canvas.evaluate((el, name) => {
      type Drawn = { data: { datasets: { data: { account: string }[] }[] }; getDatasetMeta(d: number): { data: { x: number; y: number }[] } };
      const chart = (el as unknown as { chart: Drawn }).chart;
      const i = chart.data.datasets[0]!.data.findIndex((d) => d.account === name);
      if (i < 0) throw new Error(`${name} is not drawn on the matrix`);
      const p = chart.getDatasetMeta(0).data[i]!;
      return { x: p.x, y: p.y };
    }, account);
    await canvas.click({ position: at });
  }

  /** Open a chart's "Data as a table" and read the rows of its page, as a person reads them. */
  async tableRows(chartId: string): Promise<string[][]> {
    const card = this.page.getByTestId(`card-${chartId}`);
    const details = card.locator('details');
    if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await card.getByText('Data as a table').click();
    await card.locator('table').waitFor();
    return card.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
  }

  async screenshot(name: string): Promise<string> {
    const path = join(SCREENSHOTS, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}

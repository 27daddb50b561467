import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../shared/format';
import type { Report } from '../../shared/schemas/report';
import { cpwJson, ROOT } from '../helpers';
import { bucketsSvg } from '../../electron/backend/report/svg';
import type { BucketBars } from '../../shared/charts/chartData';
import { BUCKETS } from '../../shared/schemas/fields';
import { openSession, SCREENSHOTS, type Served, type Session } from './browser';

describe('the workshop report from the window, in browser mode', () => {
  let session: Session;
  let page: Page;
  let server: Served;

  beforeAll(async () => {
    session = await openSession({
      sample: true,
      // Two saved scenarios, made the way a script would, before the window opens.
      prepare: (dir) => {
        const cpw = (...args: string[]) => execFileSync(process.execPath, [join(ROOT, 'electron', 'cli', 'bin.cjs'), ...args], { cwd: ROOT });
        cpw('scenario', join(dir, 'demo.cpw'), '--scale', 'service=-30', '--where', 'segment=Reassess', '--name', 'Cut service for Reassess', '--save');
        cpw('scenario', join(dir, 'demo.cpw'), '--scale', 'revenue=5', '--name', 'Price rise', '--save');
      },
    });
    ({ page, server } = session);
    page.setDefaultTimeout(20_000);
    const u = new URL(server.url);
    u.hash = '#/report';
    await page.goto(u.toString());
    await page.getByRole('heading', { name: 'Workshop report' }).waitFor();
  });

  afterAll(() => session?.close());

  it('saves the PDF of the chosen period, paper and scenarios, with the KPI values in its text', async () => {
    const q2 = await cpwJson<Report>(['report', session.book, '--period', '2026-Q2', '--json']);
    await page.getByLabel('Report period').selectOption('2026-Q2');
    await page.getByLabel('Paper').selectOption('Letter');
    await page.getByRole('checkbox', { name: /Price rise/ }).uncheck();
    await page.screenshot({ path: join(SCREENSHOTS, 'report-view.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save PDF…' }).click()]);
    expect(download.suggestedFilename()).toBe('demo-2026-Q2-report.pdf');
    const file = join(session.dir, 'saved.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of ['Period 2026-Q2', formatMoney(q2.portfolio.revenue, 'USD'), formatMoney(q2.portfolio.profit, 'USD'), 'Cut service for Reassess', 'Every figure in plain words']) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain('Price rise');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/612 x 792 pts/);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', file, join(SCREENSHOTS, 'report-from-window')]);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'demo-2026-Q2-report.pdf' }).count()).toBe(1);
  }, 60_000);

  it('draws every account name of the cost chart inside it, long names too, for the page to print whole', async () => {
    const long = (k: number) => `Very Long Account Name Number ${k} Incorporated`;
    const n = 15;
    const bars: BucketBars = {
      labels: Array.from({ length: n }, (_, k) => long(k)),
      buckets: Object.fromEntries(BUCKETS.map((b) => [b, Array.from({ length: n }, (_, k) => 1000 * (n - k))])) as BucketBars['buckets'],
      revenue: Array.from({ length: n }, (_, k) => 4000 * (n - k)),
      overRevenue: Array.from({ length: n }, (_, k) => k % 2 === 0),
      others: null,
    };
    const chart = await session.browser.newPage();
    try {
      await chart.setContent(`<!doctype html><body style="margin:0">${bucketsSvg(bars, 'USD')}</body>`);
      const outside = await chart.evaluate(() => {
        const svg = document.querySelector('svg')!.getBoundingClientRect();
        return [...document.querySelectorAll('text')]
          .map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }))
          .filter(({ box }) => box.left < svg.left || box.right > svg.right || box.top < svg.top || box.bottom > svg.bottom)
          .map(({ text }) => text);
      });
      expect(outside).toEqual([]);
      await chart.screenshot({ path: join(SCREENSHOTS, 'report-cost-chart.png') });
    } finally {
      await chart.close();
    }
  });
});

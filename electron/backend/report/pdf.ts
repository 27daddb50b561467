import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CpwError } from '../../../shared/ipc/errors';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** A Chromium to print with: CPW_CHROMIUM if set, else the first of the usual names on the PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CPW_CHROMIUM) return existsSync(env.CPW_CHROMIUM) ? env.CPW_CHROMIUM : null;
  for (const name of CANDIDATES) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8', env }).trim();
      if (path) return path;
    } catch {
      // not this one
    }
  }
  return null;
}

/**
 * Print an HTML document to PDF with the installed Chromium, headless and
 * offline (the document carries everything it shows). Where there is no
 * Chromium the message says what to install.
 */
export async function htmlToPdf(html: string, paper: 'A4' | 'Letter'): Promise<Uint8Array> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new CpwError(
      'IO_ERROR',
      'a PDF report needs Chromium, and none was found: install it (Debian: apt-get install chromium) or set CPW_CHROMIUM to its path; the desktop app prints without it',
    );
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: paper, printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

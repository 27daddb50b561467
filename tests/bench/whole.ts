import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT } from '../helpers';
import { csvOf, generatePortfolio } from './portfolio';
import { windowTimes, type WindowTimes } from './window';

/**
 * What the user waits for, as whole processes: `cpw import`, `cpw report
 * --json` and `cpw report` from the shell, the window from starting it on a
 * workbook, each beside the anchors a user would otherwise reach for run on
 * the same sheet in the same run (HyperFormula loading and computing it,
 * LibreOffice headless opening the CSV and saving it as XLSX).
 */

const BIN = join(ROOT, 'electron', 'cli', 'bin.cjs');
const PEAK = join(import.meta.dirname, 'peak-rss.mjs');

export interface Run {
  ms: number;
  /** The process's peak resident memory (the largest it held), MiB; null where it cannot be read (LibreOffice's own processes). */
  peakMiB: number | null;
}

/** One whole process, its output to /dev/null; it must succeed. */
export function runProcess(command: string, args: readonly string[], env: Record<string, string> = {}): Run {
  const peakFile = join(mkdtempSync(join(tmpdir(), 'cpw-peak-')), 'peak');
  const sink = openSync('/dev/null', 'w');
  try {
    const start = performance.now();
    const done = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', sink, 'pipe'], env: { ...process.env, ...env, CPW_BENCH_PEAK: peakFile }, maxBuffer: 1 << 26 });
    const ms = performance.now() - start;
    if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${done.status ?? done.signal}: ${done.stderr.toString().slice(0, 2000)}`);
    const peakMiB = existsSync(peakFile) ? Number(readFileSync(peakFile, 'utf8')) / 1024 : null;
    return { ms, peakMiB };
  } finally {
    closeSync(sink);
    rmSync(join(peakFile, '..'), { recursive: true, force: true });
  }
}

/** A `cpw` command as the shell runs it, with its peak memory. */
export const cpwRun = (args: readonly string[]) => runProcess(process.execPath, ['--import', PEAK, BIN, ...args]);

/**
 * The median run by time, of `runs` after one not counted (the disk cache warm,
 * as for a user's second try). A single run (a million accounts) has no warm-up:
 * its input was just written, so the cache is warm, and a second pass would
 * double the bench's longest step for nothing.
 */
function median(runs: number, once: () => Run): Run {
  if (runs > 1) once();
  const all = Array.from({ length: runs }, once).sort((a, b) => a.ms - b.ms);
  return all[Math.floor(all.length / 2)]!;
}

export interface SizeFigures {
  accounts: number;
  import: Run;
  reportJson: Run;
  reportText: Run;
  window: WindowTimes | null;
  hyperformula: Run | null;
  libreoffice: Run | null;
}

function soffice(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/** Every whole-process figure at one size. Anchors only where asked: HyperFormula at a million rows needs far more memory than a user's machine has. */
export async function wholeAt(
  dir: string,
  accounts: number,
  options: { runs: number; browser: Browser | null; hyperformula: boolean; libreoffice: boolean; windowLimitMs: number },
): Promise<SizeFigures> {
  const rows = generatePortfolio(accounts, 7);
  const csv = join(dir, `sheet-${accounts}.csv`);
  writeFileSync(csv, csvOf(rows));
  const lastAccount = rows.map((r) => r.account).sort((a, b) => (a < b ? -1 : 1))[accounts - 1]!;
  rows.length = 0;
  let n = 0;
  const book = () => {
    const at = join(dir, `import-${accounts}-${n++}.cpw`);
    cpwRun(['new', at]);
    return at;
  };
  const importRun = median(options.runs, () => {
    const at = book();
    const run = cpwRun(['import', at, csv, '--period', 'Q1']);
    rmSync(at, { force: true });
    return run;
  });
  const workbook = book();
  cpwRun(['import', workbook, csv, '--period', 'Q1']);
  const reportJson = median(options.runs, () => cpwRun(['report', workbook, '--json']));
  const reportText = median(options.runs, () => cpwRun(['report', workbook]));
  const window = options.browser ? await windowTimes(options.browser, workbook, csv, accounts, lastAccount, options.windowLimitMs) : null;
  const hyperformula = options.hyperformula
    ? median(Math.min(options.runs, 2), () => runProcess(process.execPath, ['--import', 'tsx', '--import', PEAK, join(import.meta.dirname, 'hyperformula-run.ts'), csv]))
    : null;
  const office = options.libreoffice ? soffice() : null;
  const profile = join(dir, 'lo-profile');
  const libreoffice = office
    ? median(Math.min(options.runs, 2), () => runProcess(office, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'lo-out'), csv]))
    : null;
  return { accounts, import: importRun, reportJson, reportText, window, hyperformula, libreoffice };
}

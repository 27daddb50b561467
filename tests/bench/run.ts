// `npm run bench`: the project's performance record. In one process, on the same
// generated portfolio (fixed seed), each measure against its anchor as the issue
// names them (ratio = ours / anchor, medians after a warm-up), the cost curve at
// 1k to 300k accounts, a table on stdout and bench/results.json.
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';
import { openWorkbook } from '../../electron/backend/db/connection';
import { FileStore } from '../../electron/backend/db/file-store';
import { getPeriod } from '../../electron/backend/db/repos/periods';
import { periodColumns } from '../../electron/backend/db/repos/pools';
import { createBackend } from '../../electron/backend/dispatch';
import { toColumns } from '../../shared/engine/columns';
import { computeColumns, editAccount, type SheetResult } from '../../shared/engine/sheet';
import { DEFAULT_ASSUMPTIONS } from '../../shared/schemas/assumptions';
import { INPUT_FIELDS } from '../../shared/schemas/fields';
import type { SheetRow } from '../../shared/schemas/row';
import { editLatency } from './edit-latency';
import { buildHyperformula, editHyperformula, hyperformulaSheet } from './hyperformula';
import { plainCompute } from './plain';
import { csvOf, generatePortfolio } from './portfolio';
import { benchPostgres } from './postgres';
import { hasChromium, launchChromium } from '../e2e/browser';
import { printWhole, wholeRows } from './whole-table';
import { wholeAt, type SizeFigures } from './whole';

const argv = process.argv.slice(2);
const record = argv.includes('--record');
const onlyWhole = argv.includes('--only=whole');
const sizesArg = argv.find((x) => x.startsWith('--sizes='));
const sizes = sizesArg ? sizesArg.slice('--sizes='.length).split(',').map(Number) : [1_000, 10_000, 100_000, 1_000_000];
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes takes whole numbers of accounts, comma-separated (got ${sizesArg})`);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run the bench with --expose-gc (npm run bench does)');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Median milliseconds of `runs` timed calls after `warmup` untimed ones. A
 * full collection first, so no measure pays for the garbage of the one before
 * (HyperFormula's half a gigabyte, say).
 */
async function time(fn: () => unknown, runs: number, warmup = 2): Promise<number> {
  gc!();
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

/** Heap bytes `make` keeps alive: measured after full collections, with what it made still referenced. */
function heldBytes(make: () => unknown): { bytes: number; kept: unknown } {
  gc!();
  gc!();
  const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const kept = make();
  gc!();
  gc!();
  return { bytes: process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - before, kept };
}

interface Measure {
  name: string;
  ours: number;
  anchor: number;
  ratio: number;
  goal: number;
  unit: string;
  anchorIs: string;
}
const measures: Measure[] = [];
const add = (name: string, ours: number, anchor: number, goal: number, unit: string, anchorIs: string) => {
  measures.push({ name, ours, anchor, ratio: ours / anchor, goal, unit, anchorIs });
  console.log(`${name}: ours ${ours.toFixed(3)} ${unit}, anchor ${anchor.toFixed(3)} ${unit}, ratio ${(ours / anchor).toFixed(4)}`);
};

const a = DEFAULT_ASSUMPTIONS;
const dir = mkdtempSync(join(tmpdir(), 'cpw-bench-'));

/** A workbook file holding the rows as period Q1, written through the real import. */
async function workbookOf(rows: readonly SheetRow[], name: string): Promise<string> {
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, csvOf(rows));
  const path = join(dir, `${name}.cpw`);
  const backend = createBackend();
  await backend.call('workbook.create', { path });
  const r = await backend.call('import.commit', { source: { file }, period: 'Q1' });
  if (!r.ok) throw new Error(r.error.message);
  backend.close();
  return path;
}

/** The result with everything it leaves until first read (segments, Pareto classes, whale curve, segment summaries) read: the whole period. */
function whole(r: SheetResult): SheetResult {
  void [r.segment, r.paretoClass, r.whale, r.bySegment];
  return r;
}

/** Open a workbook file and compute its period: what the window does when it opens one. */
async function openAndCompute(path: string) {
  const store = new FileStore(openWorkbook(path, { readOnly: true }));
  try {
    return whole(computeColumns(await store.read(async (tx) => periodColumns(tx, (await getPeriod(tx, 'Q1')).id)), a));
  } finally {
    await store.close();
  }
}

const curve: { accounts: number; recomputeMs: number; openMs: number }[] = [];
let plain = NaN;
let recompute = NaN;
let recomputeFresh = NaN;
if (!onlyWhole) {
  const rows100k = generatePortfolio(100_000);
  const columns = toColumns(rows100k);

  // HyperFormula, the spreadsheet engine a user would otherwise reach for, on the same rows and formulas.
  const sheet = hyperformulaSheet(rows100k, a);
  const hfBuild = await time(() => buildHyperformula(sheet).destroy(), 3, 1);
  const hfHeld = heldBytes(() => buildHyperformula(sheet));
  const hf = hfHeld.kept as ReturnType<typeof buildHyperformula>;
  let k = 0;
  const hfEdit = await time(() => editHyperformula(hf, 1 + (k++ % 1000), 50_000 + k, rows100k.length), 21, 10);
  hf.destroy();

  // Ours: every metric of the period after the same one-cell edit. The engine follows the one account
  // (editAccount): its metrics, the portfolio figures and owners are computed; segments and Pareto classes
  // are read per account in constant time, their whole arrays on demand.
  // A fraction of a millisecond a call: 300 calls first so the JIT has compiled it, as after a few minutes of use.
  let edited = computeColumns(columns, a);
  let j = 0;
  const edit = await time(() => {
    const i = 1 + (j++ % 1000);
    edited = editAccount(edited, i, () => {
      columns.revenue[i] = 50_000 + j;
    });
    return edited.figures.profit + edited.segmentAt(i) + edited.paretoClassAt(i);
  }, 201, 300);
  add('edit-100k', edit, hfEdit, 1 / 100, 'ms', 'HyperFormula: set the cell, read the profit total');
  // A full recompute as the window does one (new assumptions): into the memory of the result it replaces.
  let last = whole(computeColumns(columns, a));
  recompute = await time(() => (last = whole(computeColumns(columns, a, last))), 21, 3);
  add('recompute-100k', recompute, hfBuild, 1 / 500, 'ms', 'HyperFormula: build and compute the sheet');
  recomputeFresh = await time(() => whole(computeColumns(columns, a)), 21, 3);
  const book100k = await workbookOf(rows100k, 'open-100k');
  const open = await time(() => openAndCompute(book100k), 7, 1);
  add('open-100k', open, hfBuild, 1 / 20, 'ms', 'HyperFormula: build the sheet from the same values');
  const ourHeld = heldBytes(() => whole(computeColumns(toColumns(rows100k), a)));
  add('heap-100k', ourHeld.bytes / 2 ** 20, hfHeld.bytes / 2 ** 20, 1 / 10, 'MiB', "HyperFormula's heap for the sheet");

  // Import of a 100,000-row CSV through the real path against papaparse's parse and one bulk insert of the same values.
  {
    const file = join(dir, 'import.csv');
    writeFileSync(file, csvOf(rows100k));
    let n = 0;
    const ours = await time(async () => {
      const backend = createBackend();
      await backend.call('workbook.create', { path: join(dir, `import-${n++}.cpw`) });
      const r = await backend.call('import.commit', { source: { file }, period: 'Q1' });
      if (!r.ok) throw new Error(r.error.message);
      backend.close();
    }, 7, 1);
    const anchor = await time(() => {
      const parsed = Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true }).data.slice(1);
      const db = new Database(join(dir, `anchor-${n++}.db`));
      db.exec(`CREATE TABLE t (${INPUT_FIELDS.join(', ')})`);
      const insert = db.prepare(`INSERT INTO t VALUES (${INPUT_FIELDS.map(() => '?').join(', ')})`);
      db.transaction(() => {
        for (const r of parsed) insert.run(...r);
      })();
      db.close();
    }, 7, 1);
    add('import-100k', ours, anchor, 1.3, 'ms', 'papaparse parse plus one better-sqlite3 bulk insert');
  }

  // A team workbook in PostgreSQL beside the file: report, import and a million transaction lines, whole commands.
  {
    const file = join(dir, 'postgres.csv');
    writeFileSync(file, csvOf(rows100k));
    await benchPostgres(dir, file, rows100k.map((r) => r.account), add, time);
  }

  // The grid in Chromium: key to totals row painted after an edit, 100,000 accounts against 1,000.
  {
    const small = await workbookOf(generatePortfolio(1_000), 'latency-1k');
    const latency = await editLatency(book100k, small);
    if (latency) add('edit-latency-scaling', latency.large, latency.small, 2, 'ms', 'the same edit at 1,000 accounts');
    else console.log('edit-latency-scaling: skipped, no Chromium found (install chromium or set CPW_CHROMIUM)');
  }

  // Informational: the engine against the same formulas written the plain way, one object per row.
  plain = await time(() => plainCompute(rows100k, a), 9, 2);

  // The cost curve: recompute and open as the book grows, which should be near linear.
  for (const n of [1_000, 10_000, 100_000, 300_000]) {
    const rows = n === 100_000 ? rows100k : generatePortfolio(n);
    const cols = toColumns(rows);
    let previous = whole(computeColumns(cols, a));
    const book = n === 100_000 ? book100k : await workbookOf(rows, `curve-${n}`);
    curve.push({ accounts: n, recomputeMs: await time(() => (previous = whole(computeColumns(cols, a, previous))), n >= 100_000 ? 9 : 21), openMs: await time(() => openAndCompute(book), n >= 100_000 ? 5 : 11, 1) });
  }
}

// What the user waits for, as whole processes beside the anchors, at each size asked for (npm run bench -- --sizes=...).
const browser = hasChromium() ? await launchChromium() : null;
if (!browser) console.log('window figures: skipped, no Chromium found (install chromium)');
const wholeFigures: SizeFigures[] = [];
try {
  for (const accounts of sizes) {
    console.log(`whole processes at ${accounts.toLocaleString('en-US')} accounts...`);
    wholeFigures.push(await wholeAt(dir, accounts, { runs: accounts >= 1_000_000 ? 1 : 3, browser, hyperformula: accounts === 100_000, libreoffice: accounts >= 100_000, windowLimitMs: 300_000 }));
  }
} finally {
  await browser?.close();
}
rmSync(dir, { recursive: true, force: true });

const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
const pad = (s: string, n: number) => s.padEnd(n);
const num = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toFixed(3));
console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}`);
console.log(`${pad('measure', 22)}${pad('ours', 12)}${pad('anchor', 12)}${pad('ratio', 10)}${pad('goal', 10)}${pad('met', 5)}anchor`);
for (const m of measures) {
  const goal = m.goal >= 1 ? `<= ${m.goal}` : `<= 1/${Math.round(1 / m.goal)}`;
  console.log(`${pad(m.name, 22)}${pad(`${num(m.ours)} ${m.unit}`, 12)}${pad(`${num(m.anchor)} ${m.unit}`, 12)}${pad(m.ratio.toFixed(4), 10)}${pad(goal, 10)}${pad(m.ratio <= m.goal ? 'yes' : 'no', 5)}${m.anchorIs}`);
}
console.log(`recompute 100k into new memory each time: ${num(recomputeFresh)} ms`);
console.log(`plain per-row objects, recompute 100k: ${num(plain)} ms (engine ${num(recompute)} ms, ratio ${(recompute / plain).toFixed(3)})`);
console.log('cost curve (ms):');
for (const c of curve) console.log(`  ${pad(c.accounts.toLocaleString('en-US'), 10)} recompute ${pad(num(c.recomputeMs), 10)} open ${num(c.openMs)}`);
printWhole(wholeFigures);
// The record in the tree changes only when asked for (--record): a run to look leaves git status clean.
const out = record ? 'bench/results.json' : join(tmpdir(), 'cpw-bench', 'results.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ machine, measures, curve, plainRecompute100kMs: plain, freshRecompute100kMs: recomputeFresh, whole: wholeFigures.map((f) => ({ ...f, rows: wholeRows(f) })) }, null, 2)}\n`);
console.log(`written: ${out}${record ? '' : ' (npm run bench -- --record writes bench/results.json)'}`);

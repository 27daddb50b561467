// `npm run bench`: in one process, on the same generated portfolio, the engine's
// full recompute against the same formulas written the plain way
// (tests/bench/plain.ts), and the import of a 100,000-row CSV against parsing
// plus one bulk insert. Prints a table and writes bench/results.json.
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { createBackend } from '../../electron/backend/dispatch';
import { INPUT_FIELDS } from '../../shared/schemas/fields';
import { DEFAULT_ASSUMPTIONS } from '../../shared/schemas/assumptions';
import { toColumns } from '../../shared/engine/columns';
import { computeColumns } from '../../shared/engine/sheet';
import { plainCompute } from './plain';
import { generatePortfolio } from './portfolio';

async function timeAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median milliseconds of `runs` timed calls after `warmup` untimed ones. */
function time(fn: () => unknown, runs: number, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

interface Measure {
  name: string;
  ours: number;
  anchor: number;
  ratio: number;
  goal: string;
  unit: string;
}

const measures: Measure[] = [];
for (const n of [10_000, 100_000]) {
  const rows = generatePortfolio(n);
  const columns = toColumns(rows);
  const runs = n >= 100_000 ? 15 : 40;
  const label = `${n / 1000}k`;
  const ours = time(() => computeColumns(columns, DEFAULT_ASSUMPTIONS), runs);
  const anchor = time(() => plainCompute(rows, DEFAULT_ASSUMPTIONS), runs);
  measures.push({ name: `recompute-${label}`, ours, anchor, ratio: ours / anchor, goal: 'faster than the plain version (ratio < 1)', unit: 'ms' });
  const convert = time(() => toColumns(rows), runs);
  measures.push({ name: `to-columns-${label}`, ours: convert, anchor, ratio: convert / anchor, goal: 'informational: rows to columns, once per load', unit: 'ms' });
}

// Import of a 100,000-row CSV through the real path (read, match headers, parse every cell as people type it,
// check every row with zod, write in one transaction) against the least any import must do: papaparse's parse
// and one better-sqlite3 bulk insert of the same values.
{
  const dir = mkdtempSync(join(tmpdir(), 'cpw-bench-'));
  const rows = generatePortfolio(100_000);
  const file = join(dir, 'sheet.csv');
  writeFileSync(file, [INPUT_FIELDS.join(','), ...rows.map((r) => INPUT_FIELDS.map((f) => r[f] ?? '').join(','))].join('\n'));
  let k = 0;
  const ours = await timeAsync(async () => {
    const backend = createBackend();
    await backend.call('workbook.create', { path: join(dir, `ours-${k++}.cpw`) });
    const r = await backend.call('import.commit', { source: { file }, period: 'Q1' });
    if (!r.ok) throw new Error(r.error.message);
    backend.close();
  }, 3);
  const anchor = await timeAsync(async () => {
    const text = readFileSync(file, 'utf8');
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true }).data.slice(1);
    const db = new Database(join(dir, `anchor-${k++}.db`));
    db.exec(`CREATE TABLE t (${INPUT_FIELDS.map((f) => `${f}`).join(', ')})`);
    const insert = db.prepare(`INSERT INTO t VALUES (${INPUT_FIELDS.map(() => '?').join(', ')})`);
    db.transaction(() => {
      for (const r of parsed) insert.run(...r);
    })();
    db.close();
  }, 3);
  measures.push({ name: 'import-100k', ours, anchor, ratio: ours / anchor, goal: 'at most 2x papaparse plus one bulk insert (issue 9)', unit: 'ms' });
  rmSync(dir, { recursive: true, force: true });
}

const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
const pad = (s: string, n: number) => s.padEnd(n);
console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}`);
console.log(`${pad('measure', 18)}${pad('engine ms', 12)}${pad('plain ms', 12)}${pad('ratio', 10)}goal`);
for (const m of measures) {
  console.log(`${pad(m.name, 18)}${pad(m.ours.toFixed(2), 12)}${pad(m.anchor.toFixed(2), 12)}${pad(m.ratio.toFixed(3), 10)}${m.goal}`);
}
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify({ machine, measures }, null, 2)}\n`);
console.log('written: bench/results.json');

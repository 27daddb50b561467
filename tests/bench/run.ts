// `npm run bench`: the engine's full recompute of a period against the same
// formulas written the plain way (tests/bench/plain.ts), in one process, on the
// same generated portfolio. Prints a table and writes bench/results.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { DEFAULT_ASSUMPTIONS } from '../../shared/schemas/assumptions';
import { toColumns } from '../../shared/engine/columns';
import { computeColumns } from '../../shared/engine/sheet';
import { plainCompute } from './plain';
import { generatePortfolio } from './portfolio';

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

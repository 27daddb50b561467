import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPgServer } from '../pg-server';

const BIN = join(import.meta.dirname, '..', '..', 'electron', 'cli', 'bin.cjs');
const cpw = (args: string[]) => execFileSync(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });

type Add = (name: string, ours: number, anchor: number, goal: number, unit: string, anchorIs: string) => void;
type Time = (fn: () => unknown, runs: number, warmup?: number) => Promise<number>;

/**
 * A team workbook against the file, each as the whole `cpw` command a user
 * waits for: report --json and import of 100,000 accounts, and pools --lines
 * of 1,000,000 transaction lines, on a PostgreSQL server of the bench's own
 * (with its default durability: fsync on) beside a file on the same disk.
 */
export async function benchPostgres(dir: string, sheet: string, accounts: readonly string[], add: Add, time: Time): Promise<void> {
  const server = await startPgServer({ fast: false });
  try {
    const file = join(dir, 'pg-bench.cpw');
    const team = `${server.url}?workbook=bench`;
    for (const at of [file, team]) {
      cpw(['new', at]);
      cpw(['import', at, sheet, '--period', 'Q1']);
    }
    const reportFile = await time(() => cpw(['report', file, '--json']), 5, 1);
    const reportPg = await time(() => cpw(['report', team, '--json']), 5, 1);
    add('report-100k-postgres', reportPg, reportFile, 2, 'ms', 'cpw report --json of the same 100,000 accounts in a file');

    let n = 0;
    const importFile = await time(() => {
      const at = join(dir, `pg-import-${n++}.cpw`);
      cpw(['new', at]);
      cpw(['import', at, sheet, '--period', 'Q1']);
    }, 3, 1);
    const importPg = await time(() => {
      const at = `${server.url}?workbook=import_${n++}`;
      cpw(['new', at]);
      cpw(['import', at, sheet, '--period', 'Q1']);
    }, 3, 1);
    add('import-100k-postgres', importPg, importFile, 2, 'ms', 'cpw new and import of the same 100,000 accounts into a file');

    // A million lines over the 100,000 accounts: the ERP export of a year of orders.
    const lines = join(dir, 'lines.csv');
    const out = ['account,quantity'];
    for (let k = 0; k < 1_000_000; k++) out.push(`"${accounts[(k * 7919) % accounts.length]}",${1 + (k % 9)}`);
    writeFileSync(lines, out.join('\n'));
    const pools = join(dir, 'pools.csv');
    writeFileSync(pools, 'pool,cost,capacityMinutes,bucket\nFulfilment,2500000,60000000,distribution\n');
    const activities = join(dir, 'activities.csv');
    writeFileSync(activities, 'pool,activity,minutesPerUnit\nFulfilment,Order lines,6\n');
    const load = (at: string) => () => cpw(['pools', at, '--period', 'Q1', '--pools', pools, '--activities', activities, '--lines', lines, '--activity', 'Order lines', '--sum-column', 'quantity']);
    const linesFile = await time(load(file), 3, 1);
    const linesPg = await time(load(team), 3, 1);
    add('lines-1m-postgres', linesPg, linesFile, 2, 'ms', 'cpw pools --lines of the same 1,000,000 lines into a file');
  } finally {
    server.stop();
  }
}

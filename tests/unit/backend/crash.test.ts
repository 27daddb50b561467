import Database from 'better-sqlite3';
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, statSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../../electron/backend/db/connection';
import { seededRandom } from '../../../shared/random';
import { csvOf, generatePortfolio } from '../../bench/portfolio';
import { cpw, ROOT, useTempDir } from '../../helpers';

// Crash safety (issue 10, item 1; issue 17): the real cpw, SIGKILLed at a random moment of an import or of an
// edit that first migrates an old workbook, 100 times. After each kill a plain `cpw report` (or `cpw assume`)
// reads it with no manual step, `cpw check` (in a quarter of the runs `cpw check --repair`) passes it without
// restoring any copy, every period committed before is there whole, and the interrupted action is all or none.

const RUNS = 100;
const IMPORT_ROWS = 5_000;
const NEW_RATE = 1234;

/**
 * When to kill: `ms` after the start; `ms` after SQLite's rollback journal
 * appears beside the workbook (the moment a write transaction begins, so the
 * kill lands inside the writing rather than in Node's start-up); or at once
 * when the workbook file itself changes while its journal is there (the
 * commit writing the file, when only the journal can undo what is written).
 */
type Kill = { after: number } | { afterJournalOf: string; after: number } | { inCommitOf: string };

/** Longer than any one cpw run takes here, even loaded: a run past it is stuck, and is named rather than left to time the test out. */
const STUCK_MS = 120_000;

class Stuck extends Error {}

/** Run cpw on its own; SIGKILL it as `kill` says. Resolves how it ended. */
function runAndKill(args: string[], kill: Kill): Promise<'finished' | 'killed'> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    let watcher: FSWatcher | undefined;
    const child = spawn(process.execPath, [join(ROOT, 'electron', 'cli', 'bin.cjs'), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const stuck = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Stuck(`cpw ${args.join(' ')} did not end in ${STUCK_MS / 1000} s (kill planned: ${JSON.stringify(kill)}); it wrote: ${stderr.slice(-2000)}`));
    }, STUCK_MS);
    const killLater = () => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), 'after' in kill ? kill.after : 0);
    };
    if ('afterJournalOf' in kill) {
      const journal = `${basename(kill.afterJournalOf)}-journal`;
      watcher = watch(dirname(kill.afterJournalOf), (_event, file) => {
        if (file === journal) killLater();
      });
    } else if ('inCommitOf' in kill) {
      const name = basename(kill.inCommitOf);
      let journalSeen = false;
      watcher = watch(dirname(kill.inCommitOf), (_event, file) => {
        if (file === `${name}-journal`) journalSeen = true;
        else if (file === name && journalSeen) child.kill('SIGKILL');
      });
    } else killLater();
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(stuck);
      watcher?.close();
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve('finished');
      else reject(new Error(`cpw ${args[0]} failed with ${code}: ${stderr.slice(-2000)}`));
    });
  });
}

/** cpw, as the user runs it after the crash; one stuck past STUCK_MS is ended and named. */
function cpwAfter(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(ROOT, 'electron', 'cli', 'bin.cjs'), ...args], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024, timeout: STUCK_MS, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      if (error?.killed) reject(new Stuck(`cpw ${args.join(' ')} did not end in ${STUCK_MS / 1000} s; it wrote: ${stderr.slice(-2000)}`));
      else resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

async function wallTime(args: string[]): Promise<number> {
  const t = performance.now();
  expect(await runAndKill(args, { after: 600_000 })).toBe('finished');
  return performance.now() - t;
}

describe(`crash safety: cpw killed at random ${RUNS} times`, () => {
  const tmp = useTempDir();

  it('every killed workbook opens, passes the check, and holds all of the action or none of it', async () => {
    const dir = tmp();
    // An import of 5,000 rows into a new period of the sample.
    const sample = join(dir, 'sample.cpw');
    expect((await cpw(['new', sample, '--sample'])).code).toBe(0);
    const csv = join(dir, 'in.csv');
    const rows = generatePortfolio(IMPORT_ROWS, 7);
    writeFileSync(csv, csvOf(rows));
    const revenue = rows.reduce((s, r) => s + r.revenue, 0);
    // An edit of the assumptions on a workbook of schema 0, which opening for the edit first migrates.
    const old = join(dir, 'old.cpw');
    const db = new Database(old);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec('CREATE TABLE scratch (x)');
    db.close();

    const actions = {
      import: { base: sample, args: (p: string) => ['import', p, csv, '--period', 'Crash'] },
      migrateAndEdit: { base: old, args: (p: string) => ['assume', p, `dailyRate=${NEW_RATE}`] },
    };
    const sampleCheck = JSON.parse((await cpw(['check', sample, '--json'])).stdout) as { periods: { label: string; rows: number }[] };
    const samplePeriods = sampleCheck.periods;
    expect(samplePeriods.length).toBe(4);
    const spans = {
      import: await wallTime(actions.import.args(join(dir, 'probe-import.cpw')).map((a) => (a.endsWith('probe-import.cpw') ? copy(sample, a) : a))),
      migrateAndEdit: await wallTime(actions.migrateAndEdit.args(join(dir, 'probe-old.cpw')).map((a) => (a.endsWith('probe-old.cpw') ? copy(old, a) : a))),
    };

    const rnd = seededRandom(20_261_201);
    const tally = { runs: 0, killed: 0, finished: 0, midWrite: 0, hot: 0, readFailures: 0, checkFailures: 0, repairs: 0, restored: 0, lostPeriods: 0, partial: 0, all: 0, none: 0 };
    const stuck: string[] = [];
    for (let k = 0; k < RUNS; k++) {
      const which = k % 2 === 0 ? 'import' : 'migrateAndEdit';
      const path = copy(actions[which].base, join(dir, `run-${k}.cpw`));
      // Half the kills at a random moment from a third into the run to well past the probe's length (a loaded
      // machine runs slower than the probe did, so some must come late enough to find the action finished), a
      // quarter within a few milliseconds of a write transaction beginning, a quarter as the commit writes the file.
      const kill: Kill = k % 4 < 2 ? { after: (0.3 + 1.5 * rnd()) * spans[which] } : k % 4 === 2 ? { afterJournalOf: path, after: 15 * rnd() } : { inCommitOf: path };
      // A run that never ends is named, not left to time the whole test out.
      const named = (e: unknown) => {
        if (!(e instanceof Stuck)) throw e;
        stuck.push(`run ${k} (${which}): ${e.message}`);
        return null;
      };
      const ended = await runAndKill(actions[which].args(path), kill).catch(named);
      if (ended === null) continue;
      tally.runs++;
      tally[ended]++;
      // A journal left behind: the kill fell inside a transaction. SQLite's own verdict says whether the file
      // was already written, so that only the journal can undo it (hot).
      if (existsSync(`${path}-journal`) && statSync(`${path}-journal`).size > 0) tally.midWrite++;
      if (hotJournal(path)) tally.hot++;
      // A plain read, as a user would run it after the crash: no manual step, the last committed state. Then the
      // check, at the same time (a second process meeting the same journal), or in every fourth run, after the
      // read, the repair, which must find nothing to restore.
      const repair = k % 8 >= 6;
      const reading = which === 'import' ? cpwAfter(['report', path, '--json']) : cpwAfter(['assume', path, '--json']);
      const checking = repair ? reading.then(() => cpwAfter(['check', path, '--json', '--repair'])) : cpwAfter(['check', path, '--json']);
      const both = await Promise.all([reading, checking]).catch(named);
      if (both === null) continue;
      const [read, checked] = both;
      if (read.code !== 0) {
        tally.readFailures++;
        console.log(`run ${k} (${which}, ${ended}): the read failed: ${read.stderr}`);
        continue;
      }
      const report = JSON.parse(checked.stdout) as { ok: boolean; problems: string[]; periods: { label: string; rows: number }[]; restoredFrom?: string };
      if (repair) tally.repairs++;
      if (report.restoredFrom) tally.restored++;
      if (checked.code !== 0 || !report.ok) {
        tally.checkFailures++;
        console.log(`run ${k} (${which}, ${ended}): ${report.problems.join('; ')}`);
        continue;
      }
      let outcome: 'all' | 'none' | 'partial';
      if (which === 'import') {
        // Every period committed before the import is there, whole; the import's own period all or nothing.
        const held = new Map(report.periods.map((p) => [p.label, p.rows]));
        if (samplePeriods.some((p) => held.get(p.label) !== p.rows)) tally.lostPeriods++;
        const crash = held.get('Crash');
        const latest = JSON.parse(read.stdout) as { period: string; accounts: { revenue: number }[] };
        const whole = latest.period === 'Crash' && latest.accounts.reduce((sum, a) => sum + a.revenue, 0) === revenue;
        outcome = crash === undefined ? 'none' : crash === IMPORT_ROWS && whole ? 'all' : 'partial';
      } else {
        const rate = (JSON.parse(read.stdout) as { dailyRate: number }).dailyRate;
        outcome = rate === NEW_RATE ? 'all' : rate === 1000 ? 'none' : 'partial';
      }
      tally[outcome]++;
      if (ended === 'finished') expect(outcome, `run ${k} finished but holds ${outcome}`).toBe('all');
    }
    console.log(`crash harness: ${JSON.stringify(tally)}`);
    expect(stuck, 'cpw runs that never ended').toEqual([]);
    expect(tally).toMatchObject({ runs: RUNS, readFailures: 0, checkFailures: 0, restored: 0, lostPeriods: 0, partial: 0 });
    // The kills fell across the actions' lives: some before they wrote, some after, and most runs were killed.
    expect(tally.killed).toBeGreaterThan(RUNS / 2);
    expect(tally.none).toBeGreaterThan(0);
    expect(tally.midWrite).toBeGreaterThan(RUNS / 5);
    expect(tally.hot).toBeGreaterThan(RUNS / 20);
    expect(tally.all).toBeGreaterThan(0);
    expect(tally.repairs).toBeGreaterThan(RUNS / 5);
  }, 900_000);
});

/** SQLite's verdict on the journal beside a file: hot when a read-only connection cannot read without rolling it back. */
function hotJournal(path: string): boolean {
  const db = new Database(path, { readonly: true });
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return false;
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_READONLY_ROLLBACK') return true;
    throw e;
  } finally {
    db.close();
  }
}

function copy(from: string, to: string): string {
  copyFileSync(from, to);
  return to;
}

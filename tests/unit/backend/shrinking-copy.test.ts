import { spawn } from 'node:child_process';
import { statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, useTempDir } from '../../helpers';

// Found by the crash harness in CI: `cpw assume` read a workbook while `cpw check` rolled its journal back,
// which truncates the file; the reader's copy of it (copyFileSync) never ended, spinning at full CPU for good,
// because Node 20's copy loop waits for the bytes of the size it read at the start.

const SIZE = 256 * 1024 * 1024;
const SHRUNK = 8192;

describe('copying a workbook another process shrinks', () => {
  const tmp = useTempDir();

  it('reads it to where it ends then and returns', async () => {
    const dir = tmp();
    const src = join(dir, 'workbook.cpw');
    const dst = join(dir, 'copy.cpw');
    writeFileSync(src, Buffer.alloc(SIZE, 1));
    // The copies run back to back in a process of their own, so one that never ends is stopped and fails the test;
    // once the file is small they stop.
    const copier = `import { statSync } from 'node:fs';
      import { copyAsItIs } from ${JSON.stringify(join(ROOT, 'electron', 'backend', 'db', 'journal.ts'))};
      console.log('copying');
      let after = 0;
      while (after < 3) { copyAsItIs(process.argv[1], process.argv[2]); if (statSync(process.argv[1]).size <= ${SHRUNK}) after++; }
      console.log('done');`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', './tests/sql-hooks.mjs', '--input-type=module', '-e', copier, src, dst], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const ended = new Promise<'ended' | 'stuck'>((resolve) => {
      const stuck = setTimeout(() => {
        child.kill('SIGKILL');
        resolve('stuck');
      }, 30_000);
      child.on('exit', () => {
        clearTimeout(stuck);
        resolve('ended');
      });
    });
    // A rollback's truncation, landing in the middle of a copy.
    child.stdout.on('data', (d: Buffer) => {
      if (!stdout.includes('copying') && (stdout += d.toString()).includes('copying')) setTimeout(() => truncateSync(src, SHRUNK), 150);
      else stdout += d.toString();
    });
    expect(await ended, 'the copy never ended').toBe('ended');
    expect(stdout, stderr).toContain('done');
    expect(statSync(dst).size).toBe(SHRUNK);
  }, 60_000);
});

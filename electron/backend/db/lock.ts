import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { CpwError } from '../../../shared/ipc/errors';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export function lockPathOf(workbookPath: string): string {
  return `${workbookPath}.lock`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

/** A lock whose holder is gone: same host and no such process. Another host's lock cannot be checked, so it stands. */
function isStale(owner: LockOwner | null): boolean {
  return owner !== null && owner.host === hostname() && !isAlive(owner.pid);
}

export interface WriterLock {
  release(): void;
}

/**
 * Take the one-writer lock of a workbook: a `FILE.lock` beside it naming the
 * holder's pid and host. It is created whole with link(2), so two processes
 * cannot both win. A lock whose process is gone (a crash, kill -9) is taken
 * over at once; a live holder's lock is refused with a message naming it.
 */
export function acquireWriterLock(workbookPath: string): WriterLock {
  const lockPath = lockPathOf(workbookPath);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const tmp = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(tmp, JSON.stringify(me));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(tmp, lockPath);
        return { release: () => releaseIfMine(lockPath, me) };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const owner = readOwner(lockPath);
      if (!isStale(owner)) {
        const who = owner ? `process ${owner.pid} on ${owner.host} since ${owner.since}` : 'another process';
        throw new CpwError(
          'LOCKED',
          `${workbookPath} is open for editing in another window or process (${who}); close it there, or open this one read-only`,
          { file: workbookPath },
        );
      }
      // Move the stale lock aside first: only one contender's rename succeeds.
      const aside = `${tmp}.stale`;
      try {
        renameSync(lockPath, aside);
        unlinkSync(aside);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
    }
    throw new CpwError('LOCKED', `${workbookPath} is being opened by another process; try again`, { file: workbookPath });
  } finally {
    unlinkSync(tmp);
  }
}

function releaseIfMine(lockPath: string, me: LockOwner): void {
  const owner = readOwner(lockPath);
  if (owner && owner.pid === me.pid && owner.host === me.host && owner.since === me.since) {
    try {
      unlinkSync(lockPath);
    } catch {
      // Already gone: nothing to release.
    }
  }
}

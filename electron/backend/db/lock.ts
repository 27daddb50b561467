import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { CpwError } from '../../../shared/ipc/errors';
import { placeFailure } from './place';

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
  try {
    try {
      writeFileSync(tmp, JSON.stringify(me));
    } catch (e) {
      // A full disk leaves the file made but empty: it goes with the refusal.
      throw placeFailure(e, workbookPath, 'taking the lock to edit it');
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(tmp, lockPath);
        return { release: () => releaseIfMine(lockPath, me) };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw placeFailure(e, workbookPath, 'taking the lock to edit it');
      }
      const owner = readOwner(lockPath);
      if (!isStale(owner)) throw lockedBy(workbookPath, owner);
      // Move the stale lock aside first: only one contender's rename succeeds.
      const aside = `${tmp}.stale`;
      try {
        renameSync(lockPath, aside);
        rmSync(aside, { force: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw placeFailure(e, workbookPath, 'taking over the lock of a process that is gone');
      }
    }
    throw new CpwError('LOCKED', `${workbookPath} is being opened by another process; try again`, { file: workbookPath });
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Who holds the lock, for a refusal: a live process, named. */
export function lockHolder(workbookPath: string): string | null {
  const owner = readOwner(lockPathOf(workbookPath));
  return owner === null || isStale(owner) ? null : describe(owner);
}

const describe = (owner: LockOwner) => `process ${owner.pid} on ${owner.host} since ${owner.since}`;

function lockedBy(workbookPath: string, owner: LockOwner | null): CpwError {
  const who = owner ? describe(owner) : 'another process';
  return new CpwError(
    'LOCKED',
    `${workbookPath} is open for editing in another window or process (${who}); close it there, or open this one read-only`,
    { file: workbookPath, holder: who },
  );
}

function releaseIfMine(lockPath: string, me: LockOwner): void {
  const owner = readOwner(lockPath);
  if (owner && owner.pid === me.pid && owner.host === me.host && owner.since === me.since) {
    try {
      rmSync(lockPath, { force: true });
    } catch {
      // A folder that turned read-only: the lock stays, and the next opener finds its holder gone.
    }
  }
}

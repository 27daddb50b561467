import { randomUUID } from 'node:crypto';
import { currentPerson } from '../actor';
import { CpwError } from '../../../shared/ipc/errors';
import type { SourceFile } from './table';

const PER_PERSON = 3;
const TOTAL_BYTES = 1024 * 1024 * 1024;
const KEPT_MS = 60 * 60 * 1000;

interface Staged extends SourceFile {
  owner: string;
  at: number;
}

/**
 * Files the window sent once and then names by id: the import wizard's
 * previews and its commit read the file the user picked without sending it
 * again (at 100,000 rows a second trip was seconds and another copy in
 * memory). An id is unguessable and only its sender's: another person of a
 * team server, knowing it, is still refused. Bounded: the oldest go first,
 * a few per person, a gibibyte in all, an hour each.
 */
export class StagedFiles {
  private readonly files = new Map<string, Staged>();

  constructor(private readonly now: () => number = Date.now) {}

  put(file: SourceFile): string {
    this.expire();
    const owner = ownerOfCall();
    const mine = [...this.files].filter(([, f]) => f.owner === owner);
    for (const [id] of mine.slice(0, Math.max(0, mine.length - PER_PERSON + 1))) this.files.delete(id);
    let total = file.bytes.length + [...this.files.values()].reduce((n, f) => n + f.bytes.length, 0);
    for (const [id, f] of this.files) {
      if (total <= TOTAL_BYTES) break;
      this.files.delete(id);
      total -= f.bytes.length;
    }
    const id = randomUUID();
    this.files.set(id, { ...file, owner, at: this.now() });
    return id;
  }

  get(id: string): SourceFile {
    this.expire();
    const f = this.files.get(id);
    if (!f || f.owner !== ownerOfCall()) {
      throw new CpwError('INVALID_INPUT', `staged file ${id} is not here (it is kept for an hour, and only for whoever sent it): pick the file again`, { field: 'source.staged' });
    }
    return { name: f.name, bytes: f.bytes };
  }

  drop(id: string): void {
    if (this.files.get(id)?.owner === ownerOfCall()) this.files.delete(id);
  }

  private expire(): void {
    const now = this.now();
    for (const [id, f] of this.files) if (now - f.at > KEPT_MS) this.files.delete(id);
  }
}

/** The team server's person, or the one person of the desktop app, browser mode and the command line. */
function ownerOfCall(): string {
  return currentPerson()?.name ?? '';
}

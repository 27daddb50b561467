import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { outputFailure } from './db/place';

/**
 * The person's small JSON files (recent.json, settings.json). They are theirs
 * to edit or damage, so a missing or unreadable file reads as an empty object
 * and each caller keeps what is still good of it.
 */
export function readStateFile(file: string): Record<string, unknown> {
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Written whole under a temporary name and renamed, so a crash mid-write
 * never leaves half a file; a read-only or full disk is refused in words,
 * the temporary file removed.
 */
export function writeStateFile(file: string, value: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw outputFailure(e, file);
  }
}

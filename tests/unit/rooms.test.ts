import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHODS } from '../../shared/ipc/contract';
import { ROOT } from '../helpers';

// Issue 18, item 4: rooms that say what they hold. Handler files are named by their methods' prefix, and no
// source file grows past 300 lines (a file that long holds more than one job).

function files(dir: string, keep: (f: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : files(path, keep);
    return keep(path) ? [path] : [];
  });
}

describe('the rooms of the house', () => {
  it("each handler file holds the methods of its own prefix, and every method has its file", () => {
    const dir = join(ROOT, 'electron', 'backend', 'handlers');
    const seen: string[] = [];
    for (const file of files(dir, (f) => f.endsWith('.ts') && !f.endsWith('types.ts'))) {
      const prefix = basename(file, '.ts');
      const methods = [...readFileSync(file, 'utf8').matchAll(/^ {2}'([a-zA-Z]+)\.([a-zA-Z]+)':/gm)].map((m) => `${m[1]}.${m[2]}`);
      expect(methods.length, file).toBeGreaterThan(0);
      for (const m of methods) expect(m.split('.')[0], `${m} in ${basename(file)}`).toBe(prefix);
      seen.push(...methods);
    }
    expect(seen.sort()).toEqual([...METHODS].sort());
  });

  it('no source file is over 300 lines (tests aside)', () => {
    const source = ['electron', 'shared', 'renderer', 'scripts'].flatMap((d) => files(join(ROOT, d), (f) => /\.(ts|tsx|mjs)$/.test(f) && !f.endsWith('.d.ts')));
    const long = source.map((f) => [relative(ROOT, f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 300);
    expect(long).toEqual([]);
  });
});

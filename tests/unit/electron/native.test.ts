import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NATIVE_BINDING_FILE, nativeBindingPath, electronSqlite } from '../../../electron/main/native';
import { useTempDir } from '../../helpers';

describe('the Electron build of better-sqlite3', () => {
  const tmp = useTempDir();

  it('is looked for in the resources folder of a packaged app, and in dist/native from a checkout', () => {
    expect(nativeBindingPath({ packaged: true, resourcesPath: '/opt/CPW/resources', bundleDir: '/ignored' })).toBe(
      join('/opt/CPW/resources', 'native', 'better_sqlite3.node'),
    );
    expect(nativeBindingPath({ packaged: false, resourcesPath: '/ignored', bundleDir: '/src/cpw/dist/electron' })).toBe(
      join('/src/cpw/dist', 'native', 'better_sqlite3.node'),
    );
  });

  it('never points at the node_modules build that the tests and the CLI load', () => {
    for (const packaged of [true, false]) {
      const path = nativeBindingPath({ packaged, resourcesPath: '/r', bundleDir: '/src/cpw/dist/electron' });
      expect(path).not.toMatch(/node_modules/);
    }
  });

  it("is the backend's nativeBinding option when the file is there", () => {
    const dir = join(tmp(), 'native');
    mkdirSync(dir);
    const path = join(dir, NATIVE_BINDING_FILE);
    writeFileSync(path, 'not really an addon');
    expect(electronSqlite(path)).toEqual({ nativeBinding: path, warning: null });
  });

  it('is not given when missing, with a warning naming the file', () => {
    const path = join(tmp(), 'native', NATIVE_BINDING_FILE);
    const chosen = electronSqlite(path);
    expect(chosen.nativeBinding).toBeNull();
    expect(chosen.warning).toContain(path);
  });
});

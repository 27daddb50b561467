import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * DESIGN.md, "Packaging": the app loads a better-sqlite3 addon built for
 * Electron's ABI from a folder of its own, through better-sqlite3's
 * `nativeBinding` option, so the build in node_modules stays the Node one
 * that the tests and the cpw command line load. Rebuilding node_modules in
 * place for Electron would break them, and the other way round.
 */
export const NATIVE_BINDING_FILE = 'better_sqlite3.node';

export interface NativeLocation {
  /** app.isPackaged */
  packaged: boolean;
  /** process.resourcesPath: electron-builder's extraResources land here. */
  resourcesPath: string;
  /** The folder of the bundled main file (dist/electron). */
  bundleDir: string;
}

/** Packaged: <resources>/native/; from a checkout: dist/native/, beside dist/electron/. */
export function nativeBindingPath(where: NativeLocation): string {
  return where.packaged
    ? join(where.resourcesPath, 'native', NATIVE_BINDING_FILE)
    : join(where.bundleDir, '..', 'native', NATIVE_BINDING_FILE);
}

/**
 * The Electron build of better-sqlite3 for the backend's `nativeBinding`
 * option, when it is there; else a warning saying why the default build will
 * be loaded instead (a first database open would then fail with an ABI
 * mismatch, and the message would show in the window's error dialog).
 */
export function electronSqlite(path: string, exists: (path: string) => boolean = existsSync): { nativeBinding: string | null; warning: string | null } {
  if (!exists(path)) return { nativeBinding: null, warning: `${path} is missing (build it for Electron first): better-sqlite3 loads its default (Node) build` };
  return { nativeBinding: path, warning: null };
}

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

/** The backend's hook that makes every `new Database(...)` pass `nativeBinding`. */
export type SetNativeBinding = (path: string) => void;

/**
 * Point the backend at the Electron build before anything opens a database.
 * Returns null when done, or a warning saying why the default build will be
 * loaded instead (a first database open would then fail with an ABI
 * mismatch, and the message would show in the window's error dialog).
 */
export function useElectronSqlite(
  path: string,
  setNativeBinding: SetNativeBinding | undefined,
  exists: (path: string) => boolean = existsSync,
): string | null {
  if (!setNativeBinding) return 'the backend offers no setNativeBinding hook: better-sqlite3 loads its default (Node) build';
  if (!exists(path)) return `${path} is missing (build it for Electron first): better-sqlite3 loads its default (Node) build`;
  setNativeBinding(path);
  return null;
}

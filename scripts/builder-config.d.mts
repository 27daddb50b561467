// Types for builder-config.mjs, which stays plain JS so `npm run dist:check` runs with node alone.

/** electron-builder.yml as loaded: only the parts the checks read are typed. */
export interface BuilderConfig {
  [key: string]: unknown;
  directories?: { buildResources?: string; output?: string };
  icon?: string;
  files?: (string | Record<string, unknown>)[];
  asar?: boolean;
  asarUnpack?: string | string[];
  npmRebuild?: boolean;
  publish?: unknown;
  extraResources?: (string | { from: string; to?: string })[];
  fileAssociations?: FileAssociation[];
  electronFuses?: Record<string, boolean>;
  linux?: PlatformConfig & { maintainer?: string; executableName?: string; synopsis?: string; description?: string; mimeTypes?: string[] };
  win?: PlatformConfig;
  mac?: PlatformConfig;
  nsis?: Record<string, unknown>;
}
export interface PlatformConfig {
  [key: string]: unknown;
  icon?: string;
  target?: unknown;
  fileAssociations?: FileAssociation[];
}
export interface FileAssociation {
  ext: string | string[];
  name?: string;
  description?: string;
  mimeType?: string;
  role?: string;
  icon?: string;
}
export interface PackageJson {
  [key: string]: unknown;
  main?: string;
  homepage?: string;
  author?: { name?: string; email?: string };
  scripts?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}
export interface Check {
  name: string;
  /** Empty when the check passes. */
  problems: string[];
}

export const ROOT: string;
export const SQLITE_ADDON: string;
export const EXPECTED_FUSES: Readonly<Record<string, boolean>>;
export function loadConfig(root?: string): BuilderConfig;
export function loadPackage(root?: string): PackageJson;
export function distSteps(pkg: PackageJson): string[];
export function resourceProblem(name: string, config: BuilderConfig, pkg: PackageJson, root?: string): string | null;
export function namedFiles(config: BuilderConfig, pkg: PackageJson): [what: string, name: string][];
export function isPacked(config: BuilderConfig, relativePath: string, root?: string): boolean;
export function isUnpacked(config: BuilderConfig, relativePath: string, root?: string): boolean;
export function pngSize(bytes: Buffer): { width: number; height: number } | null;
export function checkBuilderConfig(options?: { root?: string; config?: BuilderConfig; pkg?: PackageJson }): Promise<Check[]>;
export function report(checks: Check[]): string;

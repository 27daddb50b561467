import type { Method } from './contract';

/**
 * Methods whose input names a file on the backend's own disk: a workbook to
 * open or make, a file to write. The command line and the desktop shell's
 * own menus and dialogs call them; a window never does (it sends bytes and
 * receives downloads), so a caller that reaches the backend through a window's
 * transport (HTTP in browser mode, IPC from the renderer) is refused them.
 */
export const SERVER_PATH_METHODS: ReadonlySet<Method> = new Set<Method>([
  'workbook.create',
  'workbook.open',
  'workbook.saveAs',
  'workbook.check',
  'workbook.copy',
  'workbook.backups',
  'report.pdf',
  'export.sheet',
  'export.template',
]);

/** Whether a value holds, at any depth, an import source given by path (`{ file: "..." }`) rather than by content. */
function holdsFilePath(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object' || depth > 4) return false;
  if (Array.isArray(value)) return value.some((v) => holdsFilePath(v, depth + 1));
  const record = value as Record<string, unknown>;
  if ('file' in record && record.file !== undefined) return true;
  return Object.values(record).some((v) => holdsFilePath(v, depth + 1));
}

/** Whether this call names a path on the backend's disk: always for the methods above, and for any import given a file. */
export function namesServerPath(method: string, input: unknown): boolean {
  return SERVER_PATH_METHODS.has(method as Method) || holdsFilePath(input);
}

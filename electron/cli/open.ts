import type { WorkbookInfo } from '../../shared/ipc/contract';
import type { Client } from '../../shared/ipc/client';
import type { Io } from './args';

/**
 * Open the workbook a command works on. What opening had to do (an
 * interrupted save rolled back) is said on stderr, so that --json output
 * stays the JSON alone.
 */
export async function openWorkbookFor(client: Client, io: Io, path: string, readOnly: boolean): Promise<WorkbookInfo> {
  const info = await client.call('workbook.open', { path, readOnly });
  for (const note of info.notes) io.err(`${path}: ${note}`);
  return info;
}

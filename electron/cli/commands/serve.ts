import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CpwError } from '../../../shared/ipc/errors';
import { startHttpHost } from '../../backend/http-host';
import { flag, type Command } from '../args';
import { openWorkbookFor } from '../open';

/** The built renderer sits beside the CLI bundle: dist/cpw.mjs and dist/renderer/. */
export function rendererRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'renderer');
}

export const serveCommand: Command = {
  summary: 'open a workbook in browser mode (the window, served on 127.0.0.1)',
  usage: `cpw serve FILE [--read-only] [--profile DIR]

Serve the workbench window and its RPC on 127.0.0.1 only, on a random port,
behind a random token, and print the address to open:
http://127.0.0.1:PORT/?token=TOKEN
Edits are saved to FILE as they happen. Stop with Ctrl+C.
--profile DIR keeps your settings (theme, number format), your recent
workbooks and the sample in DIR, and shows the welcome screen the first
time; \`npm start\` passes the desktop app's own folder.`,
  options: { 'read-only': { type: 'boolean' }, profile: { type: 'string' } },
  positionals: [1, 1],
  async run(args, client, io, backend) {
    const file = args.positionals[0]!;
    const root = rendererRoot();
    if (!existsSync(join(root, 'index.html'))) {
      throw new CpwError('FILE_NOT_FOUND', `the window is not built (${root} has no index.html): run \`npm run build\``);
    }
    try {
      await openWorkbookFor(client, io, file, flag(args, 'read-only'));
    } catch (e) {
      // A file this user cannot write is still theirs to look at: served read-only, and said so.
      if (!(e instanceof CpwError) || e.code !== 'UNWRITABLE') throw e;
      io.err(`${e.message}\nServing it read-only: edits are refused until it can be written.`);
      await openWorkbookFor(client, io, file, true);
    }
    const host = await startHttpHost({ root, backend });
    io.err(`Serving ${file} in browser mode. Open this address (Ctrl+C stops):`);
    io.out(host.url);
    // `on`, not `once`: Ctrl+C under `npm start` reaches us twice (the terminal's and the launcher's), and the
    // second must not kill the process before it has closed the workbook and released its lock.
    await new Promise<void>((stop) => {
      process.on('SIGINT', () => stop());
      process.on('SIGTERM', () => stop());
    });
    await host.close();
    return 0;
  },
};

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CpwError } from '../../../shared/ipc/errors';
import { startHttpHost } from '../../backend/http-host';
import { flag, str, UsageError, type Command, type Io, type Parsed } from '../args';
import { isPgLocation, redactPasswords } from '../../backend/db/pg/location';
import { isLoopback, startTeamServer } from '../../backend/team/server';
import { openWorkbookFor } from '../open';

/** The built renderer sits beside the CLI bundle: dist/cpw.mjs and dist/renderer/. */
export function rendererRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'renderer');
}

export const serveCommand: Command = {
  summary: 'open a workbook in browser mode (the window, served on 127.0.0.1)',
  usage: `cpw serve FILE [--read-only] [--profile DIR]
cpw serve postgresql://...?workbook=NAME [--listen HOST:PORT | --port P]
          [--tls-cert FILE --tls-key FILE | --insecure]

Serve the workbench window and its RPC on 127.0.0.1 only, on a random port,
behind a random token, and print the address to open:
http://127.0.0.1:PORT/?token=TOKEN
Edits are saved to FILE as they happen. Stop with Ctrl+C.
--profile DIR keeps your settings (theme, number format), your recent
workbooks and the sample in DIR, and shows the welcome screen the first
time; \`npm start\` passes the desktop app's own folder.

On a PostgreSQL address it is the team server: the window and the RPC of
that workbook to everyone with a sign-in token (cpw users add), each call as
its person and held to their role by PostgreSQL's row-level security, other
people's changes sent live to every open window. It listens on 127.0.0.1
(port 8787, or --port) unless --listen names another address, which needs
TLS (--tls-cert and --tls-key, PEM files) or an explicit --insecure.`,
  options: {
    'read-only': { type: 'boolean' },
    profile: { type: 'string' },
    listen: { type: 'string' },
    port: { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    insecure: { type: 'boolean' },
  },
  positionals: [1, 1],
  async run(args, client, io, backend) {
    const file = args.positionals[0]!;
    const root = rendererRoot();
    if (!existsSync(join(root, 'index.html'))) {
      throw new CpwError('FILE_NOT_FOUND', `the window is not built (${root} has no index.html): run \`npm run build\``);
    }
    if (isPgLocation(file)) return serveTeam(args, io, file, root);
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
    await untilStopped();
    await host.close();
    return 0;
  },
};

/** Where the team server listens: loopback unless told, and never beyond it in clear text without --insecure. */
export function teamListen(args: Parsed): { host: string; port: number; tls?: { cert: string; key: string }; warning?: string } {
  const listen = str(args, 'listen');
  const portText = str(args, 'port');
  if (listen !== undefined && portText !== undefined) throw new UsageError('give --listen HOST:PORT or --port P, not both');
  let host = '127.0.0.1';
  let port = 8787;
  if (listen !== undefined) {
    const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(listen);
    if (!m) throw new UsageError(`--listen takes HOST:PORT (e.g. 0.0.0.0:8443), not "${listen}"`);
    host = m[1]!.replace(/^\[|\]$/g, '');
    port = Number(m[2]);
  } else if (portText !== undefined) port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`the port must be a number from 0 to 65535, not "${listen ?? portText}"`);
  const cert = str(args, 'tls-cert');
  const key = str(args, 'tls-key');
  if ((cert === undefined) !== (key === undefined)) throw new UsageError('--tls-cert and --tls-key go together');
  const tls = cert !== undefined && key !== undefined ? { cert, key } : undefined;
  if (!isLoopback(host) && !tls) {
    if (!flag(args, 'insecure')) {
      throw new UsageError(`listening on ${host} reaches other computers: give --tls-cert and --tls-key (the company's certificate), put it behind a reverse proxy that speaks TLS and keep it on 127.0.0.1, or say --insecure`);
    }
    return { host, port, warning: `--insecure: the team's sign-in tokens and every figure cross the network in clear text on ${host}:${port}; anyone on the way can read them and act as the people they belong to` };
  }
  return { host, port, tls };
}

async function serveTeam(args: Parsed, io: Io, location: string, root: string): Promise<number> {
  const { host, port, tls, warning } = teamListen(args);
  if (warning) io.err(warning);
  const server = await startTeamServer({ location, root, host, port, tls });
  io.err(`Team server for ${redactPasswords(location)}. Each person opens this address with their sign-in token (cpw users add), as ?token=TOKEN or in the sign-in box (Ctrl+C stops):`);
  io.out(server.url);
  await untilStopped();
  await server.close();
  return 0;
}

/**
 * Until Ctrl+C or a TERM. `on`, not `once`: Ctrl+C under `npm start` reaches us twice (the terminal's and the
 * launcher's), and the second must not kill the process before it has closed the workbook and released its lock.
 */
function untilStopped(): Promise<void> {
  return new Promise<void>((stop) => {
    process.on('SIGINT', () => stop());
    process.on('SIGTERM', () => stop());
  });
}

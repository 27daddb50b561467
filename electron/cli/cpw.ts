import { createClient, type Client } from '../../shared/ipc/client';
import { CpwError } from '../../shared/ipc/errors';
import { createBackend, type Backend } from '../backend/dispatch';
import { redactPasswords } from '../backend/db/pg/location';
import { parse, str, UsageError, type Command, type Io } from './args';
import { assumeCommand } from './commands/assume';
import { checkCommand } from './commands/check';
import { copyCommand } from './commands/copy';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { newCommand } from './commands/new';
import { fillCommand, planCommand } from './commands/plan';
import { allocateCommand, poolsCommand } from './commands/pools';
import { precallCommand } from './commands/precall';
import { reportCommand } from './commands/report';
import { scenarioCommand } from './commands/scenario';
import { serveCommand } from './commands/serve';
import { usersCommand } from './commands/users';
import { logCommand } from './commands/log';
import { version } from '../../package.json';

export const COMMANDS: Record<string, Command> = {
  new: newCommand,
  import: importCommand,
  plan: planCommand,
  fill: fillCommand,
  export: exportCommand,
  report: reportCommand,
  assume: assumeCommand,
  precall: precallCommand,
  scenario: scenarioCommand,
  pools: poolsCommand,
  allocate: allocateCommand,
  check: checkCommand,
  copy: copyCommand,
  serve: serveCommand,
  users: usersCommand,
  log: logCommand,
};

function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'cpw: the Customer Profitability Workbench on the command line',
    '',
    'Usage: cpw COMMAND FILE [options]      cpw COMMAND --help for one command',
    '',
    'FILE is a workbook file, or a team workbook in PostgreSQL:',
    '  postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE?workbook=NAME',
    '  (the password may instead come from PGPASSWORD or ~/.pgpass)',
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Exit status: 0 done, 1 a problem with a file or its data (named on stderr), 2 a mistake in the command.',
  ].join('\n');
}

const stdio: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  write: (piece) => process.stdout.write(piece),
};

/** Run one cpw command line; resolves to the exit status. Nothing it writes ever shows a password typed in an address. */
export async function main(argv: string[], given: Io = stdio): Promise<number> {
  const io: Io = { out: (t) => given.out(redactPasswords(t)), err: (t) => given.err(redactPasswords(t)) };
  const write = given.write?.bind(given);
  if (write) io.write = (piece) => write(redactPasswords(piece));
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const cmd = topic === undefined ? undefined : COMMANDS[topic];
    io.out(cmd ? cmd.usage : overview());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(version);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`cpw: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  let backend: Backend | null = null;
  try {
    const parsed = parse(command, rest);
    // Only `serve` keeps a person's settings and recent workbooks, in the folder it is given.
    backend = createBackend({ profileDir: str(parsed, 'profile') });
    const client: Client = createClient((method, input) => backend!.call(method, input));
    return await command.run(parsed, client, io, backend);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`cpw ${name}: ${e.message}`);
      io.err(`usage: ${command.usage.split('\n\n')[0]}`);
      return 2;
    }
    if (e instanceof CpwError) {
      io.err(`cpw ${name}: ${e.message}`);
      return 1;
    }
    io.err(`cpw ${name}: internal error: ${(e as Error).stack ?? String(e)}`);
    return 1;
  } finally {
    await backend?.close();
  }
}

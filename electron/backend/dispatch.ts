import type { Sql } from './db/sql';
import Database from 'better-sqlite3';
import { contract, isMethod, type Method, type RpcResult } from '../../shared/ipc/contract';
import { CpwError, type RpcError } from '../../shared/ipc/errors';
import { assumptionHandlers } from './handlers/assumptions';
import { interactionHandlers } from './handlers/interactions';
import { periodHandlers } from './handlers/periods';
import { planHandlers } from './handlers/plan';
import { dimensionHandlers } from './handlers/dimensions';
import { poolHandlers } from './handlers/pools';
import { reportHandlers } from './handlers/report';
import { historyHandlers } from './handlers/history';
import { rowHandlers } from './handlers/rows';
import { scenarioHandlers } from './handlers/scenarios';
import { accountHandlers } from './handlers/account';
import { auditHandlers } from './handlers/audit';
import { exportHandlers } from './handlers/export';
import { importHandlers } from './handlers/import';
import { precallHandlers } from './handlers/precall';
import { trendHandlers } from './handlers/trends';
import type { Context, Handlers } from './handlers/types';
import { profileHandlers } from './handlers/profile';
import { workbookHandlers } from './handlers/workbook';
import { openProfile, type Profile } from './profile';
import { Session } from './db/session';
import { StagedFiles } from './io/staged-files';
import { openStore } from './db/locations';
import { problemsMessage, zodProblems } from './validation';
import { knownPlaceFailure } from './db/place';
import { setNativeBinding } from './db/sqlite';
import { namesServerPath } from '../../shared/ipc/server-paths';
import { runAs, type Person } from './actor';
import { teamRefusal } from './team/methods';

/** Join the domains' handlers, refusing a method defined twice; `satisfies` proves every method has one. */
function joinHandlers(...domains: Partial<Handlers>[]): Handlers {
  const all: Record<string, unknown> = {};
  for (const domain of domains) {
    for (const [name, fn] of Object.entries(domain)) {
      if (name in all) throw new Error(`RPC method ${name} has two handlers`);
      all[name] = fn;
    }
  }
  const missing = Object.keys(contract).filter((m) => !(m in all));
  if (missing.length) throw new Error(`RPC methods without a handler: ${missing.join(', ')}`);
  return all as Handlers;
}

const HANDLERS = joinHandlers(
  workbookHandlers,
  profileHandlers,
  periodHandlers,
  planHandlers,
  dimensionHandlers,
  poolHandlers,
  rowHandlers,
  historyHandlers,
  assumptionHandlers,
  interactionHandlers,
  scenarioHandlers,
  reportHandlers,
  importHandlers,
  exportHandlers,
  precallHandlers,
  accountHandlers,
  auditHandlers,
  trendHandlers,
) satisfies Handlers;

/** A refusal: the failing case of RpcResult, which every result type accepts. */
type Failure = Extract<RpcResult<never>, { ok: false }>;
const fail = (code: RpcError['code'], message: string, details?: RpcError['details']): Failure => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/**
 * SQLite's refusals in the user's words, naming the workbook; a CHECK
 * constraint is a rule the input broke. Every write is one transaction, so
 * a refused one changed nothing, and the message says so.
 */
function fromSqlite(e: InstanceType<Database.SqliteError>, method: string, path: string | null): Failure {
  const file = path ?? 'the workbook';
  if (e.code === 'SQLITE_BUSY' || e.code === 'SQLITE_LOCKED') return fail('LOCKED', `${file} is busy in another process: ${e.message}`);
  if (e.code.startsWith('SQLITE_CONSTRAINT')) return fail('INVALID_INPUT', `${file} refused the change: ${e.message}`);
  if (e.code === 'SQLITE_CORRUPT' || e.code === 'SQLITE_NOTADB') return fail('DAMAGED', `${file} is damaged: ${e.message}`);
  const placed = knownPlaceFailure(e, file, 'saving the change');
  if (placed) return fail(placed.code, placed.message, placed.details);
  return fail('IO_ERROR', `${file}: ${method} failed (${e.message}); nothing was changed`);
}

/**
 * Who is calling: the command line or the desktop shell's own menus and
 * dialogs (`local`), or a window through its transport (`window`: HTTP in
 * browser mode, IPC from the renderer), which is never served a method that
 * names a path on this computer's disk.
 */
export type Caller = 'local' | 'window' | Person;

export interface Backend {
  /** Look the method up, parse the input, run the handler, parse the output. Never throws. */
  call(method: string, input: unknown, caller?: Caller): Promise<RpcResult<unknown>>;
  close(): Promise<void>;
  /** A read of the open workbook outside the contract (a streamed answer), its failures named as call names them. */
  read<T>(method: string, fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** The open workbook's session: what a team server sets up its store through. */
  readonly session: Session;
  /** The person's folder (settings, recent workbooks), when started with one: the desktop app adds team workbooks to its list. */
  readonly profile: Profile | null;
}

export interface BackendOptions {
  /** The person's folder for settings, recent workbooks and the sample; none for a plain CLI run. */
  profileDir?: string;
  /**
   * better-sqlite3 built for another runtime than this Node's: the desktop app
   * passes the Electron build (DESIGN.md, "Packaging"), so the Node build the
   * CLI and tests load is never touched.
   */
  nativeBinding?: string;
}

/**
 * Methods whose whole answer is built from rows read through the store's checks
 * (the engine's report, the period's columns), trusted as the property tests
 * hold them to their schemas: at 100,000 accounts a parse of the columns alone
 * was a tenth of a second of the window's wait for its rows.
 */
const ENGINE_OUTPUT: ReadonlySet<string> = new Set<Method>(['report.get', 'rows.columns']);

export function createBackend(options: BackendOptions = {}): Backend {
  if (options.nativeBinding !== undefined) setNativeBinding(options.nativeBinding);
  const ctx: Context = { session: new Session(openStore), profile: options.profileDir ? openProfile(options.profileDir) : null, staged: new StagedFiles() };
  async function call(method: string, input: unknown, caller: Caller = 'local'): Promise<RpcResult<unknown>> {
    if (typeof method !== 'string' || !isMethod(method)) return fail('UNKNOWN_METHOD', `unknown method "${String(method)}"`);
    const person = typeof caller === 'object' ? caller : null;
    if (person) {
      const refused = teamRefusal(method, person);
      if (refused) return fail(refused.code, refused.message);
    }
    if (caller !== 'local' && namesServerPath(method, input)) {
      return fail(
        'FORBIDDEN',
        `${method} names a file on the computer the workbench runs on, which a window may not do: it sends a file's content and receives downloads (use the command line, or the app's File menu)`,
      );
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const problems = zodProblems(parsed.error);
      return fail('INVALID_INPUT', problemsMessage(`invalid input to ${method}`, problems), { problems });
    }
    try {
      const handler = HANDLERS[method] as (input: unknown, ctx: Context) => unknown;
      const value = await runAs(person, async () => handler(parsed.data, ctx));
      // What ENGINE_OUTPUT names is not parsed again (the report's parse was a second of `cpw report` at 100,000
      // accounts); its schemas still hold it: tests/unit/shared/properties.test.ts, "the report the engine builds…" and "rows sent as one array per field…".
      if (ENGINE_OUTPUT.has(method)) return { ok: true, value };
      const out = spec.output.safeParse(value);
      if (!out.success) return fail('INTERNAL', problemsMessage(`${method} produced an invalid result`, zodProblems(out.error)));
      return { ok: true, value: out.data };
    } catch (e) {
      return failure(e, method);
    }
  }
  function failure(e: unknown, method: string): Failure {
    if (e instanceof CpwError) {
      // What a reader found wrong in the file names the file, as every refusal does.
      const path = ctx.session.path;
      const named = e.code === 'DAMAGED' && path !== null && !e.message.includes(path) ? `${path}: ${e.message}` : e.message;
      return fail(e.code, named, e.details);
    }
    if (e instanceof Database.SqliteError) return fromSqlite(e, method, ctx.session.path);
    return fail('INTERNAL', `${method} failed: ${(e as Error)?.message ?? String(e)}`);
  }
  async function read<T>(method: string, fn: (tx: Sql) => Promise<T>): Promise<T> {
    try {
      return await ctx.session.read(fn);
    } catch (e) {
      const { error } = failure(e, method);
      throw new CpwError(error.code, error.message, error.details);
    }
  }
  return { call, read, close: () => ctx.session.close(), session: ctx.session, profile: ctx.profile };
}

export type { Method };

import Database from 'better-sqlite3';
import { contract, isMethod, type Method, type RpcResult } from '../../shared/ipc/contract';
import { CpwError, type RpcError } from '../../shared/ipc/errors';
import { assumptionHandlers } from './handlers/assumptions';
import { interactionHandlers } from './handlers/interactions';
import { periodHandlers } from './handlers/periods';
import { poolHandlers } from './handlers/pools';
import { reportHandlers } from './handlers/report';
import { rowHandlers } from './handlers/rows';
import { scenarioHandlers } from './handlers/scenarios';
import { transferHandlers } from './handlers/transfer';
import type { Context, Handlers } from './handlers/types';
import { profileHandlers } from './handlers/profile';
import { workbookHandlers } from './handlers/workbook';
import { openProfile } from './profile';
import { Session } from './session';
import { problemsMessage, zodProblems } from './validation';

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
  poolHandlers,
  rowHandlers,
  assumptionHandlers,
  interactionHandlers,
  scenarioHandlers,
  reportHandlers,
  transferHandlers,
) satisfies Handlers;

const fail = (code: RpcError['code'], message: string, details?: RpcError['details']): RpcResult<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** SQLite's refusals in the user's words; a CHECK constraint is a rule the input broke. */
function fromSqlite(e: InstanceType<Database.SqliteError>): RpcResult<never> {
  if (e.code === 'SQLITE_BUSY' || e.code === 'SQLITE_LOCKED') return fail('LOCKED', `the workbook is busy in another process: ${e.message}`);
  if (e.code.startsWith('SQLITE_CONSTRAINT')) return fail('INVALID_INPUT', `the workbook refused the change: ${e.message}`);
  if (e.code === 'SQLITE_CORRUPT' || e.code === 'SQLITE_NOTADB') return fail('DAMAGED', `the workbook is damaged: ${e.message}`);
  if (e.code === 'SQLITE_READONLY') return fail('READ_ONLY', `the workbook cannot be written: ${e.message}`);
  return fail('IO_ERROR', e.message);
}

export interface Backend {
  /** Look the method up, parse the input, run the handler, parse the output. Never throws. */
  call(method: string, input: unknown): Promise<RpcResult<unknown>>;
  close(): void;
}

export interface BackendOptions {
  /** The person's folder for settings, recent workbooks and the sample; none for a plain CLI run. */
  profileDir?: string;
}

export function createBackend(options: BackendOptions = {}): Backend {
  const ctx: Context = { session: new Session(), profile: options.profileDir ? openProfile(options.profileDir) : null };
  async function call(method: string, input: unknown): Promise<RpcResult<unknown>> {
    if (typeof method !== 'string' || !isMethod(method)) return fail('UNKNOWN_METHOD', `unknown method "${String(method)}"`);
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const problems = zodProblems(parsed.error);
      return fail('INVALID_INPUT', problemsMessage(`invalid input to ${method}`, problems), { problems });
    }
    try {
      const handler = HANDLERS[method] as (input: unknown, ctx: Context) => unknown;
      const value = await handler(parsed.data, ctx);
      const out = spec.output.safeParse(value);
      if (!out.success) return fail('INTERNAL', problemsMessage(`${method} produced an invalid result`, zodProblems(out.error)));
      return { ok: true, value: out.data };
    } catch (e) {
      if (e instanceof CpwError) return fail(e.code, e.message, e.details);
      if (e instanceof Database.SqliteError) return fromSqlite(e);
      return fail('INTERNAL', `${method} failed: ${(e as Error)?.message ?? String(e)}`);
    }
  }
  return { call, close: () => ctx.session.close() };
}

export type { Method };

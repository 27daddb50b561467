import { currentPerson } from '../../actor';
import { CpwError } from '../../../../shared/ipc/errors';
import { describePg, type PgLocation } from './location';

interface PgLike {
  code?: string;
  message?: string;
}

const LOST = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', 'ECONNRESET', 'EPIPE']);
const UNREACHED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT']);

/** The server, as messages name it: host and port, never the password. */
export function serverOf(loc: PgLocation): string {
  return `the PostgreSQL server at ${loc.host.includes(':') ? `[${loc.host}]` : loc.host}:${loc.port}`;
}

/**
 * What PostgreSQL (or the network on the way to it) said, in the user's
 * words, naming the server and the workbook but never the password. `doing`
 * says what was under way; `committing` whether the COMMIT itself was sent,
 * after which only the server knows whether the change was kept (it keeps all
 * of it or none).
 */
export function pgFailure(e: unknown, loc: PgLocation, doing: string, committing = false): CpwError {
  if (e instanceof CpwError) return e;
  const err = (e ?? {}) as PgLike;
  const code = err.code ?? '';
  const message = err.message ?? String(e);
  const server = serverOf(loc);
  const where = describePg(loc);
  const unsaved = committing ? 'PostgreSQL keeps all of the change or none of it: open the workbook again to see which' : 'nothing of it was saved';
  if (UNREACHED.has(code) || /timeout expired|connect ETIMEDOUT/i.test(message)) {
    return new CpwError('UNREACHABLE', `can't reach ${server} (${reason(code, message)}): is it running, and are the host and port right? (${doing}, nothing was changed)`);
  }
  if (LOST.has(code) || /Connection terminated|connection .*closed|terminating connection|Client has encountered a connection error|not queryable/i.test(message)) {
    return new CpwError('UNREACHABLE', `the connection to ${server} was lost while ${doing}: ${unsaved}`);
  }
  if (code === '28P01') return new CpwError('DENIED', `${server} refused the password of user "${loc.user}" (check the address, PGPASSWORD or ~/.pgpass)`);
  if (code === '28000') return new CpwError('DENIED', `${server} refused user "${loc.user}" for database "${loc.database}": ${firstLine(message)}`);
  if (/client password must be a string|password authentication|SASL/i.test(message)) {
    return new CpwError('DENIED', `${server} asks user "${loc.user}" for a password and none was given: put it in the address, in PGPASSWORD or in ~/.pgpass`);
  }
  if (code === '3D000') return new CpwError('NOT_FOUND', `there is no database "${loc.database}" on ${server}: create it first (see the README, "A team workbook in PostgreSQL")`);
  const person = currentPerson();
  if (code === '42501' && person) {
    return new CpwError('FORBIDDEN', `${person.name} (${person.role}) may not do this in ${where}: PostgreSQL's row-level security refused it (${firstLine(message)}); nothing was changed`);
  }
  if (code === '42501') return new CpwError('FORBIDDEN', `user "${loc.user}" may not do this in ${where} (${firstLine(message)}): ${doing} was refused and nothing was changed`);
  if (code.startsWith('23')) return new CpwError('INVALID_INPUT', `${where} refused the change: ${firstLine(message)}; nothing was changed`);
  if (code === '40001' || code === '40P01') return new CpwError('CONFLICT', `${where}: another change to the same rows came first while ${doing}; nothing was changed, try again`);
  if (code === '53100') return new CpwError('DISK_FULL', `the disk of ${server} is full: ${doing} failed and nothing was changed`);
  if (code === '25006') return new CpwError('READ_ONLY', `${where} is open read-only: open it for editing to change it`);
  return new CpwError('IO_ERROR', `${where}: ${doing} failed (${firstLine(message)}); ${unsaved}`);
}

function reason(code: string, message: string): string {
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'no such host';
  if (code === 'ETIMEDOUT' || /timeout/i.test(message)) return 'no answer in time';
  return firstLine(message);
}

function firstLine(text: string): string {
  return text.split('\n')[0]!;
}

import type { Method } from '../../../shared/ipc/contract';
import { CpwError } from '../../../shared/ipc/errors';
import type { Person } from '../actor';

/**
 * What a team server serves, by method: the workbook it was started on and
 * nothing else (no other workbook opened, made or copied, no person's folder
 * on the server), reads to everyone signed in, writes by role. PostgreSQL's
 * row-level security holds the same line underneath; this says it first, in
 * words.
 */
const NOT_SERVED: ReadonlySet<Method> = new Set<Method>([
  'workbook.create',
  'workbook.open',
  'workbook.close',
  'workbook.saveAs',
  'workbook.copy',
  'workbook.check',
  'workbook.backups',
  'workbook.openSample',
  'workbook.openRecent',
  'workbook.createNamed',
  'profile.update',
  'profile.clearRecent',
  'profile.saveSheetLayout',
  'report.pdf',
  'export.sheet',
  'export.template',
]);

/** Calls that change nothing. */
const READS: ReadonlySet<Method> = new Set<Method>([
  'workbook.info',
  'profile.get',
  'profile.sheetLayout',
  'periods.list',
  'rows.list',
  'rows.columns',
  'plan.columns',
  'dimensions.list',
  'history.state',
  'assumptions.get',
  'interactions.list',
  'precall.check',
  'scenarios.list',
  'scenarios.run',
  'pools.get',
  'report.get',
  'report.html',
  'report.download',
  'trends.get',
  'account.picture',
  'audit.list',
  'import.preview',
  'export.download',
]);

/** What a director may change: the rows and interactions of their own accounts (checked per account), and their own undo. */
const DIRECTOR_WRITES: ReadonlySet<Method> = new Set<Method>([
  'rows.insert',
  'rows.edit',
  'rows.update',
  'rows.patch',
  'rows.delete',
  'dimensions.set',
  'history.undo',
  'history.redo',
  'interactions.add',
  'interactions.update',
  'interactions.delete',
]);

/** Refuse, in words, a call this person may not make on a team server; null when it may go on. */
export function teamRefusal(method: Method, person: Person): CpwError | null {
  if (NOT_SERVED.has(method)) {
    return new CpwError('FORBIDDEN', `${method} is not served by a team server: it names files on the server or another workbook (use cpw on the server's computer)`);
  }
  if (READS.has(method) || person.role === 'admin' || person.role === 'consultant') return null;
  if (person.role === 'director' && DIRECTOR_WRITES.has(method)) return null;
  const role = person.role === 'director' ? 'a director changes only the rows and interactions of the accounts whose owner is theirs' : 'a viewer reads the workbook and changes nothing';
  return new CpwError('FORBIDDEN', `${person.name} may not call ${method}: ${role}`);
}

import { currentPerson, type Person } from '../actor';
import { CpwError } from '../../../shared/ipc/errors';

const ROLE_WORDS: Record<Person['role'], string> = {
  admin: 'an admin',
  consultant: 'a consultant',
  director: 'a director',
  viewer: 'a viewer',
};

/**
 * The team server's rules in words, checked before the store is asked, so
 * a refusal names the person, the role and the account. PostgreSQL's
 * row-level security holds the same rules underneath (db/pg/migrations/004),
 * so a write that got past these would still be refused there.
 */
export function mayWriteAccount(person: Person | null, owner: string | null): boolean {
  if (!person) return true;
  if (person.role === 'admin' || person.role === 'consultant') return true;
  return person.role === 'director' && person.owner !== null && owner === person.owner;
}

export function assertMayWriteAccount(account: string, owner: string | null): void {
  const person = currentPerson();
  if (mayWriteAccount(person, owner)) return;
  const p = person!;
  if (p.role === 'viewer') throw new CpwError('FORBIDDEN', `${p.name} is a viewer: a viewer reads the workbook and changes nothing`);
  throw new CpwError(
    'FORBIDDEN',
    `"${account}" is ${owner === null ? 'an account with no owner' : `${owner}'s account`}: ${p.name}, a director, changes only the accounts whose owner is "${p.owner ?? '(none set)'}"; nothing was changed`,
  );
}

/** What only admins and consultants change: assumptions, scenarios, periods, cost pools, imports. */
export function assertMayWriteAll(what: string): void {
  const person = currentPerson();
  if (!person || person.role === 'admin' || person.role === 'consultant') return;
  throw new CpwError('FORBIDDEN', `${person.name} is ${ROLE_WORDS[person.role]}: ${what} is for consultants and admins; nothing was changed`);
}

/** Whether the person may write at all (everyone but a viewer). */
export function assertMayWrite(): void {
  const person = currentPerson();
  if (person?.role === 'viewer') throw new CpwError('FORBIDDEN', `${person.name} is a viewer: a viewer reads the workbook and changes nothing`);
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { userInfo } from 'node:os';
import { z } from 'zod';

export const ROLES = ['admin', 'consultant', 'director', 'viewer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.output<typeof Role>;

/** A person signed in to a team server: who the transaction is for, and what they may do. */
export const Person = z.object({ name: z.string(), role: Role, owner: z.string().nullable() });
export type Person = z.output<typeof Person>;

/**
 * Who an action is for, from the call down to the store's transaction: the
 * team server runs each call as its person (the store sets it on the
 * PostgreSQL transaction, where row-level security reads it; history and the
 * audit log record it), without every handler passing it along.
 */
const current = new AsyncLocalStorage<Person>();

export function runAs<T>(person: Person | null, fn: () => Promise<T>): Promise<T> {
  return person ? current.run(person, fn) : fn();
}

/** The team server's person of this call, or null (the command line, the desktop app, browser mode). */
export function currentPerson(): Person | null {
  return current.getStore() ?? null;
}

let localName: string | null = null;

/** The name history and the audit log record: the signed-in person, else this computer's user. */
export function actorName(): string {
  const person = currentPerson();
  if (person) return person.name;
  if (localName === null) {
    try {
      localName = userInfo().username || 'local';
    } catch {
      localName = process.env.USER ?? 'local';
    }
  }
  return localName;
}

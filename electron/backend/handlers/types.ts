import type { z } from 'zod';
import type { Contract, Method, ParsedInput } from '../../../shared/ipc/contract';
import type { Profile } from '../profile';
import type { Session } from '../db/session';
import type { StagedFiles } from '../io/staged-files';

export interface Context {
  readonly session: Session;
  /** The person's folder, when the host has one (the app, browser mode started by `npm start`). */
  readonly profile: Profile | null;
  /** Files the window sent once, named by id in later calls. */
  readonly staged: StagedFiles;
}

export type Handler<M extends Method> = (
  input: ParsedInput<M>,
  ctx: Context,
) => z.input<Contract[M]['output']> | Promise<z.input<Contract[M]['output']>>;

export type Handlers = { [M in Method]: Handler<M> };

/** A domain's handlers, each checked against the contract's types for its method name. */
export function defineHandlers<M extends Method>(handlers: { [K in M]: Handler<K> }): { [K in M]: Handler<K> } {
  return handlers;
}
